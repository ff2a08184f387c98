import type { RasterDataType } from '../model/index.js';

/**
 * How source cells along one axis fall into output cells. Source cell `c` gives weight `w1[c]`
 * to output cell `out[c]` and `w2[c]` to `out[c] + 1` (weights are the covered fraction of the
 * source cell, so a source cell never spans more than two output cells: target >= source pixel).
 */
export interface AxisWeights {
  readonly outSize: number;
  readonly out: Int32Array;
  readonly w1: Float64Array;
  readonly w2: Float64Array;
  /** Per output cell, the last source cell that contributes to it. */
  readonly lastSource: Int32Array;
  /** Per output cell, the first source cell that falls into it; `[outSize]` = srcSize. */
  readonly firstSource: Int32Array;
  /** True when every source cell falls wholly into one output cell (integer factor). */
  readonly integral: boolean;
}

const EPS = 1e-9;

/**
 * Output cells along an axis: the grid starts at the source's upper-left corner and covers the
 * whole source, so `ceil(srcSize * srcPixel / target)` (a last partial cell averages only what
 * it covers). `srcPixel` and `target` in the same CRS units.
 */
export function outputSize(srcSize: number, srcPixel: number, target: number): number {
  return Math.max(1, Math.ceil((srcSize * srcPixel) / target - 1e-6));
}

export function axisWeights(srcSize: number, srcPixel: number, target: number): AxisWeights {
  const f = target / srcPixel;
  if (!(f >= 1 - 1e-12) || !Number.isFinite(f))
    throw new RangeError('target pixel must not be finer than the source pixel');
  const outSize = outputSize(srcSize, srcPixel, target);
  const out = new Int32Array(srcSize);
  const w1 = new Float64Array(srcSize);
  const w2 = new Float64Array(srcSize);
  const lastSource = new Int32Array(outSize);
  const firstSource = new Int32Array(outSize + 1).fill(srcSize);
  let integral = true;
  for (let c = srcSize - 1; c >= 0; c -= 1) firstSource[Math.min(outSize - 1, Math.floor((c + EPS) / f))] = c;
  for (let c = 0; c < srcSize; c += 1) {
    const o = Math.min(outSize - 1, Math.floor((c + EPS) / f));
    const end = (o + 1) * f;
    out[c] = o;
    if (c + 1 <= end + EPS || o + 1 >= outSize) {
      w1[c] = 1;
      lastSource[o] = c;
    } else {
      w1[c] = end - c;
      w2[c] = c + 1 - end;
      lastSource[o] = c;
      lastSource[o + 1] = c;
      integral = false;
    }
  }
  return { outSize, out, w1, w2, lastSource, firstSource, integral };
}

/** One decoded tile or strip handed to the averager. */
export interface SourceBlock {
  readonly samples: ArrayLike<number>;
  /** Samples per stored block row (block width x samples per pixel in the block). */
  readonly rowStride: number;
  /** Interleaved samples per pixel in this block (1 for planar blocks). */
  readonly samplesPerPixel: number;
  /** Band of the block's first sample (the band for planar blocks, 0 otherwise). */
  readonly firstBand: number;
  /** Source pixel position and valid size of the block. */
  readonly x0: number;
  readonly y0: number;
  readonly width: number;
  readonly height: number;
}

export interface AverageGrid {
  readonly srcWidth: number;
  readonly srcHeight: number;
  /** Source pixel width and height, CRS units. */
  readonly srcPixel: readonly [number, number];
  /** Output pixel width and height, CRS units (each >= the source's). */
  readonly target: readonly [number, number];
  readonly bands: number;
  readonly dataType: RasterDataType;
  readonly nodata: number | null;
}

const RANGES: Readonly<Partial<Record<RasterDataType, readonly [number, number]>>> = {
  Byte: [0, 255],
  Int8: [-128, 127],
  UInt16: [0, 65535],
  Int16: [-32768, 32767],
  UInt32: [0, 4294967295],
  Int32: [-2147483648, 2147483647],
};

interface Accumulator {
  readonly sum: Float64Array;
  readonly weight: Float64Array;
}

/**
 * Area-weighted block average (what `gdalwarp -r average` does on the same grid), fed block by
 * block in any order within a band of source rows, drained row by row. Nodata and NaN samples
 * carry no weight; an output cell with no valid sample is nodata (NaN for floats without nodata,
 * 0 for integers without nodata). Integer outputs are rounded half up and clamped to the type.
 * Memory: only the output rows the current source rows touch.
 */
export class BlockAverager {
  readonly outWidth: number;
  readonly outHeight: number;
  private readonly cols: AxisWeights;
  private readonly rows: AxisWeights;
  private readonly bands: number;
  private readonly nodata: number;
  private readonly fillValue: number;
  private readonly range: readonly [number, number] | undefined;
  private readonly open = new Map<number, Accumulator>();
  private nextRow = 0;

  constructor(grid: AverageGrid) {
    this.cols = axisWeights(grid.srcWidth, grid.srcPixel[0], grid.target[0]);
    this.rows = axisWeights(grid.srcHeight, grid.srcPixel[1], grid.target[1]);
    this.outWidth = this.cols.outSize;
    this.outHeight = this.rows.outSize;
    this.bands = grid.bands;
    const nd = grid.nodata;
    this.nodata = nd === null ? Number.NaN : grid.dataType === 'Float32' ? Math.fround(nd) : nd;
    this.range = RANGES[grid.dataType];
    this.fillValue = nd ?? (this.range === undefined ? Number.NaN : 0);
  }

  add(block: SourceBlock): void {
    const { out, w1, w2 } = this.rows;
    for (let j = 0; j < block.height; j += 1) {
      const sy = block.y0 + j;
      const oy = out[sy] ?? 0;
      const start = j * block.rowStride;
      this.accumulate(block, start, this.accumulator(oy), w1[sy] ?? 0);
      const second = w2[sy] ?? 0;
      if (second > 0) this.accumulate(block, start, this.accumulator(oy + 1), second);
    }
  }

  /**
   * Finished output rows once every source row above `srcRowsDone` was added: each row is
   * `outWidth x bands` interleaved values, already rounded/clamped and nodata-filled.
   */
  takeRows(srcRowsDone: number): { row: number; values: Float64Array }[] {
    const done: { row: number; values: Float64Array }[] = [];
    while (this.nextRow < this.outHeight && (this.rows.lastSource[this.nextRow] ?? 0) < srcRowsDone) {
      done.push({ row: this.nextRow, values: this.finish(this.nextRow) });
      this.nextRow += 1;
    }
    return done;
  }

  private finish(row: number): Float64Array {
    const acc = this.open.get(row);
    this.open.delete(row);
    const values = new Float64Array(this.outWidth * this.bands).fill(this.fillValue);
    if (acc === undefined) return values;
    const range = this.range;
    for (let i = 0; i < values.length; i += 1) {
      const w = acc.weight[i] ?? 0;
      if (w <= 0) continue;
      const mean = (acc.sum[i] ?? 0) / w;
      values[i] = range === undefined ? mean : Math.min(range[1], Math.max(range[0], Math.round(mean)));
    }
    return values;
  }

  private accumulator(row: number): Accumulator {
    let acc = this.open.get(row);
    if (acc === undefined) {
      const n = this.outWidth * this.bands;
      acc = { sum: new Float64Array(n), weight: new Float64Array(n) };
      this.open.set(row, acc);
    }
    return acc;
  }

  private accumulate(block: SourceBlock, start: number, acc: Accumulator, wy: number): void {
    if (this.cols.integral) this.accumulateRuns(block, start, acc, wy);
    else this.accumulateWeighted(block, start, acc, wy);
  }

  /** Integer factor: sum each run of source cells per output cell, then add once (the hot path). */
  private accumulateRuns(block: SourceBlock, start: number, acc: Accumulator, wy: number): void {
    const { out, firstSource } = this.cols;
    const { samples, samplesPerPixel: spp, firstBand, x0, width } = block;
    const nd = this.nodata;
    const xEnd = x0 + width;
    let x = x0;
    while (x < xEnd) {
      const o = out[x] ?? 0;
      const runEnd = Math.min(xEnd, firstSource[o + 1] ?? xEnd);
      for (let k = 0; k < spp; k += 1) {
        let s = 0;
        let n = 0;
        const end = start + (runEnd - x0) * spp;
        for (let p = start + (x - x0) * spp + k; p < end; p += spp) {
          const v = samples[p] ?? Number.NaN;
          if (v !== nd && v === v) {
            s += v;
            n += 1;
          }
        }
        if (n > 0) {
          const at = o * this.bands + firstBand + k;
          acc.sum[at] = (acc.sum[at] ?? 0) + s * wy;
          acc.weight[at] = (acc.weight[at] ?? 0) + n * wy;
        }
      }
      x = runEnd;
    }
  }

  private accumulateWeighted(block: SourceBlock, start: number, acc: Accumulator, wy: number): void {
    const { out, w1, w2 } = this.cols;
    const { samples, samplesPerPixel: spp, firstBand, x0, width } = block;
    const bands = this.bands;
    const nd = this.nodata;
    const sum = acc.sum;
    const weight = acc.weight;
    for (let i = 0; i < width; i += 1) {
      const sx = x0 + i;
      const o = (out[sx] ?? 0) * bands + firstBand;
      const a = (w1[sx] ?? 0) * wy;
      const b = (w2[sx] ?? 0) * wy;
      let p = start + i * spp;
      for (let k = 0; k < spp; k += 1, p += 1) {
        const v = samples[p] ?? Number.NaN;
        if (v !== nd && v === v) {
          sum[o + k] = (sum[o + k] ?? 0) + v * a;
          weight[o + k] = (weight[o + k] ?? 0) + a;
          if (b !== 0) {
            sum[o + k + bands] = (sum[o + k + bands] ?? 0) + v * b;
            weight[o + k + bands] = (weight[o + k + bands] ?? 0) + b;
          }
        }
      }
    }
  }
}
