import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  FormatError,
  decodeProblem,
  expandPalette,
  paletteRgb,
  readGeoTiffHeader,
} from '../../../../../src-main/core/formats/geotiff/index.js';
import { jpegFrame, mergeJpegTables } from '../../../../../src-main/core/formats/geotiff/jpeg-frame.js';
import { packBitsDecode } from '../../../../../src-main/core/formats/geotiff/packbits.js';
import { ycbcrToRgb } from '../../../../../src-main/core/formats/geotiff/ycbcr.js';
import type { ByteSource } from '../../../../../src-main/core/ports/index.js';
import { problemText } from '../../../../support/messages.js';
import { fixture } from '../../../../fixtures/index.js';

const memory = (bytes: Uint8Array): ByteSource => ({
  size: bytes.byteLength,
  name: 'x.tif',
  read: (offset, length) => Promise.resolve(bytes.slice(offset, offset + length)),
});

const problem = (fn: () => unknown): string => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof FormatError ? `${e.kind}: ${problemText(e)}` : `other: ${String(e)}`;
  }
};

describe('PackBits', () => {
  it('decodes the TIFF 6.0 specification example', () => {
    const packed = Uint8Array.from([
      0xfe, 0xaa, 0x02, 0x80, 0x00, 0x2a, 0xfd, 0xaa, 0x03, 0x80, 0x00, 0x2a, 0x22, 0xf7, 0xaa,
    ]);
    const expected = [
      0xaa, 0xaa, 0xaa, 0x80, 0x00, 0x2a, 0xaa, 0xaa, 0xaa, 0xaa, 0x80, 0x00, 0x2a, 0x22, 0xaa, 0xaa, 0xaa,
      0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa,
    ];
    expect(Array.from(packBitsDecode(packed, 24))).toEqual(expected);
  });

  it('never writes past the header-derived size, and a short stream gives a short result', () => {
    // One run claiming 128 bytes where the block holds 10: output stops at 10.
    expect(packBitsDecode(Uint8Array.from([0x81, 7]), 10)).toEqual(new Uint8Array(10).fill(7));
    // A literal run cut off by the end of the stream.
    expect(packBitsDecode(Uint8Array.from([0x05, 1, 2]), 6).length).toBe(2);
    // -128 is a no-op.
    expect(Array.from(packBitsDecode(Uint8Array.from([0x80, 0x00, 9]), 1))).toEqual([9]);
  });
});

describe('JPEG stream structure', () => {
  it('merges JPEGTables into a tile of the Nanning image and reads its frame', async () => {
    const bytes = new Uint8Array(
      await readFile(fixture('chinese/raster/nanning_rgb_cgcs2000_cm108_0p5m.tif')),
    );
    const { image } = await readGeoTiffHeader(memory(bytes));
    expect(image.compression).toBe(7);
    expect(image.photometric).toBe(6);
    expect(decodeProblem(image)).toBeNull();
    const tables = image.jpegTables;
    expect(tables).not.toBeNull();
    const at = image.offsets[0] ?? 0;
    const tile = bytes.subarray(at, at + (image.byteCounts[0] ?? 0));
    expect(problem(() => jpegFrame(tables ?? new Uint8Array()))).toBe(
      'corrupt: JPEG stream without a frame header',
    );
    const frame = jpegFrame(mergeJpegTables(tables ?? new Uint8Array(), tile));
    expect(frame).toMatchObject({ width: 256, height: 256, precision: 8, adobeTransform: false });
    // libtiff's default YCbCr subsampling: luma 2x2, chroma 1x1.
    expect(frame.components).toEqual([
      { h: 2, v: 2 },
      { h: 1, v: 1 },
      { h: 1, v: 1 },
    ]);
  });

  it('rejects broken table streams and lossless frames', () => {
    const soi = [0xff, 0xd8];
    const eoi = [0xff, 0xd9];
    expect(
      problem(() => mergeJpegTables(Uint8Array.from([1, 2, 3, 4]), Uint8Array.from([...soi, ...eoi]))),
    ).toBe('corrupt: JPEGTables is not a JPEG table stream');
    const sof3 = [0xff, 0xc3, 0x00, 0x0b, 8, 0, 16, 0, 16, 1, 1, 0x11, 0];
    expect(problem(() => jpegFrame(Uint8Array.from([...soi, ...sof3, ...eoi])))).toBe(
      'unsupported: lossless or arithmetic-coded JPEG',
    );
    const overrun = [0xff, 0xdb, 0x40, 0x00, 1, 2];
    expect(problem(() => jpegFrame(Uint8Array.from([...soi, ...overrun])))).toBe(
      'corrupt: JPEG segment beyond end of tile/strip',
    );
  });
});

describe('YCbCr to RGB as libjpeg (and so GDAL) does it', () => {
  it('keeps neutral chroma grey and uses fixed-point rounding', () => {
    const data = Uint8Array.from([0, 128, 128, 77, 128, 128, 255, 128, 128, 100, 50, 200]);
    ycbcrToRgb(data, 4, 1, [
      { h: 1, v: 1 },
      { h: 1, v: 1 },
      { h: 1, v: 1 },
    ]);
    expect(Array.from(data)).toEqual([0, 0, 0, 77, 77, 77, 255, 255, 255, 201, 75, 0]);
  });

  it('re-interpolates 2x2-subsampled chroma with the fancy triangle filter', () => {
    // 6 x 2 pixels, luma 200; native Cb row [0, 64, 128] replicated; Cr neutral.
    const cb = [0, 0, 64, 64, 128, 128];
    const data = new Uint8Array(6 * 2 * 3);
    for (let p = 0; p < 12; p += 1) data.set([200, cb[p % 6] ?? 0, 128], p * 3);
    ycbcrToRgb(data, 6, 2, [
      { h: 2, v: 2 },
      { h: 1, v: 1 },
      { h: 1, v: 1 },
    ]);
    // Upsampled Cb is 0, 16, 48, 80, 112, 128; B = 200 + 1.772 (Cb - 128), fixed point.
    const blue = Array.from({ length: 6 }, (_, x) => data[x * 3 + 2]);
    expect(blue).toEqual([0, 2, 58, 115, 172, 200]);
    expect(Array.from({ length: 6 }, (_, x) => data[(6 + x) * 3 + 2])).toEqual(blue);
  });
});

describe('palette', () => {
  it('scales 16-bit colour maps like GDAL and takes 8-bit maps as they are', () => {
    // Two entries: reds, greens, blues.
    expect(Array.from(paletteRgb([0, 65535, 257 * 10, 257 * 20, 300, 65535]))).toEqual([
      0, 10, 1, 255, 20, 255,
    ]);
    expect(Array.from(paletteRgb([1, 2, 3, 4, 5, 6]))).toEqual([1, 3, 5, 2, 4, 6]);
  });

  it('expands indices to RGB and keeps a Byte nodata index as nodata in every band', () => {
    const rgb = Uint8Array.from([10, 20, 30, 40, 50, 60]);
    expect(Array.from(expandPalette(Uint8Array.from([1, 0, 1]), rgb, 0))).toEqual([
      40, 50, 60, 0, 0, 0, 40, 50, 60,
    ]);
    expect(Array.from(expandPalette(Uint8Array.from([0]), rgb, null))).toEqual([10, 20, 30]);
  });
});
