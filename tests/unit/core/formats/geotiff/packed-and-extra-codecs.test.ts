import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  decodeBlock,
  decodeProblem,
  readGeoTiffHeader,
  type TiffImage,
} from '../../../../../src-main/core/formats/geotiff/index.js';
import { unpackBits } from '../../../../../src-main/core/formats/geotiff/packed-bits.js';
import type { ByteSource } from '../../../../../src-main/core/ports/index.js';
import { renderMessage } from '../../../../../src-main/api/messages.js';
import { EXTRA_CODECS, jsZstd } from '../../../../../src-main/node/raster/extra-codecs.js';
import { fixture } from '../../../../fixtures/index.js';

const memory = (bytes: Uint8Array): ByteSource => ({
  size: bytes.byteLength,
  name: 'x.tif',
  read: (offset, length) => Promise.resolve(bytes.slice(offset, offset + length)),
});

const headerOf = async (rel: string): Promise<{ bytes: Uint8Array; image: TiffImage; le: boolean }> => {
  const bytes = new Uint8Array(await readFile(fixture(rel)));
  const header = await readGeoTiffHeader(memory(bytes));
  return { bytes, image: header.image, le: header.littleEndian };
};

const noInflate = (): Promise<Uint8Array> => Promise.reject(new Error('not used'));

describe('packed samples', () => {
  it('unpacks 1-, 4- and 12-bit samples MSB first, each row starting on a byte', () => {
    const one = new Uint8Array(10);
    // Rows of 5 pixels: 10110 (pad 000), 01001 (pad 000).
    unpackBits(Uint8Array.from([0b10110000, 0b01001000]), 5, 2, 1, one);
    expect(Array.from(one)).toEqual([1, 0, 1, 1, 0, 0, 1, 0, 0, 1]);
    const four = new Uint8Array(3);
    unpackBits(Uint8Array.from([0xab, 0xc0]), 3, 1, 4, four);
    expect(Array.from(four)).toEqual([0xa, 0xb, 0xc]);
    const twelve = new Uint16Array(3);
    unpackBits(Uint8Array.from([0xfe, 0xdc, 0xba, 0x98, 0x70]), 3, 1, 12, twelve);
    expect(Array.from(twelve)).toEqual([0xfed, 0xcba, 0x987]);
  });

  it('reads NBITS images as the next whole type, as GDAL reports them', async () => {
    expect((await headerOf('raster/types/bilevel_1bit.tif')).image).toMatchObject({
      bitsPerSample: 1,
      dataType: 'Byte',
    });
    expect((await headerOf('raster/types/uint16_nbits12.tif')).image).toMatchObject({
      bitsPerSample: 12,
      dataType: 'UInt16',
      bytesPerSample: 2,
    });
  });

  it('refuses a predictor on packed samples and 12-bit JPEG, each with its reason', async () => {
    const { image } = await headerOf('raster/types/uint16_nbits12.tif');
    const predicted = decodeProblem({ ...image, predictor: 2 });
    expect(predicted).toEqual({ problem: 'packedBitsPredictor', params: { bits: 12 } });
    const jpeg12 = decodeProblem({ ...image, compression: 7 });
    expect(jpeg12).toEqual({ problem: 'jpegPrecision', params: { bits: 12 } });
    expect(renderMessage('problem.jpegPrecision', { bits: 12 }, 'zh-CN')).toBe('12 位 JPEG');
    expect(renderMessage('problem.packedBitsPredictor', { bits: 12 }, 'en')).toBe(
      'predictor on 12-bit packed samples',
    );
  });
});

describe('ZSTD and LERC blocks', () => {
  it('a ZSTD block never decodes past its header-derived size', async () => {
    const { image, le } = await headerOf('raster/types/int16_zstd_predictor2.tif');
    // 2 KiB of RLE blocks that would give 64 MiB: the block gets its own size and no more.
    const bomb = zstdBomb(512);
    expect(bomb.byteLength).toBeLessThan(4096);
    const block = await decodeBlock(image, le, 0, bomb, noInflate, 0, undefined, EXTRA_CODECS);
    expect(block.length).toBe(image.blockWidth * image.blockHeight);
    expect((await jsZstd(bomb, 1000)).byteLength).toBe(1000);
  });

  it('without the codec the image is refused as an unsupported compression', async () => {
    const { bytes, image, le } = await headerOf('raster/types/float32_lerc_tiled.tif');
    const raw = bytes.slice(image.offsets[0], (image.offsets[0] ?? 0) + (image.byteCounts[0] ?? 0));
    const err = await decodeBlock(image, le, 0, raw, noInflate, 0).catch((e: unknown) => e);
    expect(err).toMatchObject({
      kind: 'unsupported',
      problem: 'compression',
      params: { compression: 34887 },
    });
    const decoded = await decodeBlock(image, le, 0, raw, noInflate, 0, undefined, EXTRA_CODECS);
    expect(decoded).toBeInstanceOf(Float32Array);
    expect(decoded.length).toBe(image.blockWidth * image.blockHeight);
  });

  it('a LERC blob whose header disagrees with the tile is corrupt', async () => {
    const { bytes, image, le } = await headerOf('raster/types/float32_lerc_tiled.tif');
    const raw = bytes.slice(image.offsets[0], (image.offsets[0] ?? 0) + (image.byteCounts[0] ?? 0));
    const err = await decodeBlock(
      { ...image, blockWidth: 64 },
      le,
      0,
      raw,
      noInflate,
      0,
      undefined,
      EXTRA_CODECS,
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'corrupt', problem: 'lercDecode' });
  });
});

/**
 * A Zstandard frame of `blocks` RLE blocks of 128 KiB zeros each (RFC 8878): 4 bytes a block in,
 * 128 KiB out.
 */
function zstdBomb(blocks: number): Uint8Array {
  // Magic, frame header descriptor (no content size, not single-segment), window 2^17.
  const head = [0x28, 0xb5, 0x2f, 0xfd, 0x00, 7 << 3];
  const body: number[] = [];
  for (let i = 0; i < blocks; i += 1) {
    const last = i === blocks - 1 ? 1 : 0;
    // Block header, 3 bytes little-endian: last flag, type 1 (RLE), size; then the byte repeated.
    const header = (131072 << 3) | (1 << 1) | last;
    body.push(header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff, 0);
  }
  return Uint8Array.from([...head, ...body]);
}
