import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import { finestStated } from '../../../src-main/core/review/stated-precision.js';
import { approveCurrent, signingTeam } from '../../support/signing-team.js';
import { copyFixture, tempDir } from '../../support/samples.js';
import { ogrSummary } from '../../support/ogr-summary.js';
import { TEST_ATTRIBUTION } from '../../support/release-ready.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('contours and metadata precision through the review service (ADR 0164)', () => {
  it('blocks gdal_contour’s 10 m contours and a 5 m DEM’s “5米格网”; the DEM’s public version passes with no precision text left', async () => {
    const tmp = await tempDir();
    cleanups.push(tmp.cleanup);
    const ws = await openWorkstation({ home: path.join(tmp.dir, 'home') });
    cleanups.push(() => ws.close());
    const team = await signingTeam(ws);
    const client = team.curator;
    const contours = path.join(await copyFixture(tmp.dir, 'review'), 'contours_10m.shp');
    const dem = await copyFixture(tmp.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
    const imported = await client.call('datasets.import', { paths: [contours, dem] });
    const [lines, raster] = imported.datasets;
    if (!lines || !raster) throw new Error('import');

    // The contours: secret interval, located by the elevation field and the lines a 50 m version drops.
    const ogr = await ogrSummary(contours);
    expect(lines.featureCount).toBe(ogr.featureCount);
    const lineReview = await client.call('review.run', { id: lines.id });
    expect(lineReview.passed).toBe(false);
    const contour = lineReview.findings.find((f) => f.ruleId === 'contour-interval');
    expect(contour).toMatchObject({
      severity: 'blocking',
      messageKey: 'finding.contourIntervalSecret',
      params: { interval: 10, threshold: 20, public: 50 },
      action: 'remove-features',
      where: { field: 'ELEV' },
    });
    expect(contour?.where.featureCount).toBeGreaterThan(0);
    expect(contour?.where.featureCount).toBeLessThan(ogr.featureCount);
    // Its file name says 10m too (the precision rule reads names).
    expect(lineReview.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'position-precision',
        messageKey: 'finding.statedPrecision',
        where: { part: 'file-name', name: 'contours_10m.shp' },
      }),
    );
    expect(lineReview.profile.rules).toContainEqual({ id: 'contour-interval', version: 1 });

    // The DEM: its grid, its file name and its abstract each state 5 m.
    await client.call('catalogue.save', {
      id: raster.id,
      baseVersion: 1,
      fields: {
        title: '桂林幅数字高程模型',
        abstract: '桂林幅，5米格网。覆盖阳朔县北部',
        level: '秘密',
        period: '',
        attribution: TEST_ATTRIBUTION,
      },
    });
    const demReview = await client.call('review.run', { id: raster.id });
    expect(
      demReview.findings
        .filter((f) => f.ruleId === 'raster-resolution')
        .map((f) => [f.messageKey, f.where, f.action]),
    ).toEqual([
      ['finding.demResolution', { band: 1 }, 'resample'],
      [
        'finding.statedPrecision',
        { part: 'file-name', name: 'guilin_dem_xian80_gk40_5m.tif' },
        'strip-hidden',
      ],
      ['finding.statedPrecision', { part: 'metadata.abstract' }, 'strip-hidden'],
    ]);

    await approveCurrent(team.reviewer, raster.id);
    const released = await client.call('release.create', { id: raster.id });
    expect(released.review.passed).toBe(true);
    expect(released.review.findings).toEqual([]);
    expect(released.dataset.name).toBe('桂林幅数字高程模型.public.tif');
    const detail = await client.call('datasets.get', { id: released.id });
    const abstract = detail.record.fields.abstract;
    expect(abstract).toBe(
      '覆盖阳朔县北部。本数据为公开版：按块平均重采样至 100 m；按允许清单重新写出（不含隐藏内容）。',
    );
    for (const text of [abstract, detail.record.fields.title, released.dataset.name])
      expect(finestStated(text, 'file-name')).toBeNull();
  });
});
