import type { RasterDataType } from '../../model/index.js';
import type { TagValue } from './ifd-reader.js';
import { SAMPLE_FORMAT, longs, writeIfds, type FieldType, type IfdEntry } from './ifd-writer.js';
import { applyFloatingPoint, applyHorizontal } from './predictor.js';
import { BYTES_PER_SAMPLE, bytesOf, type SampleArray } from './samples.js';
import { TAG } from './tiff-tags.js';
import type { TiffImage } from './tiff-image.js';
import type { DeflatePort, TiffSink } from './tiff-writer.js';

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
  /** 1 min-is-black, 2 RGB, or 3 palette (a scan's; with `colorMap`). */
  readonly photometric: number;
  /** TIFF ColorMap (red, green, blue runs of 16-bit values) of a palette image, written on every level. */
  readonly colorMap?: readonly number[] | null;
  /** The source's ExtraSamples values, or null. */
  readonly extraSamples: readonly number[] | null;
  /**
   * ModelPixelScale, ModelTiepoint, ModelTransformation, GeoKey directory and params, GDAL_NODATA,
   * each as the source stores it, so the copy is georeferenced exactly as the original.
   */
  readonly geoTags: ReadonlyMap<number, TagValue>;
}

const PALETTE = 3;
const YCBCR = 6;
const RGB = 2;

/** A display copy's samples as the decoder gives them: JPEG's YCbCr as RGB, a palette with its colour map. */
export const copiedSamples = (
  image: TiffImage,
): Pick<PyramidSpec, 'bandCount' | 'dataType' | 'photometric' | 'colorMap'> => ({
  bandCount: image.samplesPerPixel,
  dataType: image.dataType,
  photometric: image.photometric === YCBCR ? RGB : image.photometric,
  colorMap: image.photometric === PALETTE ? image.colorMap : null,
});

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

  private entries(level: number): IfdEntry[] {
    const s = this.spec;
    const l = this.levels[level];
    if (l === undefined) throw new RangeError('no such level');
    const bands = (v: number): number[] => new Array<number>(s.bandCount).fill(v);
    const n = l.across * l.down;
    const list: IfdEntry[] = [
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
    if (s.colorMap) list.push({ tag: TAG.ColorMap, type: 3, values: s.colorMap });
    for (const [tag, values] of s.geoTags) {
      const type = COPIED_TYPE[tag];
      // Georeferencing belongs to the full-resolution image; nodata applies to every level.
      if (type !== undefined && (level === 0 || tag === TAG.GdalNodata)) list.push({ tag, type, values });
    }
    return list.sort((a, b) => a.tag - b.tag);
  }

  /** Every IFD with its out-of-line values, chained; records where each offset table sits. */
  private header(): Uint8Array {
    const { bytes, tables } = writeIfds(this.levels.map((_, level) => this.entries(level)));
    tables.forEach((table, level) => {
      const layout = this.levels[level];
      if (layout === undefined) return;
      layout.offsetsAt = table.offsetsAt;
      layout.countsAt = table.countsAt;
    });
    return bytes;
  }
}
