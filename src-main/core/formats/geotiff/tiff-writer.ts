import type { CrsInfo, RasterDataType } from '../../model/index.js';
import { geoKeysOfCrs } from './crs-geokeys.js';
import { applyFloatingPoint, applyHorizontal } from './predictor.js';
import { BYTES_PER_SAMPLE, HOST_LITTLE_ENDIAN, bytesOf, type SampleArray } from './samples.js';
import { tooLarge, unsupported } from '../format-error.js';
import { TAG } from './tiff-tags.js';
import { SAMPLE_FORMAT, longs, writeIfds, type IfdEntry } from './ifd-writer.js';

/** What the written GeoTIFF holds. Pixel-interleaved bands, north-up grid. */
export interface GeoTiffSpec {
  readonly width: number;
  readonly height: number;
  readonly bandCount: number;
  readonly dataType: RasterDataType;
  /** Pixel width and height in CRS units (> 0). */
  readonly pixelSize: readonly [number, number];
  /** Upper-left corner of the upper-left pixel, CRS units (x = easting/longitude). */
  readonly origin: readonly [number, number];
  /**
   * The CRS: an EPSG code is written as ProjectedCSType or GeographicType, a `code: null` CRS as
   * user-defined GeoKeys (ADR 0014; the constructor throws for projections it cannot express).
   */
  readonly crs: CrsInfo;
  readonly nodata: number | null;
  /** 1 none, 2 horizontal (integers), 3 floating point (floats). */
  readonly predictor: 1 | 2 | 3;
  /** 2 (RGB) only for 3 Byte bands; 1 (min-is-black) otherwise. */
  readonly photometric: 1 | 2;
}

/** Sequential output with one positioned write for the offset tables. Byte positions. */
export interface TiffSink {
  append(bytes: Uint8Array): Promise<void>;
  writeAt(position: number, bytes: Uint8Array): Promise<void>;
}

/** zlib-wrapped DEFLATE (TIFF Compression 8). Injected so core never imports zlib. */
export type DeflatePort = (bytes: Uint8Array) => Promise<Uint8Array>;

export const TILE_SIZE = 256;
const CLASSIC_LIMIT = 2 ** 32 - 1;

/**
 * Streams a classic little-endian GeoTIFF, tiled 256 x 256, DEFLATE. Layout: header, the only
 * IFD and its values, then tiles in row-major order; the tile offset/byte-count tables are
 * patched at the end. Only allow-listed structural tags are written (no ImageDescription,
 * Software, DateTime, XMP or GDAL_METADATA). Files that could pass 4 GiB are refused, not written
 * as BigTIFF.
 *
 * Usage: `begin()`, then `addTile()` once per tile in row-major order, then `finish()`.
 */
export class GeoTiffTileWriter {
  readonly tilesAcross: number;
  readonly tilesDown: number;
  private readonly spec: GeoTiffSpec;
  private readonly sink: TiffSink;
  private readonly deflate: DeflatePort;
  private readonly maxInFlight: number;
  private readonly geoTags: readonly IfdEntry[];
  private readonly pending: Promise<Uint8Array>[] = [];
  private readonly byteCounts: number[] = [];
  private offsetsAt = 0;
  private countsAt = 0;
  private position = 0;
  private dataStart = 0;
  private added = 0;

  constructor(spec: GeoTiffSpec, sink: TiffSink, deflate: DeflatePort, maxInFlight = 8) {
    if (!HOST_LITTLE_ENDIAN) throw unsupported('bigEndianHost');
    if (spec.predictor === 3 && !spec.dataType.startsWith('Float'))
      throw unsupported('floatPredictorOnIntegers');
    if (spec.predictor === 2 && spec.dataType.startsWith('Float'))
      throw unsupported('horizontalPredictorOnFloats');
    this.spec = spec;
    this.geoTags = geoKeyTags(spec.crs);
    this.sink = sink;
    this.deflate = deflate;
    this.maxInFlight = maxInFlight;
    this.tilesAcross = Math.ceil(spec.width / TILE_SIZE);
    this.tilesDown = Math.ceil(spec.height / TILE_SIZE);
    const rawBytes =
      this.tilesAcross * this.tilesDown * this.tileSampleCount * BYTES_PER_SAMPLE[spec.dataType];
    if (rawBytes * 1.01 + 1024 * 1024 > CLASSIC_LIMIT) throw tooLarge('output4GiB');
  }

  /** Samples per tile: 256 x 256 x bandCount, pixel-interleaved. */
  get tileSampleCount(): number {
    return TILE_SIZE * TILE_SIZE * this.spec.bandCount;
  }

  get tileCount(): number {
    return this.tilesAcross * this.tilesDown;
  }

  async begin(): Promise<void> {
    const head = this.header();
    await this.sink.append(head);
    this.position = head.byteLength;
  }

  /**
   * Queues one full tile (edge tiles padded to 256 x 256). The writer owns `samples` from here
   * on: compression may still be reading it after this returns.
   */
  async addTile(samples: SampleArray): Promise<void> {
    if (samples.length !== this.tileSampleCount) throw new RangeError('tile has the wrong sample count');
    if (this.added >= this.tileCount) throw new RangeError('more tiles than the grid holds');
    this.added += 1;
    const compressed = this.deflate(this.predicted(samples));
    // Marked handled now; the rejection still surfaces when flushOne awaits it in order.
    void compressed.catch(() => undefined);
    this.pending.push(compressed);
    while (this.pending.length >= this.maxInFlight) await this.flushOne();
  }

  async finish(): Promise<void> {
    if (this.added !== this.tileCount) throw new RangeError('not every tile was written');
    while (this.pending.length > 0) await this.flushOne();
    const offsets: number[] = [];
    let at = this.dataStart;
    for (const count of this.byteCounts) {
      offsets.push(at);
      at += count;
    }
    await this.sink.writeAt(this.offsetsAt, longs(offsets));
    await this.sink.writeAt(this.countsAt, longs(this.byteCounts));
  }

  private async flushOne(): Promise<void> {
    const next = this.pending.shift();
    if (next === undefined) return;
    const bytes = await next;
    if (this.position + bytes.byteLength > CLASSIC_LIMIT) throw tooLarge('output4GiB');
    await this.sink.append(bytes);
    this.position += bytes.byteLength;
    this.byteCounts.push(bytes.byteLength);
  }

  private predicted(samples: SampleArray): Uint8Array {
    const { predictor, bandCount, dataType } = this.spec;
    if (predictor === 1) return bytesOf(samples);
    if (predictor === 2) {
      const copy = samples.slice();
      applyHorizontal(copy, TILE_SIZE, TILE_SIZE, bandCount);
      return bytesOf(copy);
    }
    return applyFloatingPoint(bytesOf(samples), TILE_SIZE, TILE_SIZE, bandCount, BYTES_PER_SAMPLE[dataType]);
  }

  private entries(): IfdEntry[] {
    const s = this.spec;
    const bands = (v: number): number[] => new Array<number>(s.bandCount).fill(v);
    const n = this.tileCount;
    const list: IfdEntry[] = [
      { tag: TAG.ImageWidth, type: 4, values: [s.width] },
      { tag: TAG.ImageLength, type: 4, values: [s.height] },
      { tag: TAG.BitsPerSample, type: 3, values: bands(BYTES_PER_SAMPLE[s.dataType] * 8) },
      { tag: TAG.Compression, type: 3, values: [8] },
      { tag: TAG.Photometric, type: 3, values: [s.photometric] },
      { tag: TAG.SamplesPerPixel, type: 3, values: [s.bandCount] },
      { tag: TAG.PlanarConfig, type: 3, values: [1] },
      { tag: TAG.TileWidth, type: 3, values: [TILE_SIZE] },
      { tag: TAG.TileLength, type: 3, values: [TILE_SIZE] },
      { tag: TAG.TileOffsets, type: 4, values: new Array<number>(n).fill(0) },
      { tag: TAG.TileByteCounts, type: 4, values: new Array<number>(n).fill(0) },
      { tag: TAG.SampleFormat, type: 3, values: bands(SAMPLE_FORMAT[s.dataType]) },
      { tag: TAG.ModelPixelScale, type: 12, values: [s.pixelSize[0], s.pixelSize[1], 0] },
      { tag: TAG.ModelTiepoint, type: 12, values: [0, 0, 0, s.origin[0], s.origin[1], 0] },
      ...this.geoTags,
    ];
    if (s.predictor !== 1) list.push({ tag: TAG.Predictor, type: 3, values: [s.predictor] });
    const colour = s.photometric === 2 ? 3 : 1;
    if (s.bandCount > colour)
      list.push({ tag: TAG.ExtraSamples, type: 3, values: new Array<number>(s.bandCount - colour).fill(0) });
    if (s.nodata !== null) list.push({ tag: TAG.GdalNodata, type: 2, values: nodataText(s.nodata) });
    return list.sort((a, b) => a.tag - b.tag);
  }

  private header(): Uint8Array {
    const { bytes, tables } = writeIfds([this.entries()]);
    this.offsetsAt = tables[0]?.offsetsAt ?? 0;
    this.countsAt = tables[0]?.countsAt ?? 0;
    this.dataStart = bytes.byteLength;
    return bytes;
  }
}

/** GeoKeyDirectory (keys sorted by id) with its GeoDoubleParams and GeoAsciiParams. */
export function geoKeyTags(crs: CrsInfo): IfdEntry[] {
  const { shorts, doubles, texts } = geoKeysOfCrs(crs);
  const ids = [...new Set([...shorts.keys(), ...doubles.keys(), ...texts.keys()])].sort((a, b) => a - b);
  const directory = [1, 1, 0, ids.length];
  const doubleParams: number[] = [];
  let asciiParams = '';
  for (const id of ids) {
    const short = shorts.get(id);
    const values = doubles.get(id);
    const text = texts.get(id);
    if (short !== undefined) directory.push(id, 0, 1, short);
    else if (values !== undefined) {
      directory.push(id, TAG.GeoDoubleParams, values.length, doubleParams.length);
      doubleParams.push(...values);
    } else if (text !== undefined) {
      directory.push(id, TAG.GeoAsciiParams, text.length + 1, asciiParams.length);
      asciiParams += `${text}|`;
    }
  }
  const list: IfdEntry[] = [{ tag: TAG.GeoKeyDirectory, type: 3, values: directory }];
  if (doubleParams.length > 0) list.push({ tag: TAG.GeoDoubleParams, type: 12, values: doubleParams });
  if (asciiParams !== '') list.push({ tag: TAG.GeoAsciiParams, type: 2, values: asciiParams });
  return list;
}

/** GDAL_NODATA text: shortest round-trip decimal, "nan" for NaN (as GDAL writes it). */
export function nodataText(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}
