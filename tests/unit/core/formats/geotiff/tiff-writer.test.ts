import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  GeoTiffTileWriter,
  TILE_SIZE,
  allocSamples,
  decodeBlock,
  readGeoTiffHeader,
  type GeoTiffSpec,
  type SampleArray,
} from '../../../../../src-main/core/formats/geotiff/index.js';
import type { ByteSource } from '../../../../../src-main/core/ports/index.js';
import { crsFromEpsg } from '../../../../../src-main/core/crs/index.js';
import type { CrsInfo } from '../../../../../src-main/core/model/index.js';

function epsg(code: number): CrsInfo {
  const crs = crsFromEpsg(code);
  if (crs === null) throw new Error(`EPSG:${String(code)} missing from the registry`);
  return crs;
}

/** An in-memory TiffSink + ByteSource, so the written bytes are read back by the reader. */
class MemoryFile implements ByteSource {
  bytes = new Uint8Array(0);
  readonly name = 'mem.tif';
  get size(): number {
    return this.bytes.byteLength;
  }
  append(chunk: Uint8Array): Promise<void> {
    return this.writeAt(this.bytes.byteLength, chunk);
  }
  writeAt(at: number, chunk: Uint8Array): Promise<void> {
    if (at + chunk.byteLength > this.bytes.byteLength) {
      const grown = new Uint8Array(at + chunk.byteLength);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes.set(chunk, at);
    return Promise.resolve();
  }
  read(offset: number, length: number): Promise<Uint8Array> {
    return Promise.resolve(this.bytes.slice(offset, offset + length));
  }
}

const deflate = (b: Uint8Array): Promise<Uint8Array> => Promise.resolve(new Uint8Array(deflateSync(b)));
const inflate = (b: Uint8Array, max: number): Promise<Uint8Array> =>
  Promise.resolve(new Uint8Array(inflateSync(b, { maxOutputLength: max })));

async function writeRaster(
  spec: GeoTiffSpec,
  value: (x: number, y: number, band: number) => number,
): Promise<MemoryFile> {
  const file = new MemoryFile();
  const writer = new GeoTiffTileWriter(spec, file, deflate);
  await writer.begin();
  for (let ty = 0; ty < writer.tilesDown; ty += 1) {
    for (let tx = 0; tx < writer.tilesAcross; tx += 1) {
      const tile = allocSamples(spec.dataType, writer.tileSampleCount);
      for (let y = 0; y < TILE_SIZE; y += 1) {
        for (let x = 0; x < TILE_SIZE; x += 1) {
          for (let b = 0; b < spec.bandCount; b += 1) {
            tile[(y * TILE_SIZE + x) * spec.bandCount + b] = value(tx * TILE_SIZE + x, ty * TILE_SIZE + y, b);
          }
        }
      }
      await writer.addTile(tile);
    }
  }
  await writer.finish();
  return file;
}

const base: GeoTiffSpec = {
  width: 300,
  height: 270,
  bandCount: 1,
  dataType: 'Float32',
  pixelSize: [100, 100],
  origin: [40455000, 2800000],
  crs: epsg(2364),
  nodata: -32768,
  predictor: 3,
  photometric: 1,
};

async function readBack(
  file: MemoryFile,
): Promise<{ header: Awaited<ReturnType<typeof readGeoTiffHeader>>; tiles: SampleArray[] }> {
  const header = await readGeoTiffHeader(file);
  const tiles: SampleArray[] = [];
  for (let i = 0; i < header.image.offsets.length; i += 1) {
    const raw = await file.read(header.image.offsets[i] ?? 0, header.image.byteCounts[i] ?? 0);
    tiles.push(await decodeBlock(header.image, header.littleEndian, i, raw, inflate, 0));
  }
  return { header, tiles };
}

describe('GeoTiffTileWriter', () => {
  it('writes a georeferenced tiled DEFLATE GeoTIFF that reads back exactly (float, predictor 3)', async () => {
    const value = (x: number, y: number): number => Math.fround(300 + Math.sin(x / 9) * 40 + y * 0.37);
    const file = await writeRaster(base, value);
    const { header, tiles } = await readBack(file);
    expect(header.info).toMatchObject({
      width: 300,
      height: 270,
      dataType: 'Float32',
      nodata: -32768,
      bandCount: 1,
    });
    expect(header.info.origin).toEqual([40455000, 2800000]);
    expect(header.info.pixelSize).toEqual([100, 100]);
    expect(header.info.crs?.code).toBe('EPSG:2364');
    expect(header.image).toMatchObject({
      tiled: true,
      blockWidth: 256,
      compression: 8,
      predictor: 3,
      blocksAcross: 2,
      blocksDown: 2,
    });
    expect(tiles[3]?.[(13 * 256 + 43) * 1]).toBe(value(256 + 43, 256 + 13));
    expect(tiles[0]?.[5 * 256 + 7]).toBe(value(7, 5));
  });

  it.each([
    ['Int16', 2],
    ['UInt16', 1],
    ['Byte', 2],
    ['Int32', 2],
    ['Float64', 3],
  ] as const)('round-trips %s with predictor %i', async (dataType, predictor) => {
    const spec: GeoTiffSpec = {
      ...base,
      dataType,
      predictor,
      nodata: null,
      bandCount: 3,
      photometric: dataType === 'Byte' ? 2 : 1,
    };
    const value = (x: number, y: number, b: number): number =>
      ((x * 7 + y * 3 + b * 50) % 200) - (dataType.startsWith('U') || dataType === 'Byte' ? 0 : 100);
    const { header, tiles } = await readBack(await writeRaster(spec, value));
    expect(header.info.dataType).toBe(dataType);
    expect(header.info.bandCount).toBe(3);
    expect(header.info.nodata).toBeNull();
    expect(tiles[1]?.[(100 * 256 + 10) * 3 + 2]).toBe(value(266, 100, 2));
  });

  it('writes geographic CRSs as GeographicType', async () => {
    const spec: GeoTiffSpec = {
      ...base,
      crs: epsg(4490),
      pixelSize: [0.001, 0.001],
      origin: [109, 25.5],
      width: 10,
      height: 10,
    };
    const { header } = await readBack(await writeRaster(spec, () => 1));
    expect(header.info.crs?.code).toBe('EPSG:4490');
    expect(header.info.extent).toEqual([109, 25.49, 109.01, 25.5]);
  });

  it('writes NaN nodata as GDAL does', async () => {
    const { header } = await readBack(
      await writeRaster({ ...base, nodata: Number.NaN, width: 5, height: 5 }, () => 1),
    );
    expect(header.info.nodata).toBeNaN();
  });

  it('refuses outputs that would need BigTIFF', () => {
    expect(
      () => new GeoTiffTileWriter({ ...base, width: 40000, height: 40000 }, new MemoryFile(), deflate),
    ).toThrow(/output4GiB/);
  });

  it('refuses the wrong number of tiles', async () => {
    const writer = new GeoTiffTileWriter({ ...base, width: 10, height: 10 }, new MemoryFile(), deflate);
    await writer.begin();
    await expect(writer.finish()).rejects.toThrow(/not every tile/);
  });
});
