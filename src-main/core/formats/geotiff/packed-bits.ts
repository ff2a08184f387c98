import type { SampleArray } from './samples.js';

/** Bytes of one stored row of `width` pixels of `samples` samples packed in `bits` bits each. */
export const packedRowBytes = (width: number, samples: number, bits: number): number =>
  Math.ceil((width * samples * bits) / 8);

/**
 * Unpacks samples stored in `bits` bits (1-31, not a multiple of 8) into `out`: TIFF packs them
 * most significant bit first whatever the byte order, each row starting on a byte boundary.
 * Reads `rows` rows of `perRow` samples; `bytes` must hold them (the caller checks its length).
 */
export function unpackBits(
  bytes: Uint8Array,
  perRow: number,
  rows: number,
  bits: number,
  out: SampleArray,
): void {
  const rowBytes = Math.ceil((perRow * bits) / 8);
  let o = 0;
  for (let y = 0; y < rows; y += 1) {
    let bit = y * rowBytes * 8;
    for (let x = 0; x < perRow; x += 1) {
      let value = 0;
      for (let left = bits; left > 0;) {
        const byte = bytes[bit >>> 3] ?? 0;
        const offset = bit & 7;
        const take = Math.min(left, 8 - offset);
        const part = (byte >>> (8 - offset - take)) & ((1 << take) - 1);
        value = value * (1 << take) + part;
        left -= take;
        bit += take;
      }
      out[o] = value;
      o += 1;
    }
  }
}
