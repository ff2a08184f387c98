import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StrataError } from '../../../src-main/api/errors.js';
import { renderMessage } from '../../../src-main/api/messages.js';
import { runReview } from '../../../src-main/core/review/engine.js';
import type { ReviewSubject } from '../../../src-main/core/review/rule.js';
import { createIsolatedParsers } from '../../../src-main/node/isolation/index.js';
import { loadReviewProfile } from '../../../src-main/services/profile-files.js';
import { tempDir } from '../../support/samples.js';
import { fixture } from '../../fixtures/index.js';

const parsers = createIsolatedParsers();
const reader = { open: parsers.openFile, openForImport: parsers.openForImport, hidden: parsers.hidden };
afterAll(() => parsers.close());

/** A square restricted zone in CGCS2000 degrees over the middle of the contour fixture (CM 108E). */
const ZONE = {
  type: 'FeatureCollection',
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4490' } },
  features: [
    {
      type: 'Feature',
      properties: { name: '某区域' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [108.52, 22.821],
            [108.525, 22.821],
            [108.525, 22.826],
            [108.52, 22.826],
            [108.52, 22.821],
          ],
        ],
      },
    },
  ],
};

const agency = (zones: unknown[]) => ({
  id: 'agency-zones',
  version: 1,
  name: '某单位限制区域',
  rules: { 'restricted-zone': { zones } },
});

async function failure(run: Promise<unknown>): Promise<{ code: string; params: unknown }> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof StrataError)) throw new Error(`expected a StrataError, got ${String(error)}`);
  return { code: error.code, params: error.params };
}

describe('a profile naming a local zone file (ADR 0164)', () => {
  it('reads the zones at load, hashes them in, and flags the contours and the DEM inside', async () => {
    const tmp = await tempDir();
    try {
      await writeFile(path.join(tmp.dir, 'zones.geojson'), JSON.stringify(ZONE));
      const loaded = await loadReviewProfile(
        agency([{ file: 'zones.geojson', crs: 'EPSG:4490' }]),
        tmp.dir,
        reader,
      );
      if ('problems' in loaded) throw new Error(loaded.problems.join('; '));
      const again = await loadReviewProfile(
        agency([{ file: 'zones.geojson', crs: 'EPSG:4490' }]),
        tmp.dir,
        reader,
      );
      expect('profile' in again && again.profile.sha256).toBe(loaded.profile.sha256);
      await writeFile(
        path.join(tmp.dir, 'zones.geojson'),
        JSON.stringify({ ...ZONE, features: [...ZONE.features, ...ZONE.features] }),
      );
      const changed = await loadReviewProfile(
        agency([{ file: 'zones.geojson', crs: 'EPSG:4490' }]),
        tmp.dir,
        reader,
      );
      expect('profile' in changed && changed.profile.sha256).not.toBe(loaded.profile.sha256);

      const subject = async (rel: string): Promise<ReviewSubject> => {
        const opened = await parsers.openFile(fixture('review', rel));
        const layer = opened.layers[0];
        if (layer === undefined) throw new Error('no layer');
        const common = { name: rel, layer: null, texts: [], hidden: [] };
        return layer.kind === 'raster'
          ? { kind: 'raster', ...common, info: layer.info }
          : { kind: 'vector', ...common, info: layer.info, features: layer.features };
      };
      const lines = runReview(await subject('contours_50m.shp'), loaded.profile).findings;
      expect(lines).toMatchObject([
        {
          ruleId: 'restricted-zone',
          messageKey: 'finding.restrictedZoneFeatures',
          action: 'remove-features',
        },
      ]);
      expect(lines[0]?.where.featureCount).toBeGreaterThan(0);
      const [pixels, ...rest] = runReview(
        await subject('contour_dem_cgcs2000_cm108_10m.tif'),
        loaded.profile,
      ).findings;
      expect(rest).toEqual([]);
      expect(pixels).toMatchObject({ messageKey: 'finding.restrictedZoneRaster', action: 'mask-area' });
      const [col = -1, row = -1, width = 0, height = 0] = pixels?.where.window ?? [];
      expect(col).toBeGreaterThan(0);
      expect(row).toBeGreaterThan(0);
      expect(col + width).toBeLessThan(240);
      expect(row + height).toBeLessThan(200);
    } finally {
      await tmp.cleanup();
    }
  });

  it('fails closed, naming the file: missing, without polygons, or in another CRS than stated', async () => {
    const tmp = await tempDir();
    try {
      expect(
        await failure(
          loadReviewProfile(agency([{ file: 'absent.geojson', crs: 'EPSG:4490' }]), tmp.dir, reader),
        ),
      ).toMatchObject({ code: 'FILE_NOT_FOUND', params: { file: 'absent.geojson' } });
      await writeFile(
        path.join(tmp.dir, 'points.geojson'),
        JSON.stringify({
          type: 'Feature',
          properties: {},
          geometry: { type: 'Point', coordinates: [108, 23] },
        }),
      );
      expect(
        await failure(
          loadReviewProfile(agency([{ file: 'points.geojson', crs: 'EPSG:4490' }]), tmp.dir, reader),
        ),
      ).toEqual({
        code: 'CORRUPT_FILE',
        params: { file: 'points.geojson', problem: 'problem.zoneFileEmpty' },
      });
      // Translated, naming the file.
      const params = { file: 'points.geojson', problem: 'problem.zoneFileEmpty' } as const;
      expect(renderMessage('error.CORRUPT_FILE', params, 'zh-CN')).toBe(
        '文件已损坏或无法解析：points.geojson（限制区域文件中没有多边形）',
      );
      expect(renderMessage('error.CORRUPT_FILE', params, 'en')).toBe(
        'Corrupt or unreadable file: points.geojson (the restricted-zone file holds no polygons)',
      );
      // Zones in degrees stated as Gauss-Krüger metres would land nowhere and pass everything.
      await writeFile(path.join(tmp.dir, 'zones.geojson'), JSON.stringify(ZONE));
      expect(
        await failure(
          loadReviewProfile(agency([{ file: 'zones.geojson', crs: 'EPSG:4545' }]), tmp.dir, reader),
        ),
      ).toMatchObject({ code: 'CORRUPT_FILE', params: { problem: 'problem.zoneFileCrs', crs: 'EPSG:4490' } });
      // A reference the host never resolved (no polygons) does not load either.
      const parsed = await loadReviewProfile(agency([{ file: 7, crs: 'EPSG:4490' }]), tmp.dir, reader);
      expect('problems' in parsed).toBe(true);
    } finally {
      await tmp.cleanup();
    }
  });
});
