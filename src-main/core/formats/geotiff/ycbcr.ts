import type { JpegComponent } from './jpeg-frame.js';

const SCALE = 16;
const HALF = 1 << (SCALE - 1);
const fix = (x: number): number => Math.floor(x * (1 << SCALE) + 0.5);

/** libjpeg's fixed-point YCbCr -> RGB tables (jdcolor.c), so results match GDAL's to the bit. */
const CR_R = new Int32Array(256);
const CB_B = new Int32Array(256);
const CR_G = new Int32Array(256);
const CB_G = new Int32Array(256);
for (let i = 0; i < 256; i += 1) {
  const x = i - 128;
  CR_R[i] = (fix(1.402) * x + HALF) >> SCALE;
  CB_B[i] = (fix(1.772) * x + HALF) >> SCALE;
  CR_G[i] = -fix(0.71414) * x;
  CB_G[i] = -fix(0.34414) * x + HALF;
}

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v);

/**
 * Converts one decoded JPEG frame of Y, Cb, Cr samples (interleaved, `width` x `height`, chroma
 * replicated to full resolution) to RGB in place, the way libjpeg does by default and therefore
 * the way GDAL reads a Photometric=YCbCr JPEG TIFF: chroma subsampled 2x1, 1x2 or 2x2 is first
 * re-interpolated with libjpeg's "fancy" triangle filter (jdsample.c, edges replicated), then
 * converted with libjpeg's fixed-point coefficients. Other sampling layouts keep the replicated
 * chroma.
 */
export function ycbcrToRgb(
  data: Uint8Array,
  width: number,
  height: number,
  components: readonly JpegComponent[],
): void {
  const [y, cb, cr] = components;
  const hs = y !== undefined && cb !== undefined ? y.h / cb.h : 1;
  const vs = y !== undefined && cb !== undefined ? y.v / cb.v : 1;
  const sameChroma = cb !== undefined && cr !== undefined && cb.h === cr.h && cb.v === cr.v;
  const fancy = sameChroma && (hs === 1 || hs === 2) && (vs === 1 || vs === 2) && hs * vs > 1;
  if (fancy) {
    upsampleChroma(data, width, height, hs, vs, 1);
    upsampleChroma(data, width, height, hs, vs, 2);
  }
  for (let p = 0; p < data.length; p += 3) {
    const luma = data[p] ?? 0;
    const b = data[p + 1] ?? 0;
    const r = data[p + 2] ?? 0;
    data[p] = clamp(luma + (CR_R[r] ?? 0));
    data[p + 1] = clamp(luma + (((CB_G[b] ?? 0) + (CR_G[r] ?? 0)) >> SCALE));
    data[p + 2] = clamp(luma + (CB_B[b] ?? 0));
  }
}

/** Replaces replicated chroma channel `k` with libjpeg's h2v1 / h1v2 / h2v2 fancy upsampling. */
function upsampleChroma(
  data: Uint8Array,
  width: number,
  height: number,
  hs: number,
  vs: number,
  k: number,
): void {
  const dw = Math.ceil(width / hs);
  const dh = Math.ceil(height / vs);
  // libjpeg falls back to plain replication for components this narrow.
  if (dw <= 2) return;
  const plane = new Uint8Array(dw * dh);
  for (let r = 0; r < dh; r += 1) {
    for (let c = 0; c < dw; c += 1) plane[r * dw + c] = data[(r * vs * width + c * hs) * 3 + k] ?? 0;
  }
  const at = (r: number, c: number): number => plane[r * dw + c] ?? 0;
  for (let oy = 0; oy < height; oy += 1) {
    const r = vs === 2 ? oy >> 1 : oy;
    const below = (oy & 1) === 1;
    const near = vs === 2 ? Math.min(dh - 1, Math.max(0, below ? r + 1 : r - 1)) : r;
    for (let ox = 0; ox < width; ox += 1) {
      const c = hs === 2 ? ox >> 1 : ox;
      let value: number;
      if (hs === 2 && vs === 2) {
        const right = (ox & 1) === 1;
        const side = Math.min(dw - 1, Math.max(0, right ? c + 1 : c - 1));
        const own = 3 * at(r, c) + at(near, c);
        const other = 3 * at(r, side) + at(near, side);
        value = (3 * own + other + (right ? 7 : 8)) >> 4;
      } else if (hs === 2) {
        const right = (ox & 1) === 1;
        const side = Math.min(dw - 1, Math.max(0, right ? c + 1 : c - 1));
        value = (3 * at(r, c) + at(r, side) + (right ? 2 : 1)) >> 2;
      } else {
        value = (3 * at(r, c) + at(near, c) + (below ? 2 : 1)) >> 2;
      }
      data[(oy * width + ox) * 3 + k] = value;
    }
  }
}
