// One decoding path (ADR 0130): on every fixture GeoTIFF, every block our main-process reader
// decodes (review, release) equals what geotiff.js (the map's reader) decodes for the same block,
// and sampled pixels equal what GDAL reads there (`gdallocationinfo`).
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { fromFile, getDecoder } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { blockPlace, decodeProblem, type TiffImage } from '../../../src-main/core/formats/geotiff/index.js';
import { COMPRESSION, PHOTOMETRIC } from '../../../src-main/core/formats/geotiff/tiff-tags.js';
import { ycbcrToRgb } from '../../../src-main/core/formats/geotiff/ycbcr.js';
import { jpegFrame, mergeJpegTables } from '../../../src-main/core/formats/geotiff/jpeg-frame.js';
import { readBlock, withGeoTiff } from '../../../src-main/node/raster/geotiff-file.js';
import { fixture } from '../../fixtures/index.js';

const run = promisify(execFile);

const FILES = ['raster', 'chinese/raster'].flatMap((dir) =>
  readdirSync(fixture(dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tiff?$/i.test(f))
    .map((f) => `${dir}/${f}`),
);

/** geotiff.js's decoder for the image, with the parameters its readRasters derives from the tags. */
function theirDecoder(image: TiffImage): ReturnType<typeof getDecoder> {
  return getDecoder(image.compression, {
    tileWidth: image.blockWidth,
    tileHeight: image.blockHeight,
    planarConfiguration: image.planar,
    // One entry per sample, as the tag holds it: geotiff.js's predictor counts samples from it.
    bitsPerSample: Array.from({ length: image.samplesPerPixel }, () => image.bitsPerSample),
    samplesPerPixel: image.samplesPerPixel,
    predictor: image.predictor,
    ...(image.jpegTables === null ? {} : { JPEGTables: image.jpegTables }),
    ...(image.lercParameters === null ? {} : { LercParameters: image.lercParameters }),
  });
}

/** Pixels whose values both readers must give: inside the image (edge tiles are padded). */
function valid(image: TiffImage, index: number, samples: ArrayLike<number>): number[] {
  const place = blockPlace(image, index);
  const spp = image.planar === 1 ? image.samplesPerPixel : 1;
  const out: number[] = [];
  for (let y = 0; y < place.height; y += 1)
    for (let x = 0; x < place.width * spp; x += 1)
      out.push(samples[y * image.blockWidth * spp + x] ?? Number.NaN);
  return out;
}

describe('our reader and geotiff.js decode every block alike', () => {
  it.each(FILES)('%s', async (rel) => {
    const path = fixture(rel);
    const tiff = await fromFile(path);
    const theirImage = await tiff.getImage();
    // Assertions run outside withGeoTiff, which turns whatever its callback throws into a StrataError.
    const pairs = await withGeoTiff(path, async (source, header) => {
      const { image } = header;
      const found: { index: number; problem: unknown; ours: number[]; theirs: number[] }[] = [];
      const decoder = await theirDecoder(image);
      const perPlane = image.blocksAcross * image.blocksDown;
      const ycbcr = image.photometric === PHOTOMETRIC.ycbcr && image.compression === COMPRESSION.jpeg;
      for (let index = 0; index < image.offsets.length; index += 1) {
        const k = index % perPlane;
        const ours = await readBlock(source, header, image, index, header.info.nodata ?? Number.NaN);
        const block = await theirImage.getTileOrStrip(
          k % image.blocksAcross,
          Math.floor(k / image.blocksAcross),
          Math.floor(index / perPlane),
          decoder,
        );
        const theirs = theirImage.getArrayForSample(0, block.data);
        if (ycbcr) {
          // geotiff.js leaves YCbCr as stored (its readRGB converts later); GDAL and we give RGB.
          const offset = image.offsets[index] ?? 0;
          const raw = await source.read(offset, image.byteCounts[index] ?? 0);
          const frame = jpegFrame(image.jpegTables === null ? raw : mergeJpegTables(image.jpegTables, raw));
          ycbcrToRgb(theirs as Uint8Array, frame.width, frame.height, frame.components);
        }
        found.push({
          index,
          problem: decodeProblem(image),
          ours: valid(image, index, ours),
          theirs: valid(image, index, theirs),
        });
      }
      return found;
    });
    expect(pairs.length).toBeGreaterThan(0);
    for (const { index, problem, ours, theirs } of pairs) {
      expect(problem).toBeNull();
      // toEqual treats NaN as equal to NaN: a float nodata of NaN compares as the same value.
      expect(ours, `block ${String(index)}`).toEqual(theirs);
    }
  });
});

/** A dozen pixel positions spread over the image, corners included. */
const positions = (width: number, height: number): [number, number][] =>
  [0, 0.13, 0.27, 0.5, 0.71, 0.999].flatMap((fx, i) =>
    [0, 0.31, 0.999]
      .slice(0, 2 + (i % 2))
      .map((fy): [number, number] => [Math.floor(fx * (width - 1)), Math.floor(fy * (height - 1))]),
  );

/** Values at `points` as GDAL reads them (one line per point, bands separated by spaces). */
async function gdalValues(
  path: string,
  bands: number,
  points: readonly [number, number][],
): Promise<number[][]> {
  const rows: number[][] = points.map(() => []);
  for (let b = 1; b <= bands; b += 1) {
    const child = run('gdallocationinfo', ['-valonly', '-b', String(b), path]);
    child.child.stdin?.end(points.map(([x, y]) => `${String(x)} ${String(y)}`).join('\n') + '\n');
    const lines = (await child).stdout.trim().split('\n');
    lines.forEach((line, i) => rows[i]?.push(Number(line)));
  }
  return rows;
}

describe('our reader gives what GDAL reads at sampled pixels', () => {
  it.each(FILES)('%s', async (rel) => {
    const path = fixture(rel);
    const { rows, expected, tolerance } = await withGeoTiff(path, async (source, header) => {
      const { image, info } = header;
      const points = positions(info.width, info.height);
      const expected = await gdalValues(path, info.bandCount, points);
      // JPEG is lossy in the decoder too: jpeg-js's IDCT differs from libjpeg's by a level or so.
      const tolerance = image.compression === COMPRESSION.jpeg ? 4 : 0;
      const spp = image.planar === 1 ? image.samplesPerPixel : 1;
      const read: { label: string; ours: number; theirs: number }[] = [];
      for (const [p, [x, y]] of points.entries()) {
        const bx = Math.floor(x / image.blockWidth);
        const by = Math.floor(y / image.blockHeight);
        for (let band = 0; band < info.bandCount; band += 1) {
          const plane = image.planar === 2 ? band : 0;
          const index = plane * image.blocksAcross * image.blocksDown + by * image.blocksAcross + bx;
          const samples = await readBlock(source, header, image, index, info.nodata ?? Number.NaN);
          const place = blockPlace(image, index);
          const at =
            ((y - place.y0) * image.blockWidth + (x - place.x0)) * spp + (image.planar === 2 ? 0 : band);
          read.push({
            label: `band ${String(band + 1)} at ${String(x)},${String(y)}`,
            ours: samples[at] ?? Number.NaN,
            theirs: expected[p]?.[band] ?? Number.NaN,
          });
        }
      }
      return { rows: read, expected, tolerance };
    });
    expect(rows.length).toBe(expected.length * (expected[0]?.length ?? 0));
    for (const { label, ours, theirs } of rows) {
      if (Number.isNaN(theirs)) expect(ours, label).toBeNaN();
      else expect(Math.abs(ours - theirs), label).toBeLessThanOrEqual(tolerance + Math.abs(theirs) * 1e-7);
    }
  });
});
