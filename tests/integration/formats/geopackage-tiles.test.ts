// GeoPackage tile tables as rasters (ADR 0181): each tile table opens as one raster layer with
// the facts `gdalinfo -json GPKG:file:table` reports (size, bands, type, geotransform, extent,
// CRS), its working copy holds the pixels GDAL decodes from the tiles (every sample of every band
// compared; JPEG within the decoders' rounding), missing tiles are transparent, and hostile
// tables end in a translated error within seconds.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-main/api/messages.js';
import { geoTransformOf, type RasterInfo } from '../../../src-main/core/model/index.js';
import { openFile } from '../../../src-main/node/formats/index.js';
import { writeWorkingCopy } from '../../../src-main/node/raster/index.js';
import { TILE_RASTERS, TILES_BAD_DIR, TILES_DIR } from '../../fixtures/gpkg-tiles.js';
import { fixture } from '../../fixtures/index.js';
import { gdal, gdalinfo } from '../../support/gdal.js';
import { outcome } from '../../support/outcome.js';
import { tempDir } from '../../support/samples.js';
import { expectTileRasterLikeGdal, gpkgName, tileLayer } from '../../support/tile-raster-vs-gdal.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  scratch = await tempDir('strata-gpkg-tiles-');
});
afterAll(async () => {
  await scratch.cleanup();
});

/** Every sample of a Byte raster, bands interleaved, as GDAL decodes it. */
async function rawSamples(source: string, tag: string): Promise<Uint8Array> {
  const raw = path.join(scratch.dir, `${tag}.raw`);
  await gdal('gdal_translate', ['-q', '-of', 'ENVI', '-co', 'INTERLEAVE=BIP', source, raw]);
  return new Uint8Array(await readFile(raw));
}

async function copyOf(file: string, table: string, info: RasterInfo): Promise<string> {
  const dest = path.join(scratch.dir, `${path.basename(file)}.display.tif`);
  const outcome = await writeWorkingCopy(
    file,
    dest,
    {},
    {
      geoTransform: geoTransformOf(info),
      crs: info.crs,
      nodata: info.nodata,
      tileTable: table,
    },
  );
  expect(outcome.written).toBe(true);
  return dest;
}

describe('a GeoPackage tile table is a raster as GDAL reads it', () => {
  it.each(TILE_RASTERS)('%s [%s]: size, bands, type, geotransform, extent, CRS', async (name, table) => {
    await expectTileRasterLikeGdal(fixture(TILES_DIR, name), table);
  });

  it.each(TILE_RASTERS)('%s [%s]: the working copy holds the pixels GDAL decodes', async (name, table) => {
    const file = fixture(TILES_DIR, name);
    const { info } = await tileLayer(file, table);
    const copy = await copyOf(file, table, info);
    const copied = await gdalinfo(copy);
    expect(copied.size).toEqual([info.width, info.height]);
    expect(copied.bands).toHaveLength(info.bandCount);
    const [ours, theirs] = await Promise.all([
      rawSamples(copy, `${name}-ours`),
      rawSamples(gpkgName(file, table), `${name}-gdal`),
    ]);
    expect(ours.length).toBe(theirs.length);
    let worst = 0;
    for (let i = 0; i < ours.length; i += 1)
      worst = Math.max(worst, Math.abs((ours[i] ?? 0) - (theirs[i] ?? 0)));
    // jpeg-js and libjpeg round their IDCT differently (ADR 0130: within 4 levels); PNG is exact.
    expect(worst).toBeLessThanOrEqual(name.includes('jpeg') ? 4 : 0);
  });

  it('a missing tile is transparent, in GDAL and in the copy alike (gdallocationinfo)', async () => {
    const [name, table] = TILE_RASTERS[2];
    const file = fixture(TILES_DIR, name);
    const { info } = await tileLayer(file, table);
    const copy = await copyOf(file, table, info);
    const at = async (source: string, x: number, y: number): Promise<number[]> => {
      const run = await import('node:child_process').then(({ execFileSync }) =>
        execFileSync('gdallocationinfo', ['-valonly', source, String(x), String(y)], { encoding: 'utf8' }),
      );
      return run.trim().split(/\s+/).map(Number);
    };
    // Tile 1/0 of the finest level (x 256-511, y 0-255) was deleted; tile 0/0 was kept.
    for (const [x, y] of [
      [300, 10],
      [10, 10],
      [699, 499],
      [600, 300],
    ] as const) {
      const [mine, gdals] = await Promise.all([at(copy, x, y), at(gpkgName(file, table), x, y)]);
      expect(mine, `${String(x)},${String(y)}`).toEqual(gdals);
    }
    expect(await at(copy, 300, 10)).toEqual([0, 0, 0, 0]);
  });

  it('vectors and a tile table in one file: every vector layer, then the raster, each by its table', async () => {
    const file = fixture('containers', 'vectors-and-tiles.gpkg');
    const layers = (await openFile(file)).layers;
    expect(layers.map((l) => [l.kind, l.layer, l.notices])).toEqual([
      ['vector', '钻孔', []],
      ['vector', '断层', []],
      ['vector', '采矿权', []],
      ['raster', '影像', []],
    ]);
    const raster = layers[3];
    if (raster?.kind !== 'raster') throw new Error('raster expected');
    const g = await gdalinfo(gpkgName(file, '影像'));
    expect([raster.info.width, raster.info.height, raster.info.bandCount]).toEqual([
      ...g.size,
      g.bands.length,
    ]);
  });
});

/** What opening, then copying, `file` ends in: its error's code, problem and messages. */
async function refusal(
  file: string,
): Promise<{ code: string; problem: string; en: string; zh: string; ms: number }> {
  const started = Date.now();
  const result = (await outcome(async () => {
    const opened = await openFile(file);
    const layer = opened.layers.find((l) => l.kind === 'raster');
    if (layer?.kind !== 'raster') return opened;
    return copyOf(file, layer.layer ?? '', layer.info);
  })) as { code?: string; params?: Record<string, string | number> };
  if (result.code === undefined || result.params === undefined) throw new Error(`${file} was read`);
  const key = `error.${result.code}` as Parameters<typeof renderMessage>[0];
  return {
    code: result.code,
    problem: String(result.params['problem']),
    en: renderMessage(key, result.params, 'en'),
    zh: renderMessage(key, result.params, 'zh-CN'),
    ms: Date.now() - started,
  };
}

describe('hostile tile tables end in a translated error within seconds', () => {
  it.each([
    ['not-image.gpkg', 'CORRUPT_FILE', 'problem.gpkgTileNotImage'],
    ['webp.gpkg', 'UNSUPPORTED_FORMAT', 'problem.gpkgTileWebp'],
    ['absurd-matrix.gpkg', 'CORRUPT_FILE', 'problem.tileSetMatrix'],
    ['absurd-tile-size.gpkg', 'CORRUPT_FILE', 'problem.tileSetMatrix'],
    ['matrix-set-mismatch.gpkg', 'CORRUPT_FILE', 'problem.gpkgTileMatrixBounds'],
    ['stray-zoom.gpkg', 'CORRUPT_FILE', 'problem.gpkgTileZoomUnknown'],
    ['tile-out-of-range.gpkg', 'CORRUPT_FILE', 'problem.gpkgTileOutOfRange'],
    ['table-missing.gpkg', 'CORRUPT_FILE', 'problem.gpkgLayerNotTable'],
  ])('%s: %s %s', async (name, code, problem) => {
    const r = await refusal(fixture(TILES_BAD_DIR, name));
    expect([r.code, r.problem]).toEqual([code, problem]);
    expect(r.ms).toBeLessThan(5_000);
    expect(r.en).toContain(name);
    expect(r.en).not.toMatch(/\{\{|problem\./);
    expect(r.zh).not.toMatch(/\{\{|problem\./);
    expect(r.zh).toMatch(/[\u4e00-\u9fff]/);
    if (problem === 'problem.gpkgTileWebp') expect([r.en, r.zh].every((t) => t.includes('WebP'))).toBe(true);
  });
});
