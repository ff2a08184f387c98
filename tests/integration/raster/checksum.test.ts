// Whole-image agreement with GDAL: the checksum of every band as our reader decodes it equals
// `gdalinfo -checksum` on every lossless fixture (LERC, ZSTD, packed bits, rotated and south-up
// grids among them; ADRs 0131, 0132). JPEG is lossy in the decoder too and is compared pixel by
// pixel with a tolerance in decode-vs-geotiffjs.test.ts instead.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPRESSION } from '../../../src-main/core/formats/geotiff/tiff-tags.js';
import { withGeoTiff } from '../../../src-main/node/raster/geotiff-file.js';
import { gdalinfo } from '../../support/gdal.js';
import { fixture } from '../../fixtures/index.js';
import { readPixels } from './read-pixels.js';

const FILES = ['raster', 'chinese/raster'].flatMap((dir) =>
  readdirSync(fixture(dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tiff?$/i.test(f))
    .map((f) => `${dir}/${f}`),
);

const PRIMES = [7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43];

/** A sample as GDAL's checksum takes it: an Int32 as GDALCopyWords makes it (NaN and ±inf: INT_MIN). */
function int32Of(v: number, float: boolean): number {
  if (!Number.isFinite(v)) return -2147483648;
  // Floats round half up and saturate at ±INT_MAX; integers (UInt32 above INT_MAX) saturate too.
  if (float) return Math.max(-2147483647, Math.min(2147483647, Math.floor(v + 0.5)));
  return Math.min(2147483647, v);
}

/** GDALChecksumImage over one band of `data` (bands interleaved), as GDAL 3.6 computes it. */
function checksum(
  data: Float64Array,
  width: number,
  height: number,
  bands: number,
  band: number,
  float: boolean,
): number {
  let sum = 0;
  let prime = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      // JS % truncates towards zero, as C's does.
      sum += int32Of(data[(y * width + x) * bands + band] ?? Number.NaN, float) % (PRIMES[prime] ?? 1);
      prime = prime === 10 ? 0 : prime + 1;
    }
    sum &= 0xffff;
  }
  return sum;
}

describe('band checksums equal gdalinfo -checksum', () => {
  it.each(FILES)('%s', async (rel) => {
    const path = fixture(rel);
    const compression = await withGeoTiff(path, (_s, header) => Promise.resolve(header.image.compression));
    if (compression === COMPRESSION.jpeg) return;
    const [{ info, data }, gdal] = await Promise.all([readPixels(path), gdalinfo(path, '-checksum')]);
    const float = info.dataType.startsWith('Float');
    const ours = Array.from({ length: info.bandCount }, (_, b) =>
      checksum(data, info.width, info.height, info.bandCount, b, float),
    );
    expect(ours).toEqual(gdal.bands.map((b) => (b as { checksum?: number }).checksum));
  });
});
