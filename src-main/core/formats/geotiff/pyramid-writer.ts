import type { RasterDataType } from '../../core/model/index.js';
import {
  BYTES_PER_SAMPLE,
  TAG,
  type DeflatePort,
  type SampleArray,
  type TagValue,
  type TiffSink,
} from '../../core/formats/geotiff/index.js';
import { applyFloatingPoint, applyHorizontal } from '../../core/formats/geotiff/predictor.js';
import { bytesOf } from '../../core/formats/geotiff/samples.js';

/** Tile edge of the working copy: GDAL's COG default, a quarter of the requests 256 would need. */
export const COPY_TILE = 512;
/** Overviews are added until the smallest level fits one 256-pixel display tile. */
export const SMALLEST_LEVEL = 256;
const CLASSIC_LIMIT = 2 ** 32 - 1;

/** What every level of the pyramid shares, and the source's georeferencing tags copied verbatim. */
export interface PyramidSpec {
  readonly width: number;
  readonly height: number;
  readonly bandCount: number;
  readonly dataType: RasterDataType;
  /** 1 min-is-black or 2 RGB, as in the source. */
  readonly photometric: number;
  /** The source's ExtraSamples values, or null. */
  readonly extraSamples: readonly number[] | null;
  /**
   * ModelPixelScale, ModelTiepoint, ModelTransformation, GeoKey directory and params, GDAL_NODATA,
   * each as the source stores it, so the copy is georeferenced exactly as the original.
   */
  readonly geoTags: ReadonlyMap<number, TagValue>;
}

/** Level sizes, full resolution first: each half the one before (rounded up) down to ≤ 256 px. */
export function levelSizes(width: number, height: number): [number, number][] {
  const sizes: [number, number][] = [[width, height]];
  let [w, h] = [width, height];
  while (Math.max(w, h) > SMALLEST_LEVEL) {
    w = Math.ceil(w / 2);
    h = Math.ceil(h / 2);
    sizes.push([w, h]);
  }
  return sizes;
}

const SAMPLE_FORMAT: Readonly<Record<RasterDataType, number>> = {
  Byte: 1,
  UInt16: 1,
  UInt32: 1,
  Int8: 2,
  Int16: 2,
  Int32: 2,
  Float32: 3,
  Float64: 3,
};

/** TIFF field types this writer emits. */
type FieldType = 2 | 3 | 4 | 12;
interface Entry {
  readonly tag: number;
  readonly type: FieldType;
  readonly values: readonly number[] | string;
}

/** The field type a copied tag is written with (its values were parsed to numbers or text). */
const COPIED_TYPE: Readonly<Record<number, FieldType>> = {
  [TAG.ModelPixelScale]: 12,
  [TAG.ModelTiepoint]: 12,
  [TAG.ModelTransformation]: 12,
  [TAG.GeoKeyDirectory]: 3,
  [TAG.GeoDoubleParams]: 12,
  [TAG.GeoAsciiParams]: 2,
  [TAG.GdalNodata]: 2,
};

/** Tags copied from the source: georeferencing and nodata only (the allow-list, ADR 0125). */
export const COPIED_TAGS: readonly number[] = Object.keys(COPIED_TYPE).map(Number);

interface LevelLayout {
  readonly width: number;
  readonly height: number;
  readonly across: number;
  readonly down: number;
  /** File positions of the TileOffsets and TileByteCounts values, patched at the end. */
  offsetsAt: number;
  countsAt: number;
  readonly offsets: number[];
  readonly counts: number[];
}

/**
 * A tiled, DEFLATE-compressed classic GeoTIFF with internal overviews: every IFD first (full
 * resolution, then each overview, so a reader learns the whole pyramid from the file's head),
 * then the tiles in the order they are produced; the offset tables are patched at the end. Only
 * structural tags and the copied georeferencing tags are written. Throws RangeError for a copy
 * that could pass 4 GiB (the caller keeps the original for display then).
 *
 * Usage: `attach(sink)`, `begin()`, `addTile(level, index, samples)` once per tile of every level,
 * `finish()`. Constructed before the sink exists, so a copy too large is refused before a file is made.
 */
export class PyramidTiffWriter {
  readonly levels: readonly LevelLayout[];
  private readonly spec: PyramidSpec;
  private sink: TiffSink | null = null;
  private readonly deflate: DeflatePort;
  private readonly predictor: 2 | 3;
  private readonly pending: { level: number; index: number; bytes: Promise<Uint8Array> }[] = [];
  private readonly maxInFlight: number;
  private position = 0;

  constructor(spec: PyramidSpec, deflate: DeflatePort, maxInFlight = 8) {
    this.spec = spec;
    this.deflate = deflate;
    this.maxInFlight = maxInFlight;
    this.predictor = spec.dataType.startsWith('Float') ? 3 : 2;
    this.levels = levelSizes(spec.width, spec.height).map(([width, height]) => {
      const across = Math.ceil(width / COPY_TILE);
      const down = Math.ceil(height / COPY_TILE);
      const n = across * down;
      return {
        width,
        height,
        across,
        down,
        offsetsAt: 0,
        countsAt: 0,
        offsets: new Array<number>(n).fill(0),
        counts: new Array<number>(n).fill(0),
      };
    });
    const tiles = this.levels.reduce((sum, l) => sum + l.across * l.down, 0);
    const raw = tiles * this.tileSampleCount * BYTES_PER_SAMPLE[spec.dataType];
    if (raw * 1.01 + 1024 * 1024 > CLASSIC_LIMIT) throw new RangeError('working copy would pass 4 GiB');
  }

  /** Samples per tile: 512 × 512 × bands, pixel-interleaved. */
  get tileSampleCount(): number {
    return COPY_TILE * COPY_TILE * this.spec.bandCount;
  }

  attach(sink: TiffSink): this {
    this.sink = sink;
    return this;
  }

  private get out(): TiffSink {
    if (this.sink === null) throw new Error('no sink attached');
    return this.sink;
  }

  async begin(): Promise<void> {
    const head = this.header();
    await this.out.append(head);
    this.position = head.byteLength;
  }

  /** Queues one full tile (edge tiles padded); the writer owns `samples` from here on. */
  async addTile(level: number, index: number, samples: SampleArray): Promise<void> {
    if (samples.length !== this.tileSampleCount) throw new RangeError('tile has the wrong sample count');
    const bytes = this.deflate(this.predicted(samples));
    // Marked handled now; a rejection still surfaces when flushOne awaits it in order.
    void bytes.catch(() => undefined);
    this.pending.push({ level, index, bytes });
    while (this.pending.length >= this.maxInFlight) await this.flushOne();
  }

  async finish(): Promise<void> {
    while (this.pending.length > 0) await this.flushOne();
    for (const level of this.levels) {
      if (level.counts.some((c) => c === 0)) throw new RangeError('not every tile was written');
      await this.out.writeAt(level.offsetsAt, longs(level.offsets));
      await this.out.writeAt(level.countsAt, longs(level.counts));
    }
  }

  private async flushOne(): Promise<void> {
    const next = this.pending.shift();
    if (next === undefined) return;
    const bytes = await next.bytes;
    if (this.position + bytes.byteLength > CLASSIC_LIMIT) throw new RangeError('working copy passed 4 GiB');
    await this.out.append(bytes);
    const level = this.levels[next.level];
    if (level === undefined) throw new RangeError('no such level');
    level.offsets[next.index] = this.position;
    level.counts[next.index] = bytes.byteLength;
    this.position += bytes.byteLength;
  }

  private predicted(samples: SampleArray): Uint8Array {
    const { bandCount, dataType } = this.spec;
    if (this.predictor === 2) {
      applyHorizontal(samples, COPY_TILE, COPY_TILE, bandCount);
      return bytesOf(samples);
    }
    return applyFloatingPoint(bytesOf(samples), COPY_TILE, COPY_TILE, bandCount, BYTES_PER_SAMPLE[dataType]);
  }

  private entries(level: number): Entry[] {
    const s = this.spec;
    const l = this.levels[level];
    if (l === undefined) throw new RangeError('no such level');
    const bands = (v: number): number[] => new Array<number>(s.bandCount).fill(v);
    const n = l.across * l.down;
    const list: Entry[] = [
      { tag: TAG.ImageWidth, type: 4, values: [l.width] },
      { tag: TAG.ImageLength, type: 4, values: [l.height] },
      { tag: TAG.BitsPerSample, type: 3, values: bands(BYTES_PER_SAMPLE[s.dataType] * 8) },
      { tag: TAG.Compression, type: 3, values: [8] },
      { tag: TAG.Photometric, type: 3, values: [s.photometric] },
      { tag: TAG.SamplesPerPixel, type: 3, values: [s.bandCount] },
      { tag: TAG.PlanarConfig, type: 3, values: [1] },
      { tag: TAG.Predictor, type: 3, values: [this.predictor] },
      { tag: TAG.TileWidth, type: 3, values: [COPY_TILE] },
      { tag: TAG.TileLength, type: 3, values: [COPY_TILE] },
      { tag: TAG.TileOffsets, type: 4, values: new Array<number>(n).fill(0) },
      { tag: TAG.TileByteCounts, type: 4, values: new Array<number>(n).fill(0) },
      { tag: TAG.SampleFormat, type: 3, values: bands(SAMPLE_FORMAT[s.dataType]) },
    ];
    if (level > 0) list.push({ tag: TAG.NewSubfileType, type: 4, values: [1] });
    if (s.extraSamples !== null) list.push({ tag: TAG.ExtraSamples, type: 3, values: s.extraSamples });
    for (const [tag, values] of s.geoTags) {
      const type = COPIED_TYPE[tag];
      // Georeferencing belongs to the full-resolution image; nodata applies to every level.
      if (type !== undefined && (level === 0 || tag === TAG.GdalNodata)) list.push({ tag, type, values });
    }
    return list.sort((a, b) => a.tag - b.tag);
  }

  /** Every IFD with its out-of-line values, chained; records where each offset table sits. */
  private header(): Uint8Array {
    const parts: { entries: Entry[]; payloads: Uint8Array[]; at: number; size: number }[] = [];
    let at = 8;
    for (let level = 0; level < this.levels.length; level += 1) {
      const entries = this.entries(level);
      const payloads = entries.map(payload);
      const outOfLine = payloads.reduce(
        (sum, p) => sum + (p.byteLength > 4 ? p.byteLength + (p.byteLength % 2) : 0),
        0,
      );
      const size = 2 + entries.length * 12 + 4 + outOfLine;
      parts.push({ entries, payloads, at, size });
      at += size;
    }
    const out = new Uint8Array(at);
    const view = new DataView(out.buffer);
    out.set([0x49, 0x49]);
    view.setUint16(2, 42, true);
    view.setUint32(4, 8, true);
    parts.forEach((part, level) => {
      const layout = this.levels[level];
      if (layout === undefined) return;
      const { entries, payloads } = part;
      view.setUint16(part.at, entries.length, true);
      let valueAt = part.at + 2 + entries.length * 12 + 4;
      entries.forEach((entry, i) => {
        const e = part.at + 2 + i * 12;
        const bytes = payloads[i] ?? new Uint8Array(0);
        view.setUint16(e, entry.tag, true);
        view.setUint16(e + 2, entry.type, true);
        view.setUint32(
          e + 4,
          typeof entry.values === 'string' ? bytes.byteLength : entry.values.length,
          true,
        );
        let where = e + 8;
        if (bytes.byteLength > 4) {
          where = valueAt;
          view.setUint32(e + 8, where, true);
          valueAt += bytes.byteLength + (bytes.byteLength % 2);
        }
        out.set(bytes, where);
        if (entry.tag === TAG.TileOffsets) layout.offsetsAt = where;
        if (entry.tag === TAG.TileByteCounts) layout.countsAt = where;
      });
      const next = parts[level + 1];
      view.setUint32(part.at + 2 + entries.length * 12, next === undefined ? 0 : next.at, true);
    });
    return out;
  }
}

function payload(entry: Entry): Uint8Array {
  if (typeof entry.values === 'string') {
    const text = entry.values;
    const out = new Uint8Array(text.length + 1);
    for (let i = 0; i < text.length; i += 1) out[i] = text.charCodeAt(i) & 0x7f;
    return out;
  }
  const size = entry.type === 3 ? 2 : entry.type === 4 ? 4 : entry.type === 12 ? 8 : 1;
  const out = new Uint8Array(entry.values.length * size);
  const view = new DataView(out.buffer);
  entry.values.forEach((v, i) => {
    if (entry.type === 3) view.setUint16(i * 2, v, true);
    else if (entry.type === 4) view.setUint32(i * 4, v, true);
    else if (entry.type === 12) view.setFloat64(i * 8, v, true);
    else out[i] = v;
  });
  return out;
}

function longs(values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    view.setUint32(i * 4, v, true);
  });
  return out;
}
