// Empty (sparse) tiles whose fill value carries no weight are skipped by the resampler (ADR 0086):
// the result must still equal gdalwarp's, on a file with some tiles written and most left out.
import { open, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withGeoTiff } from '../../../src-main/node/raster/index.js';
import { gdal } from '../../support/gdal.js';
import { tempDir } from '../../support/samples.js';
import { compareWithGdalwarp } from './compare.js';
import { readPixels } from './read-pixels.js';

let scratch: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  scratch = await tempDir('strata-resample-sparse-');
});
afterAll(async () => {
  await scratch.cleanup();
});

/** A 700 × 500 Float32 slope (values vary in both directions) placed at 10 m with its UL corner. */
async function slope(name: string, ulx: number, uly: number): Promise<string> {
  const [w, h] = [700, 500];
  const raw = path.join(scratch.dir, `${name}.raw`);
  const values = new Float32Array(w * h);
  for (let y = 0; y < h; y += 1)
    for (let x = 0; x < w; x += 1) values[y * w + x] = 300 + 0.7 * x + 1.3 * y + ((x * y) % 17);
  const handle = await open(raw, 'w');
  await handle.write(new Uint8Array(values.buffer));
  await handle.close();
  await writeFile(
    path.join(scratch.dir, `${name}.hdr`),
    `ENVI\nsamples = ${String(w)}\nlines = ${String(h)}\nbands = 1\nheader offset = 0\n` +
      'file type = ENVI Standard\ndata type = 4\ninterleave = bsq\nbyte order = 0\n',
  );
  const tif = path.join(scratch.dir, `${name}.tif`);
  await gdal('gdal_translate', [
    ...['-q', '-a_srs', 'EPSG:4545', '-a_nodata', '-9999'],
    ...['-a_ullr', String(ulx), String(uly), String(ulx + w * 10), String(uly - h * 10)],
    raw,
    tif,
  ]);
  return tif;
}

describe('resampling a sparse GeoTIFF', () => {
  it('equals gdalwarp -r average where most tiles are absent and the written ones straddle tile edges', async () => {
    const sparse = path.join(scratch.dir, 'sparse.tif');
    await gdal('gdal_create', [
      ...['-of', 'GTiff', '-outsize', '4096', '4096', '-bands', '1', '-ot', 'Float32', '-a_nodata', '-9999'],
      ...['-co', 'TILED=YES', '-co', 'SPARSE_OK=TRUE', '-co', 'COMPRESS=DEFLATE', '-a_srs', 'EPSG:4545'],
      ...['-a_ullr', '400000', '3000000', '440960', '2959040'],
      sparse,
    ]);
    // Two patches, off the 256-pixel tile grid, written into the existing sparse file.
    await gdal('gdalwarp', ['-q', await slope('a', 401_230, 2_998_770), sparse]);
    await gdal('gdalwarp', ['-q', await slope('b', 425_050, 2_970_110), sparse]);
    const empty = await withGeoTiff(sparse, (_source, header) =>
      Promise.resolve(header.image.byteCounts.filter((n) => n === 0).length),
    );
    expect(empty).toBeGreaterThan(200); // of 256 tiles
    expect((await stat(sparse)).size).toBeLessThan(4 << 20);

    const result = await compareWithGdalwarp(scratch.dir, sparse, [100, 100], 'sparse');
    expect(result.nodataMismatch).toBe(0);
    expect(result.worst).toBeLessThan(1e-3);
    // Both patches came through: 70 × 50 cells each at 100 m, give or take the straddling edges.
    const ours = await readPixels(path.join(scratch.dir, 'sparse.ours.tif'));
    const valid = Array.from(ours.data).filter((v) => v !== -9999 && !Number.isNaN(v)).length;
    expect(valid).toBeGreaterThanOrEqual(2 * 70 * 50);
    expect(valid).toBeLessThanOrEqual(2 * 71 * 51);
  });
});
