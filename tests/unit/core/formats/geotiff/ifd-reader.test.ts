import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  FormatError,
  readGeoTiffHeader,
  readTiffDirectory,
} from '../../../../../src-main/core/formats/geotiff/index.js';
import type { ByteSource } from '../../../../../src-main/core/ports/index.js';
import { problemText } from '../../../../support/messages.js';
import { fixture } from '../../../../fixtures/index.js';

const memory = (bytes: Uint8Array, name = 'x.tif'): ByteSource => ({
  size: bytes.byteLength,
  name,
  read: (offset, length) => Promise.resolve(bytes.slice(offset, offset + length)),
});

/** A classic little-endian TIFF with the given IFD entries [tag, type, count, value] at offset 8. */
function tiff(entries: [number, number, number, number][], next = 0, extra = 0): Uint8Array {
  const bytes = new Uint8Array(8 + 2 + entries.length * 12 + 4 + extra);
  const v = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49]);
  v.setUint16(2, 42, true);
  v.setUint32(4, 8, true);
  v.setUint16(8, entries.length, true);
  entries.forEach(([tag, type, count, value], i) => {
    const at = 10 + i * 12;
    v.setUint16(at, tag, true);
    v.setUint16(at + 2, type, true);
    v.setUint32(at + 4, count, true);
    if (type === 3 && count === 1) v.setUint16(at + 8, value, true);
    else v.setUint32(at + 8, value, true);
  });
  v.setUint32(10 + entries.length * 12, next, true);
  return bytes;
}

const kind = async (bytes: Uint8Array): Promise<string> =>
  readGeoTiffHeader(memory(bytes)).then(
    () => 'ok',
    (e: unknown) => (e instanceof FormatError ? `${e.kind}: ${problemText(e)}` : `other: ${String(e)}`),
  );

const minimal: [number, number, number, number][] = [
  [256, 3, 1, 4],
  [257, 3, 1, 4],
  [258, 3, 1, 8],
  [273, 4, 1, 8],
  [279, 4, 1, 16],
];

describe('readTiffDirectory / readGeoTiffHeader on hostile bytes', () => {
  it('reads a minimal strip TIFF', async () => {
    expect(await kind(tiff(minimal))).toBe('ok');
  });

  it('detects an IFD chain that loops back to itself', async () => {
    expect(await kind(tiff(minimal, 8))).toBe('corrupt: IFD chain loops');
  });

  it('refuses a next-IFD offset beyond the end of the file', async () => {
    expect(await kind(tiff(minimal, 1_000_000))).toBe('corrupt: offset beyond end of file');
  });

  it('refuses strip data beyond the end of the file', async () => {
    expect(await kind(tiff([...minimal.slice(0, 3), [273, 4, 1, 100_000], [279, 4, 1, 16]]))).toBe(
      'corrupt: tile/strip data beyond end of file',
    );
  });

  it('refuses huge dimensions before allocating anything', async () => {
    expect(
      await kind(tiff([[256, 4, 1, 4_000_000_000], [257, 4, 1, 4_000_000_000], ...minimal.slice(2)])),
    ).toMatch(/^too-large/);
  });

  it('refuses a tag whose value would be gigabytes long', async () => {
    expect(await kind(tiff([...minimal, [324, 4, 500_000_000, 8]]))).toBe(
      'too-large: tag 324 value too long',
    );
  });

  it('refuses a strip count that does not match the image', async () => {
    expect(
      await kind(tiff([...minimal.slice(0, 3), [273, 4, 2, 8], [278, 3, 1, 4], [279, 4, 2, 8]])),
    ).toMatch(/blocks listed/);
  });

  it('refuses ImageWidth with the wrong count', async () => {
    expect(await kind(tiff([[256, 3, 2, 4], ...minimal.slice(1)]))).toBe(
      'corrupt: incorrect count for ImageWidth',
    );
  });

  it('says "not a TIFF" for other files', async () => {
    expect(await kind(new TextEncoder().encode('GIF89a......'))).toBe('unsupported: not a TIFF file');
  });

  it('reads BigTIFF headers', async () => {
    const bytes = new Uint8Array(16 + 8 + 20 * 5 + 8);
    const v = new DataView(bytes.buffer);
    bytes.set([0x49, 0x49]);
    v.setUint16(2, 43, true);
    v.setUint16(4, 8, true);
    v.setBigUint64(8, 16n, true);
    v.setBigUint64(16, 5n, true);
    minimal.forEach(([tag, type, count, value], i) => {
      const at = 24 + i * 20;
      v.setUint16(at, tag, true);
      v.setUint16(at + 2, type, true);
      v.setBigUint64(at + 4, BigInt(count), true);
      if (type === 3) v.setUint16(at + 12, value, true);
      else v.setUint32(at + 12, value, true);
    });
    const dir = await readTiffDirectory(memory(bytes));
    expect(dir.bigTiff).toBe(true);
    expect(dir.ifds[0]?.tags.get(256)).toEqual([4]);
  });

  it('finds the overviews of a COG, largest first', async () => {
    const bytes = new Uint8Array(await readFile(fixture('raster/cog_int16.tif')));
    const header = await readGeoTiffHeader(memory(bytes));
    const gdal = JSON.parse(
      execFileSync('gdalinfo', ['-json', fixture('raster/cog_int16.tif')], { encoding: 'utf8' }),
    ) as { bands: { overviews?: { size: [number, number] }[] }[] };
    const widths = (gdal.bands[0]?.overviews ?? []).map((o) => o.size[0]);
    expect(widths.length).toBeGreaterThan(1);
    expect(header.overviews.map((o) => o.width)).toEqual(widths);
  });
});
