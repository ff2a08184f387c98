import { describe, expect, it } from 'vitest';
import {
  BlockAverager,
  axisWeights,
  outputSize,
  type AverageGrid,
} from '../../../../src-main/core/release/raster-block-average.js';

/** Feeds a whole raster as one block and returns the output grid. */
function average(grid: AverageGrid, data: ArrayLike<number>): number[][] {
  const avg = new BlockAverager(grid);
  avg.add({
    samples: data,
    rowStride: grid.srcWidth * grid.bands,
    samplesPerPixel: grid.bands,
    firstBand: 0,
    x0: 0,
    y0: 0,
    width: grid.srcWidth,
    height: grid.srcHeight,
  });
  return avg.takeRows(grid.srcHeight).map((r) => Array.from(r.values));
}

/** Reference: exact area overlap of every source cell with every output cell (slow, obvious). */
function reference(w: number, h: number, f: number, data: number[], nodata: number): number[][] {
  const ow = outputSize(w, 1, f);
  const oh = outputSize(h, 1, f);
  const overlap = (a0: number, a1: number, b0: number, b1: number): number =>
    Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
  const out: number[][] = [];
  for (let oy = 0; oy < oh; oy += 1) {
    const row: number[] = [];
    for (let ox = 0; ox < ow; ox += 1) {
      let s = 0;
      let wt = 0;
      for (let y = 0; y < h; y += 1) {
        for (let x = 0; x < w; x += 1) {
          const v = data[y * w + x] ?? nodata;
          const a = overlap(x, x + 1, ox * f, (ox + 1) * f) * overlap(y, y + 1, oy * f, (oy + 1) * f);
          if (a > 0 && v !== nodata) {
            s += v * a;
            wt += a;
          }
        }
      }
      row.push(wt > 0 ? s / wt : nodata);
    }
    out.push(row);
  }
  return out;
}

const grid = (w: number, h: number, f: number, over: Partial<AverageGrid> = {}): AverageGrid => ({
  srcWidth: w,
  srcHeight: h,
  srcPixel: [5, 5],
  target: [5 * f, 5 * f],
  bands: 1,
  dataType: 'Float64',
  nodata: -9999,
  ...over,
});

describe('axisWeights', () => {
  it('integer factor: every source cell wholly in one output cell, ceil for the partial last cell', () => {
    const a = axisWeights(10, 5, 20);
    expect(a.outSize).toBe(3);
    expect(Array.from(a.out)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2]);
    expect(a.integral).toBe(true);
    expect(Array.from(a.lastSource)).toEqual([3, 7, 9]);
  });

  it('fractional factor splits the straddling cell by area', () => {
    const a = axisWeights(6, 1, 1.5);
    expect(a.outSize).toBe(4);
    expect(Array.from(a.w1)).toEqual([1, 0.5, 1, 1, 0.5, 1]);
    expect(Array.from(a.w2)).toEqual([0, 0.5, 0, 0, 0.5, 0]);
    expect(a.integral).toBe(false);
  });

  it('refuses upsampling', () => {
    expect(() => axisWeights(10, 5, 2)).toThrow(RangeError);
  });

  it('matches the exact extent of 1200 x 5 m at 100 m and 600 x 1/1200° at 0.001°', () => {
    expect(outputSize(1200, 5, 100)).toBe(60);
    expect(outputSize(600, 1 / 1200, 0.001)).toBe(500);
  });
});

describe('BlockAverager', () => {
  it('averages 2x2 blocks ignoring nodata; all-nodata blocks stay nodata', () => {
    const nd = -9999;
    const data = [1, 2, nd, nd, 3, 4, nd, nd, 10, nd, 7, 7, nd, nd, 7, 9];
    expect(average(grid(4, 4, 2), data)).toEqual([
      [2.5, nd],
      [10, 7.5],
    ]);
  });

  it('equals the exact area-overlap reference for non-integer factors', () => {
    const w = 11;
    const h = 7;
    const data = Array.from({ length: w * h }, (_, i) => (i % 5 === 0 ? -9999 : Math.sin(i) * 100));
    for (const f of [1, 1.2, 1.5, 2.5, 3, 4.4]) {
      const ours = average(grid(w, h, f), data);
      const ref = reference(w, h, f, data, -9999);
      expect(ours.length).toBe(ref.length);
      ours.forEach((row, y) => {
        row.forEach((v, x) => {
          expect(v).toBeCloseTo(ref[y]?.[x] ?? Number.NaN, 9);
        });
      });
    }
  });

  it('rounds integer outputs half up and clamps to the type', () => {
    expect(average(grid(2, 1, 2, { dataType: 'Int16', nodata: null }), [1, 2])).toEqual([[2]]);
    expect(average(grid(2, 1, 2, { dataType: 'Int16', nodata: null }), [-1, -2])).toEqual([[-1]]);
    expect(average(grid(2, 1, 2, { dataType: 'Byte', nodata: null }), [255, 254])).toEqual([[255]]);
  });

  it('treats NaN as missing and fills NaN for floats without nodata', () => {
    expect(average(grid(4, 1, 2, { nodata: null }), [Number.NaN, 4, Number.NaN, Number.NaN])).toEqual([
      [4, Number.NaN],
    ]);
  });

  it('compares float32 nodata at float32 precision', () => {
    const nd = -3.4e38;
    const data = Float32Array.from([nd, 2, 4, nd]);
    expect(average(grid(2, 2, 2, { dataType: 'Float32', nodata: nd }), data)).toEqual([[3]]);
  });

  it('averages interleaved bands separately', () => {
    const data = [10, 100, 20, 200, 30, 0, 40, 0];
    expect(average(grid(2, 2, 2, { bands: 2, dataType: 'Byte', nodata: 0 }), data)).toEqual([[25, 150]]);
  });

  it('gives the same result fed as tiles in any order within a tile row, rows drained as they finish', () => {
    const w = 9;
    const h = 9;
    const data = Array.from({ length: w * h }, (_, i) => i * 1.5);
    const whole = average(grid(w, h, 3), data);
    const avg = new BlockAverager(grid(w, h, 3));
    const rows: number[][] = [];
    for (const ty of [0, 1, 2]) {
      for (const tx of [2, 0, 1]) {
        const tile = new Float64Array(9);
        for (let y = 0; y < 3; y += 1)
          for (let x = 0; x < 3; x += 1) tile[y * 3 + x] = data[(ty * 3 + y) * w + tx * 3 + x] ?? 0;
        avg.add({
          samples: tile,
          rowStride: 3,
          samplesPerPixel: 1,
          firstBand: 0,
          x0: tx * 3,
          y0: ty * 3,
          width: 3,
          height: 3,
        });
      }
      const done = avg.takeRows((ty + 1) * 3);
      expect(done.map((r) => r.row)).toEqual([ty]);
      rows.push(...done.map((r) => Array.from(r.values)));
    }
    expect(rows).toEqual(whole);
  });
});
