import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rasterValueRange, readRasterInfo, resampleToPublic } from '../../../src-main/node/raster/index.js';
import { compareWithGdalwarp } from './compare.js';
import { gdal, gdalinfo } from '../../support/gdal.js';
import { fixture } from '../../fixtures/index.js';

const NANNING = fixture('chinese/raster/nanning_rgb_cgcs2000_cm108_0p5m.tif');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strata-imagery-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function twiceThePixel(src: string): Promise<[number, number]> {
  const info = await readRasterInfo(src);
  return [info.pixelSize[0] * 2, info.pixelSize[1] * 2];
}

/** Sets the value of `tag` (a SHORT held inline) in every IFD of a little-endian classic TIFF. */
function patchShortTag(bytes: Uint8Array, tag: number, value: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = view.getUint32(4, true);
  let patched = 0;
  while (at !== 0) {
    const n = view.getUint16(at, true);
    for (let i = 0; i < n; i += 1) {
      const entry = at + 2 + i * 12;
      if (view.getUint16(entry, true) === tag && view.getUint16(entry + 2, true) === 3) {
        view.setUint16(entry + 8, value, true);
        patched += 1;
      }
    }
    at = view.getUint32(at + 2 + n * 12, true);
  }
  return patched;
}

describe('resampleToPublic on JPEG imagery (within JPEG decoder tolerance of gdalwarp -r average)', () => {
  it.each([
    ['YCbCr JPEG COG, 512 tiles, internal mask and overviews', fixture('raster/cogeo.tif'), 'cogeo'],
    ['RGB JPEG strips (Photometric RGB)', fixture('raster/image_web.tif'), 'web'],
    ['YCbCr JPEG tiles, CGCS2000 Gauss-Kruger 0.5 m', NANNING, 'nanning'],
  ])('%s', async (_label, src, name) => {
    const target = await twiceThePixel(src);
    const { worst, mean, nodataMismatch, bands } = await compareWithGdalwarp(dir, src, target, name);
    expect(bands).toBe(3);
    expect(mean).toBeLessThan(0.25);
    expect(worst).toBeLessThanOrEqual(3);
    expect(nodataMismatch).toBe(0);

    const [ours, theirs] = await Promise.all([
      gdalinfo(join(dir, `${name}.ours.tif`)),
      gdalinfo(join(dir, `${name}.gdal.tif`)),
    ]);
    expect(ours.size).toEqual(theirs.size);
    expect(ours.stac?.['proj:epsg']).toBe(theirs.stac?.['proj:epsg']);
    expect(ours.bands.map((b) => b.type)).toEqual(['Byte', 'Byte', 'Byte']);
    expect(ours.metadata['IMAGE_STRUCTURE']).toMatchObject({ COMPRESSION: 'DEFLATE', INTERLEAVE: 'PIXEL' });
  });

  it('writes the Nanning image as RGB GDAL reads in EPSG:4545 at 1 m', async () => {
    const out = join(dir, 'nanning_1m.tif');
    const info = await resampleToPublic(NANNING, out, [1, 1]);
    expect(info).toMatchObject({ width: 512, height: 512, bandCount: 3, dataType: 'Byte', nodata: null });
    expect(info.crs?.code).toBe('EPSG:4545');
    const [g, source] = await Promise.all([gdalinfo(out), gdalinfo(NANNING)]);
    const [x0, , , y0] = source.geoTransform ?? [];
    expect(g.geoTransform).toEqual([x0, 1, 0, y0, 0, -1]);
    expect(g.stac?.['proj:epsg']).toBe(4545);
    const interp = (g as unknown as { bands: { colorInterpretation: string }[] }).bands.map(
      (b) => b.colorInterpretation,
    );
    expect(interp).toEqual(['Red', 'Green', 'Blue']);
  });

  it('decodes a single-band JPEG (greyscale strips) like GDAL', async () => {
    const src = join(dir, 'grey_jpeg.tif');
    await gdal('gdal_translate', ['-q', '-b', '1', '-co', 'COMPRESS=JPEG', NANNING, src]);
    const { worst, mean, bands } = await compareWithGdalwarp(dir, src, await twiceThePixel(src), 'grey');
    expect(bands).toBe(1);
    expect(mean).toBeLessThan(0.25);
    expect(worst).toBeLessThanOrEqual(2);
  });
});

describe('resampleToPublic on other encodings', () => {
  it('expands a palette image to RGB colours before averaging (as gdal_translate -expand rgb)', async () => {
    const src = fixture('raster/worldPalette.tiff');
    const expanded = join(dir, 'palette_rgb.vrt');
    await gdal('gdal_translate', ['-q', '-of', 'VRT', '-expand', 'rgb', src, expanded]);
    const { worst, nodataMismatch, bands } = await compareWithGdalwarp(
      dir,
      src,
      await twiceThePixel(src),
      'palette',
      expanded,
    );
    expect(bands).toBe(3);
    expect(worst).toBeLessThanOrEqual(1);
    expect(nodataMismatch).toBe(0);
    const g = await gdalinfo(join(dir, 'palette.ours.tif'));
    expect(g.size).toEqual([128, 64]);
    expect(g.stac?.['proj:epsg']).toBe(4326);
  });

  it('reads PackBits tiles (RGB with nodata 0) exactly like GDAL', async () => {
    const src = join(dir, 'packbits_rgb.tif');
    await gdal('gdal_translate', [
      '-q',
      '-co',
      'COMPRESS=PACKBITS',
      '-co',
      'TILED=YES',
      fixture('raster/rgb_lzw.tif'),
      src,
    ]);
    const { worst, nodataMismatch } = await compareWithGdalwarp(
      dir,
      src,
      await twiceThePixel(src),
      'packbits',
    );
    expect(worst).toBeLessThanOrEqual(1);
    expect(nodataMismatch).toBe(0);
  });

  it('gives the display range of a PackBits Int16 DEM, like gdalinfo -mm', async () => {
    const src = join(dir, 'packbits_dem.tif');
    await gdal('gdal_translate', ['-q', '-co', 'COMPRESS=PACKBITS', fixture('raster/elev.tif'), src]);
    const range = await rasterValueRange(src, await readRasterInfo(src));
    const stdout = execFileSync('gdalinfo', ['-mm', src]).toString();
    const m = /Computed Min\/Max=([-\d.]+),([-\d.]+)/.exec(stdout);
    expect(range).toEqual([Number(m?.[1]), Number(m?.[2])]);
  });

  it('refuses an unknown compression with a clean UNSUPPORTED_FORMAT naming the file', async () => {
    const src = join(dir, 'odd_codec.tif');
    await copyFile(fixture('raster/worldPalette.tiff'), src);
    const bytes = new Uint8Array(await readFile(src));
    // 34712 (JPEG 2000): ZSTD (50000), used here before, is read since ADR 0131.
    expect(patchShortTag(bytes, 259, 34712)).toBeGreaterThan(0);
    await writeFile(src, bytes);
    await expect(resampleToPublic(src, join(dir, 'odd.tif'), [3, 3])).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      params: { file: 'odd_codec.tif', problem: 'problem.compression', compression: 34712 },
    });
    await expect(stat(join(dir, 'odd.tif'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports a damaged JPEG tile as CORRUPT_FILE, leaving nothing behind', async () => {
    const src = join(dir, 'damaged.tif');
    await gdal('gdal_translate', ['-q', '-co', 'COMPRESS=JPEG', '-co', 'TILED=YES', NANNING, src]);
    const bytes = new Uint8Array(await readFile(src));
    // Overwrite the middle of the file (entropy-coded data of some tile) with marker-like junk.
    bytes.fill(0xff, bytes.length >> 1, (bytes.length >> 1) + 64);
    await writeFile(src, bytes);
    await expect(resampleToPublic(src, join(dir, 'damaged.out.tif'), [1, 1])).rejects.toMatchObject({
      code: 'CORRUPT_FILE',
      params: { file: 'damaged.tif' },
    });
    await expect(stat(join(dir, 'damaged.out.tif'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
