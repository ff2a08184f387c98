// Rotated, south-up and sheared GeoTIFFs get a north-up display copy (ADR 0173): gdalinfo places it
// on the bounding box of the source's corners, and its pixels are the ones `gdalwarp -r near` puts
// on the same grid.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWorkingCopy } from '../../../src-main/node/raster/index.js';
import { fixture } from '../../fixtures/index.js';
import { gdal, gdalEpsg, gdalinfo } from '../../support/gdal.js';
import { tempDir } from '../../support/samples.js';
import { readPixels } from './read-pixels.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  scratch = await tempDir('strata-north-up-');
});
afterAll(async () => {
  await scratch.cleanup();
});

const CASES = [
  // Int16 DEFLATE strips, a 10 m grid rotated 30°.
  ['rotated 30°', 'rotated_30deg.tif', 0],
  // Float32 LZW strips whose rows run south to north.
  ['south-up', 'south_up.tif', 0],
  // RGB JPEG strips on a sheared grid: the two JPEG decoders differ by a few levels.
  ['sheared JPEG imagery', 'skewed_imagery.tif', 3],
] as const;

describe('north-up display copy of an oriented grid', () => {
  for (const [name, file, tolerance] of CASES) {
    it(`${name}: placed on the corners’ bounding box, with gdalwarp -r near’s pixels`, async () => {
      const src = fixture('raster', 'geo', file);
      const ours = path.join(scratch.dir, `${file}.copy.tif`);
      const outcome = await writeWorkingCopy(src, ours);
      expect(outcome.written).toBe(true);

      const [source, copy] = await Promise.all([gdalinfo(src), gdalinfo(ours)]);
      const t = copy.geoTransform ?? [];
      expect(t[2]).toBe(0);
      expect(t[4]).toBe(0);
      expect(t[1]).toBeCloseTo(-(t[5] ?? 0), 9);
      expect(await gdalEpsg(ours)).toBe(await gdalEpsg(src));
      // Every corner of the source lies on or inside the copy's frame.
      const [x0 = 0, res = 1, , y0 = 0] = t;
      const frame = [x0, y0 - copy.size[1] * res, x0 + copy.size[0] * res, y0];
      for (const [x, y] of Object.values(source.cornerCoordinates ?? {})) {
        expect(x).toBeGreaterThanOrEqual((frame[0] ?? 0) - 1e-6);
        expect(y).toBeGreaterThanOrEqual((frame[1] ?? 0) - 1e-6);
        expect(x).toBeLessThanOrEqual((frame[2] ?? 0) + 1e-6);
        expect(y).toBeLessThanOrEqual((frame[3] ?? 0) + 1e-6);
      }

      const theirs = path.join(scratch.dir, `${file}.gdalwarp.tif`);
      const te = frame.map(String);
      await gdal('gdalwarp', [
        '-q',
        '-overwrite',
        '-r',
        'near',
        '-tr',
        String(res),
        String(res),
        '-te',
        ...te,
        src,
        theirs,
      ]);
      const [a, b] = await Promise.all([readPixels(ours), readPixels(theirs)]);
      expect(a.info.width).toBe(b.info.width);
      expect(a.info.height).toBe(b.info.height);
      // Where both hold source pixels (outside the source: our nodata, GDAL's 0), they agree.
      const bands = a.info.bandCount;
      let both = 0;
      let same = 0;
      let inside = 0;
      for (let p = 0; p < a.data.length; p += bands) {
        const oursOutside =
          Number.isNaN(a.data[p] ?? 0) || (a.info.nodata !== null && a.data[p] === a.info.nodata);
        if (!oursOutside) inside += 1;
        if (oursOutside) continue;
        both += 1;
        let agree = true;
        for (let k = 0; k < bands; k += 1)
          if (Math.abs((a.data[p + k] ?? 0) - (b.data[p + k] ?? 0)) > tolerance) agree = false;
        if (agree) same += 1;
      }
      expect(inside).toBeGreaterThan(0.3 * a.info.width * a.info.height);
      // Pixel centres on a source pixel edge may round either way: a handful, no more.
      expect(same / both).toBeGreaterThan(0.995);
    });
  }
});
