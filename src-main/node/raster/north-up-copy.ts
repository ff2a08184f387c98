import { open } from 'node:fs/promises';
import { StrataError } from '../../api/errors.js';
import {
  TAG,
  allocSamples,
  decodeProblem,
  nodataText,
  placementTags,
  type GeoTiffHeader,
  type SampleArray,
  type TiffImage,
} from '../../core/formats/geotiff/index.js';
import {
  COPY_TILE,
  copiedSamples,
  PyramidTiffWriter,
  type PyramidSpec,
} from '../../core/formats/geotiff/pyramid-writer.js';
import type { GeoTransform, RasterDataType } from '../../core/model/index.js';
import type { ByteSource, JobOptions } from '../../core/ports/index.js';
import { fileSink } from './file-sink.js';
import { readBlock } from './geotiff-file.js';
import { nativeDeflate } from './native-codecs.js';
import { Level } from './pyramid-level.js';
import type { WorkingCopyOutcome } from './working-copy.js';

const PALETTE = 3;
/** Decoded source bytes kept between output bands (blocks a band still needs are kept regardless). */
const CACHE_BYTES = 512 * 1024 * 1024;
/** A north-up copy larger than this many times its source's pixels (a strong shear) is not made. */
const MAX_GROWTH = 4;

/** The north-up grid a rotated, sheared or south-up raster is shown on: its bounding box, square pixels. */
export interface NorthUpGrid {
  readonly width: number;
  readonly height: number;
  readonly transform: GeoTransform;
}

/**
 * The grid GDAL's `gdalwarp` chooses by default for such a raster, as far as a display needs it:
 * the bounding box of its four corners, pixels as fine as the source's finer side. Null when that
 * grid would hold more than MAX_GROWTH times the source's pixels.
 */
export function northUpGrid(
  t: GeoTransform,
  width: number,
  height: number,
  extent: readonly [number, number, number, number],
): NorthUpGrid | null {
  const res = Math.min(Math.hypot(t[1], t[4]), Math.hypot(t[2], t[5]));
  const [minX, minY, maxX, maxY] = extent;
  const outW = Math.max(1, Math.ceil((maxX - minX) / res - 1e-6));
  const outH = Math.max(1, Math.ceil((maxY - minY) / res - 1e-6));
  if (!Number.isFinite(outW * outH) || outW * outH > MAX_GROWTH * width * height) return null;
  return { width: outW, height: outH, transform: [minX, res, 0, maxY, 0, -res] };
}

/** Pixel (column, row) → CRS is `t`; this is CRS → fractional (column, row). */
function inverse(t: GeoTransform): (x: number, y: number) => readonly [number, number] {
  const det = t[1] * t[5] - t[2] * t[4];
  return (x, y) => {
    const dx = x - t[0];
    const dy = y - t[3];
    return [(t[5] * dx - t[2] * dy) / det, (t[1] * dy - t[4] * dx) / det];
  };
}

/**
 * The copy's nodata, which marks the corners outside the source as transparent: the source's, else
 * NaN for floating-point samples, the type's least value for signed integers (a DEM's -32768),
 * and 0 for unsigned ones (as imagery leaves its collar; a source's own zeros then show clear too).
 */
const OUTSIDE: Readonly<Record<RasterDataType, number>> = {
  Byte: 0,
  UInt16: 0,
  UInt32: 0,
  Int8: -128,
  Int16: -32768,
  Int32: -2147483648,
  Float32: Number.NaN,
  Float64: Number.NaN,
};

export function copyNodata(header: GeoTiffHeader): number {
  return header.info.nodata ?? OUTSIDE[header.image.dataType];
}

/** The pyramid a north-up copy is written as: the source's samples on `grid`, placed by its transform. */
export function northUpSpec(header: GeoTiffHeader, grid: NorthUpGrid): PyramidSpec {
  const { image, info } = header;
  const geoTags = placementTags(grid.transform, info.crs);
  geoTags.set(TAG.GdalNodata, nodataText(copyNodata(header)));
  return {
    width: grid.width,
    height: grid.height,
    ...copiedSamples(image),
    extraSamples: null,
    geoTags,
  };
}

/**
 * Decoded source blocks by index, for the output bands that need them: each band's blocks are
 * decoded together (inflating in parallel), and blocks no band needed lately go first once the
 * cache holds more than CACHE_BYTES.
 */
class BlockCache {
  private readonly blocks = new Map<number, SampleArray>();
  private bytes = 0;

  constructor(
    private readonly source: ByteSource,
    private readonly header: GeoTiffHeader,
    private readonly fill: number,
  ) {}

  /** Makes sure every block in `wanted` is decoded; returns the cache (wanted ones present). */
  async load(wanted: ReadonlySet<number>): Promise<ReadonlyMap<number, SampleArray>> {
    const missing = [...wanted].filter((i) => !this.blocks.has(i));
    const image = this.header.image;
    const decoded = await Promise.all(
      missing.map((i) => readBlock(this.source, this.header, image, i, this.fill)),
    );
    missing.forEach((index, k) => {
      const block = decoded[k];
      if (block === undefined) return;
      this.blocks.set(index, block);
      this.bytes += block.byteLength;
    });
    for (const [index, block] of this.blocks) {
      if (this.bytes <= CACHE_BYTES) break;
      if (wanted.has(index)) continue;
      this.blocks.delete(index);
      this.bytes -= block.byteLength;
    }
    // Map order is insertion order: re-insert the wanted ones so the oldest unneeded go first.
    for (const index of wanted) {
      const block = this.blocks.get(index);
      if (block === undefined) continue;
      this.blocks.delete(index);
      this.blocks.set(index, block);
    }
    return this.blocks;
  }
}

/** The blocks (all planes) holding source pixels of columns c0..c1, rows r0..r1 (inclusive, clamped). */
function blocksOver(image: TiffImage, c0: number, c1: number, r0: number, r1: number): Set<number> {
  const planes = image.planar === 2 ? image.samplesPerPixel : 1;
  const perPlane = image.blocksAcross * image.blocksDown;
  const clampC = (c: number): number => Math.min(image.width - 1, Math.max(0, c));
  const clampR = (r: number): number => Math.min(image.height - 1, Math.max(0, r));
  const bx0 = Math.floor(clampC(c0) / image.blockWidth);
  const bx1 = Math.floor(clampC(c1) / image.blockWidth);
  const by0 = Math.floor(clampR(r0) / image.blockHeight);
  const by1 = Math.floor(clampR(r1) / image.blockHeight);
  const out = new Set<number>();
  for (let p = 0; p < planes; p += 1)
    for (let by = by0; by <= by1; by += 1)
      for (let bx = bx0; bx <= bx1; bx += 1) out.add(p * perPlane + by * image.blocksAcross + bx);
  return out;
}

/**
 * Fills the full-resolution level with the source resampled by nearest neighbour onto `grid`, as
 * `gdalwarp -r near` does: each output pixel takes the source pixel under its centre, or the
 * copy's nodata outside the source. Output bands of COPY_TILE rows, each decoding the source
 * blocks under it once (BlockCache).
 */
export async function warpInto(
  source: ByteSource,
  header: GeoTiffHeader,
  grid: NorthUpGrid,
  top: Level,
  opts: JobOptions,
): Promise<void> {
  const { image, info } = header;
  const t = info.geoTransform;
  if (t === undefined) throw new RangeError('warpInto needs a geotransform');
  const toPixel = inverse(t);
  const spp = image.samplesPerPixel;
  const planar = image.planar === 2;
  const planeBlocks = image.blocksAcross * image.blocksDown;
  const nodata = copyNodata(header);
  const fill = allocSamples(image.dataType, 1).fill(nodata)[0] ?? 0;
  const cache = new BlockCache(source, header, nodata);
  const [x0, res, , y0] = grid.transform;
  for (let y = 0; y < grid.height;) {
    if (opts.signal?.aborted === true) throw new StrataError('CANCELLED');
    const { band, rows } = top.target;
    const count = Math.min(grid.height - y, COPY_TILE - rows);
    // The source pixels under this band: its four corners mapped back, one pixel of margin.
    const corners = [0, grid.width].flatMap((cx) =>
      [y, y + count].map((cy) => toPixel(x0 + cx * res, y0 - cy * res)),
    );
    const cols = corners.map((c) => c[0]);
    const rowsAt = corners.map((c) => c[1]);
    const wanted = blocksOver(
      image,
      Math.floor(Math.min(...cols)) - 1,
      Math.ceil(Math.max(...cols)) + 1,
      Math.floor(Math.min(...rowsAt)) - 1,
      Math.ceil(Math.max(...rowsAt)) + 1,
    );
    const blocks = await cache.load(wanted);
    for (let k = 0; k < count; k += 1) {
      const gy = y0 - (y + k + 0.5) * res;
      const outRow = (rows + k) * grid.width * spp;
      // The transform is affine: along an output row the source position moves by a fixed step.
      const [c0, r0] = toPixel(x0 + 0.5 * res, gy);
      const [c1, r1] = toPixel(x0 + 1.5 * res, gy);
      for (let x = 0; x < grid.width; x += 1) {
        const col = Math.floor(c0 + x * (c1 - c0));
        const row = Math.floor(r0 + x * (r1 - r0));
        const at = outRow + x * spp;
        if (col < 0 || row < 0 || col >= image.width || row >= image.height) {
          for (let s = 0; s < spp; s += 1) band[at + s] = fill;
          continue;
        }
        const bx = Math.floor(col / image.blockWidth);
        const by = Math.floor(row / image.blockHeight);
        const inX = col - bx * image.blockWidth;
        const inY = row - by * image.blockHeight;
        for (let s = 0; s < spp; s += 1) {
          const index = (planar ? s * planeBlocks : 0) + by * image.blocksAcross + bx;
          const block = blocks.get(index);
          const offset = planar ? inY * image.blockWidth + inX : (inY * image.blockWidth + inX) * spp + s;
          band[at + s] = block?.[offset] ?? fill;
        }
      }
    }
    y += count;
    await top.filled(count);
    opts.onProgress?.(y, grid.height);
  }
}

/**
 * Writes the display copy of a rotated, sheared or south-up GeoTIFF to `tmp`: north-up (the map
 * places a GeoTIFF by origin and resolution only, ADR 0130), resampled by nearest neighbour, with
 * overviews, in every case the reader decodes (such a grid is never drawn from its original).
 */
export async function writeNorthUpPyramid(
  source: ByteSource,
  header: GeoTiffHeader,
  tmp: string,
  opts: JobOptions,
): Promise<WorkingCopyOutcome> {
  const { image, info } = header;
  if (decodeProblem(image) !== null) return { written: false, reason: 'undecodable' };
  const t = info.geoTransform;
  const grid = t && info.extent ? northUpGrid(t, image.width, image.height, info.extent) : null;
  if (grid === null) return { written: false, reason: 'tooLarge' };
  let writer: PyramidTiffWriter;
  try {
    writer = new PyramidTiffWriter(northUpSpec(header, grid), nativeDeflate);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return { written: false, reason: 'tooLarge' };
  }
  const out = await open(tmp, 'wx');
  try {
    const sink = writer.attach(fileSink(out));
    const top = new Level(
      sink,
      0,
      image.samplesPerPixel,
      image.dataType,
      copyNodata(header),
      image.photometric === PALETTE,
    );
    await sink.begin();
    await warpInto(source, header, grid, top, opts);
    await sink.finish();
    await out.sync();
  } finally {
    await out.close();
  }
  return { written: true, levels: writer.levels.length };
}
