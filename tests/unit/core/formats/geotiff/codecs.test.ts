import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { fromArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import {
  blockPlace,
  decodeBlock,
  readGeoTiffHeader,
} from '../../../../../src-main/core/formats/geotiff/index.js';
import {
  applyFloatingPoint,
  applyHorizontal,
  undoFloatingPoint,
  undoHorizontal,
} from '../../../../../src-main/core/formats/geotiff/predictor.js';
import type { ByteSource } from '../../../../../src-main/core/ports/index.js';
import { fixture } from '../../../../fixtures/index.js';

const inflate = (b: Uint8Array, max: number): Promise<Uint8Array> =>
  Promise.resolve(new Uint8Array(inflateSync(b, { maxOutputLength: max })));

/** Decodes every block of a sample file with our decoder and with geotiff.js, band 1 only. */
async function bothDecoders(path: string): Promise<{ ours: number[]; theirs: number[] }> {
  const bytes = new Uint8Array(await readFile(path));
  const source: ByteSource = {
    size: bytes.byteLength,
    name: 'f',
    read: (o, l) => Promise.resolve(bytes.slice(o, o + l)),
  };
  const header = await readGeoTiffHeader(source);
  const { image, info } = header;
  const ours = new Array<number>(info.width * info.height).fill(0);
  const spp = image.planar === 1 ? image.samplesPerPixel : 1;
  for (let i = 0; i < image.offsets.length; i += 1) {
    const place = blockPlace(image, i);
    if (place.band !== 0) continue;
    const raw = bytes.slice(image.offsets[i], (image.offsets[i] ?? 0) + (image.byteCounts[i] ?? 0));
    const samples = await decodeBlock(image, header.littleEndian, i, raw, inflate, 0);
    for (let y = 0; y < place.height; y += 1) {
      for (let x = 0; x < place.width; x += 1)
        ours[(place.y0 + y) * info.width + place.x0 + x] =
          samples[(y * image.blockWidth + x) * spp] ?? Number.NaN;
    }
  }
  const tiff = await fromArrayBuffer(bytes.buffer);
  const rasters = await (await tiff.getImage()).readRasters({ samples: [0] });
  const first = rasters[0] as ArrayLike<number>;
  return { ours, theirs: Array.from(first) };
}

describe('block decoding agrees with geotiff.js on real files', () => {
  it.each([
    ['LZW strips, Int16, geographic', fixture('raster/elev.tif')],
    ['LZW tiles, 3 bands interleaved', fixture('raster/rgb_lzw.tif')],
    ['LZW strips, band-interleaved (planar)', fixture('raster/world.rgb.tif')],
    ['DEFLATE + floating-point predictor tiles', fixture('chinese/raster/guilin_dem_xian80_gk40_5m.tif')],
    ['DEFLATE 1-row strips, UInt16', fixture('raster/RGBA.uint16.tif')],
    ['uncompressed strips', fixture('raster/SP27GTIF.TIF')],
  ])('%s', async (_label, path) => {
    const { ours, theirs } = await bothDecoders(path);
    expect(ours).toEqual(theirs);
  });
});

describe('predictors', () => {
  it('horizontal differencing round-trips with integer wrap-around', () => {
    const data = Int16Array.from([32767, -32768, 5, 9, -3, 0, 100, -100], (v) => v);
    const copy = data.slice();
    applyHorizontal(copy, 4, 2, 1);
    undoHorizontal(copy, 4, 2, 1);
    expect(Array.from(copy)).toEqual(Array.from(data));
  });

  it('floating-point predictor round-trips, 2 interleaved samples', () => {
    const data = Float32Array.from([1.5, -2.25, 1e30, Number.NaN, -0, 3.14159, 7, 8]);
    const bytes = new Uint8Array(data.buffer);
    const encoded = applyFloatingPoint(bytes, 2, 2, 2, 4);
    expect(Array.from(encoded)).not.toEqual(Array.from(bytes));
    const decoded = new Float32Array(undoFloatingPoint(encoded, 2, 2, 2, 4).buffer);
    expect(Array.from(decoded)).toEqual(Array.from(data));
  });
});
