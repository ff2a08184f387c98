import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-main/api/messages.js';
import type { VectorLayerRead } from '../../../src-main/core/formats/format-module.js';
import { openFile } from '../../../src-main/node/formats/index.js';
import { fixture } from '../../fixtures/index.js';
import { fieldTypeOfOgr, ogrFeatures, ogrLayers } from '../../support/ogr-layers.js';
import { outcome } from '../../support/outcome.js';

const GPKG = fixture('containers', '矿产地质.gpkg');
const ODD = fixture('containers', 'odd-names.gpkg');
const bad = (name: string): string => fixture('containers', 'bad', name);

const vectorLayers = async (file: string): Promise<VectorLayerRead[]> =>
  (await openFile(file)).layers.filter((l): l is VectorLayerRead => l.kind === 'vector');

/** Compares every layer of `file` with GDAL: names, order, CRS, extent, counts, fields, all attribute values. */
async function expectAsGdal(file: string): Promise<void> {
  const [ours, gdal] = await Promise.all([vectorLayers(file), ogrLayers(file)]);
  expect(ours.map((l) => l.layer)).toEqual(gdal.map((l) => l.name));
  for (const [i, g] of gdal.entries()) {
    const layer = ours[i];
    if (layer === undefined) throw new Error(`layer ${g.name} missing`);
    expect(layer.info.crs?.code ?? null, g.name).toBe(g.epsg);
    expect(layer.info.featureCount, g.name).toBe(g.featureCount);
    expect(layer.features).toHaveLength(g.featureCount);
    if (g.extent === null) expect(layer.info.extent).toBeNull();
    else
      layer.info.extent?.forEach((v, k) => {
        expect(v).toBeCloseTo(g.extent?.[k] ?? NaN, 5);
      });
    expect(layer.info.fields).toEqual(g.fields.map((f) => ({ name: f.name, type: fieldTypeOfOgr(f.type) })));
    const reference = await ogrFeatures(file, g.name);
    reference.forEach((f, k) => {
      const mine = layer.features[k]?.properties ?? {};
      for (const field of g.fields) {
        const want = f.properties[field.name] ?? null;
        // GDAL writes a boolean field as JSON true/false; dates as 'YYYY-MM-DD', as stored.
        expect(mine[field.name], `${g.name} #${String(k)} ${field.name}`).toEqual(want);
      }
    });
  }
}

describe('GeoPackage: every vector layer, as GDAL reads it', () => {
  it('three layers in two CRSs (CGCS2000 4490 and its 3° GK CM 117E 4548), Chinese names and values', async () => {
    await expectAsGdal(GPKG);
    const layers = await vectorLayers(GPKG);
    expect(layers.map((l) => [l.layer, l.info.geometryType, l.info.crs?.code])).toEqual([
      ['钻孔', 'Point', 'EPSG:4490'],
      ['断层', 'LineString', 'EPSG:4490'],
      ['采矿权', 'MultiPolygon', 'EPSG:4548'],
    ]);
    // The holes survive: every mining right's first polygon has an outer ring and one hole.
    for (const f of layers[2]?.features ?? []) {
      expect(f.geometry?.type).toBe('MultiPolygon');
      if (f.geometry?.type === 'MultiPolygon') expect(f.geometry.coordinates[0]).toHaveLength(2);
    }
    expect(layers[0]?.features[0]?.properties).toMatchObject({
      孔号: 'ZK001',
      矿区: '凤凰山铜矿',
      已验收: false,
    });
  });

  it('geometries equal GDAL’s, coordinate for coordinate', async () => {
    const layers = await vectorLayers(GPKG);
    for (const layer of layers) {
      const reference = await ogrFeatures(GPKG, layer.layer ?? '');
      expect(layer.features.map((f) => f.geometry)).toEqual(reference.map((f) => f.geometry));
    }
  });

  it('reads a table whose name and columns hold quotes, brackets and SQL, as data, not as SQL', async () => {
    await expectAsGdal(ODD);
    const names = (await vectorLayers(ODD)).map((l) => l.layer);
    expect(names).toContain('a"b]; DROP TABLE x; --[');
  });

  it.each([
    ['chinese', 'gpkg', '广西地质.gpkg'],
    ['gpkg', 'nc.gpkg'],
  ])('the other GeoPackage fixtures: %s/%s', async (...parts) => {
    await expectAsGdal(fixture(...parts));
  });
});

describe('GeoPackage: what cannot be read is refused with a reason', () => {
  const refusal = async (
    file: string,
  ): Promise<{ code: string; problem: string; en: string; zh: string }> => {
    const result = (await outcome(() => openFile(file))) as {
      code?: string;
      params?: Record<string, string | number>;
    };
    if (result.code === undefined || result.params === undefined) throw new Error(`${file} was read`);
    const key = `error.${result.code}` as const;
    return {
      code: result.code,
      problem: String(result.params['problem']),
      en: renderMessage(key as Parameters<typeof renderMessage>[0], result.params, 'en'),
      zh: renderMessage(key as Parameters<typeof renderMessage>[0], result.params, 'zh-CN'),
    };
  };

  it.each([
    ['not-sqlite.gpkg', 'CORRUPT_FILE', 'problem.sqliteNotDatabase'],
    ['truncated.gpkg', 'CORRUPT_FILE', 'problem.sqliteQuery'],
    ['view-layer.gpkg', 'CORRUPT_FILE', 'problem.gpkgLayerNotTable'],
    ['absurd-count.gpkg', 'CORRUPT_FILE', 'problem.wkbCount'],
    ['generated-column.gpkg', 'CORRUPT_FILE', 'problem.gpkgGeneratedColumn'],
  ])('%s: %s %s, in both languages', async (name, code, problem) => {
    const r = await refusal(bad(name));
    expect([r.code, r.problem]).toEqual([code, problem]);
    expect(r.en).toContain(name);
    expect(r.en).not.toMatch(/\{\{|problem\./);
    expect(r.zh).not.toMatch(/\{\{|problem\./);
    expect(r.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a GeoPackage of gridded coverages only is refused as unsupported, naming them', async () => {
    const r = await refusal(fixture('gpkg_tiles', 'coverage.gpkg'));
    expect([r.code, r.problem]).toEqual(['UNSUPPORTED_FORMAT', 'problem.gpkgCoveragesOnly']);
    expect(r.en).toContain('2d-gridded-coverage');
  });

  it('a tiles-only GeoPackage is one raster layer, named by its table as GDAL names it', async () => {
    const file = fixture('containers', 'tiles-only.gpkg');
    const opened = await openFile(file);
    expect(opened.layers.map((l) => [l.kind, l.layer])).toEqual([['raster', 'tiles-only']]);
    const en = renderMessage('notice.geopackage.coveragesSkipped', { file: 'x.gpkg' }, 'en');
    const zh = renderMessage('notice.geopackage.coveragesSkipped', { file: 'x.gpkg' }, 'zh-CN');
    expect([en, zh].every((t) => t.startsWith('x.gpkg'))).toBe(true);
  });

  it('opening the file never writes to it (no journal, no -wal, bytes unchanged)', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const before = await readFile(GPKG);
    const listed = await readdir(path.dirname(GPKG));
    await openFile(GPKG);
    expect(Buffer.compare(await readFile(GPKG), before)).toBe(0);
    expect(await readdir(path.dirname(GPKG))).toEqual(listed);
  });
});
