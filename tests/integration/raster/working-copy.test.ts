// The display working copy (ADR 0125) against GDAL: what gdalinfo reads from the copy is what it
// reads from the original (size, georeference, CRS, nodata, every band's checksum), plus tiles of
// 512 and overviews down to 256 px; written in a worker, and a cancel leaves nothing behind.
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkingCopier, writeWorkingCopy } from '../../../src-main/node/raster/index.js';
import { fixture } from '../../fixtures/index.js';
import { gdal, gdalinfo } from '../../support/gdal.js';
import { tempDir } from '../../support/samples.js';

interface Band {
  readonly checksum: number;
  readonly block: [number, number];
  readonly noDataValue?: number | string;
  readonly type: string;
  readonly colorInterpretation: string;
  readonly overviews?: { size: [number, number]; checksum: number }[];
}
interface Info {
  readonly size: [number, number];
  readonly geoTransform: number[];
  readonly coordinateSystem?: { wkt: string };
  readonly metadata: Record<string, Record<string, string>>;
  readonly bands: Band[];
}
const info = async (file: string): Promise<Info> => (await gdalinfo(file, '-checksum')) as unknown as Info;

let scratch: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  scratch = await tempDir('strata-working-copy-');
});
afterAll(async () => {
  await scratch.cleanup();
});

const CASES = [
  // Float32 DEFLATE tiles 256, nodata, Xian 1980 GK zone 40.
  ['tiled float DEM', ['chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif']],
  // Int16 LZW strips of 16 rows, nodata, CGCS2000 geographic.
  ['striped integer DEM', ['chinese', 'raster', 'guangxi_dem_cgcs2000_geo.tif']],
  // Pixel-interleaved RGB Byte, 3-row uncompressed strips, nodata 0.
  ['multi-band RGB strips', ['raster', 'RGB.byte.tif']],
  // Band-interleaved (planar) RGB, LZW strips.
  ['planar RGB', ['raster', 'world.rgb.tif']],
  // UInt16 BGRA with an unassociated alpha (ExtraSamples), 1-row DEFLATE strips.
  ['four bands with alpha', ['raster', 'RGBA.uint16.tif']],
  // Float64 DEFLATE tiles: the floating-point predictor on 8-byte samples.
  ['Float64 tiles', ['raster', 'types', 'float64_deflate_tiled.tif']],
] as const;

/**
 * Band colours GDAL keeps in its own metadata tag (here Blue, Green, Red) are not copied: the
 * writer's allow-list has no GDAL_METADATA, and the map picks bands by number, not by colour.
 */
const COLOURS_IN_TIFF_TAGS = new Set<string>(['RGB.byte.tif', 'world.rgb.tif']);

describe('display working copy', () => {
  for (const [name, parts] of CASES) {
    it(`${name}: gdalinfo reads the same raster, tiled 512 with overviews`, async () => {
      const src = fixture(...parts);
      const dest = path.join(scratch.dir, `${parts.at(-1) ?? 'x'}.copy.tif`);
      const copier = createWorkingCopier();
      const progress: number[] = [];
      try {
        const outcome = await copier.writeWorkingCopy(src, dest, {
          onProgress: (done) => progress.push(done),
        });
        expect(outcome.written).toBe(true);
      } finally {
        await copier.close();
      }
      expect(progress.length).toBeGreaterThan(0);
      const [before, after] = [await info(src), await info(dest)];
      expect(after.size).toEqual(before.size);
      expect(after.geoTransform).toEqual(before.geoTransform);
      expect(after.coordinateSystem?.wkt).toBe(before.coordinateSystem?.wkt);
      expect(after.metadata['']).toEqual(before.metadata['']);
      expect(after.metadata['IMAGE_STRUCTURE']?.['COMPRESSION']).toBe('DEFLATE');
      expect(after.metadata['IMAGE_STRUCTURE']?.['PREDICTOR']).toBe(
        after.bands[0]?.type.startsWith('Float') ? '3' : '2',
      );
      expect(after.bands.length).toBe(before.bands.length);
      after.bands.forEach((band, i) => {
        const original = before.bands[i];
        expect(band.checksum).toBe(original?.checksum);
        expect(band.type).toBe(original?.type);
        expect(band.noDataValue).toEqual(original?.noDataValue);
        if (COLOURS_IN_TIFF_TAGS.has(parts.at(-1) ?? ''))
          expect(band.colorInterpretation).toBe(original?.colorInterpretation);
        expect(band.block).toEqual([512, 512]);
        const overviews = band.overviews ?? [];
        expect(overviews.length).toBeGreaterThan(0);
        const last = overviews.at(-1)?.size ?? [Infinity, Infinity];
        expect(Math.max(...last)).toBeLessThanOrEqual(256);
        const [w, h] = before.size;
        expect(overviews[0]?.size).toEqual([Math.ceil(w / 2), Math.ceil(h / 2)]);
      });
    });
  }

  it('the first overview is the 2 × 2 average of the full resolution, nodata given no weight', async () => {
    const src = fixture('chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
    const dest = path.join(scratch.dir, 'average.tif');
    await writeWorkingCopy(src, dest);
    // Both read by GDAL as raw Float32: the original at full resolution, the copy's overview 1.
    const raw = async (file: string, args: string[], name: string): Promise<Float32Array> => {
      const out = path.join(scratch.dir, name);
      await gdal('gdal_translate', ['-q', '-of', 'ENVI', '-ot', 'Float32', ...args, file, out]);
      const bytes = await readFile(out);
      return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    };
    const full = await raw(src, [], 'full.raw');
    const overview = await raw(dest, ['-ovr', '0'], 'ovr.raw');
    const [w, h] = [1200, 1000];
    expect(overview.length).toBe((w / 2) * (h / 2));
    const nodata = -32768;
    let compared = 0;
    let nodataCells = 0;
    let wrongNodata = 0;
    let worst = 0;
    for (let y = 0; y < h / 2; y += 1) {
      for (let x = 0; x < w / 2; x += 1) {
        const at = 2 * y * w + 2 * x;
        const quad = [full[at], full[at + 1], full[at + w], full[at + w + 1]];
        const valid = quad.filter((v): v is number => v !== undefined && v !== nodata);
        const got = overview[y * (w / 2) + x] ?? Number.NaN;
        if (valid.length === 0) {
          nodataCells += 1;
          if (got !== nodata) wrongNodata += 1;
        } else {
          compared += 1;
          worst = Math.max(worst, Math.abs(got - valid.reduce((a, b) => a + b, 0) / valid.length));
        }
      }
    }
    expect(wrongNodata).toBe(0);
    expect(worst).toBeLessThan(1e-3);
    expect(nodataCells).toBeGreaterThan(0);
    expect(compared).toBeGreaterThan(nodataCells);
  });

  it('GDAL finds nothing but structural and georeferencing tags (no metadata domains of its own)', async () => {
    const dest = path.join(scratch.dir, 'tags.tif');
    await writeWorkingCopy(fixture('chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif'), dest);
    const after = await info(dest);
    expect(Object.keys(after.metadata).sort()).toEqual(['', 'IMAGE_STRUCTURE']);
    expect(after.metadata['']).toEqual({ AREA_OR_POINT: 'Area' });
  });

  it('a raster with overviews, a small one, a JPEG one and a paletted one get no copy', async () => {
    for (const parts of [
      ['raster', 'cogeo.tif'],
      ['raster', 'elev.tif'],
      ['raster', 'image_web.tif'],
      ['raster', 'box_gcp.tif'],
    ]) {
      const dest = path.join(scratch.dir, `none-${parts.at(-1) ?? ''}`);
      const outcome = await writeWorkingCopy(fixture(...parts), dest);
      expect(outcome.written).toBe(false);
    }
    expect((await readdir(scratch.dir)).filter((n) => n.startsWith('none-'))).toEqual([]);
  });

  it('a cancel mid-way rejects CANCELLED and leaves no file', async () => {
    const dir = path.join(scratch.dir, 'cancel');
    await gdal('gdal_translate', [
      '-q',
      '-outsize',
      '3000',
      '3000',
      '-r',
      'bilinear',
      '-co',
      'BLOCKYSIZE=8',
      fixture('chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif'),
      path.join(scratch.dir, 'big.tif'),
    ]);
    await mkdir(dir);
    for (const cancelGraceMs of [5_000, 0]) {
      const copier = createWorkingCopier({ cancelGraceMs });
      const controller = new AbortController();
      try {
        // Aborted from the first progress report: mid-way whatever the machine's speed.
        const run = copier.writeWorkingCopy(path.join(scratch.dir, 'big.tif'), path.join(dir, 'out.tif'), {
          signal: controller.signal,
          onProgress: () => {
            controller.abort();
          },
        });
        await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
        expect(await readdir(dir)).toEqual([]);
      } finally {
        await copier.close();
      }
    }
  });
});
