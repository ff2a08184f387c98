import type { SampleArray } from './samples.js';

/**
 * Undoes Predictor 2 (horizontal differencing) in place on native-order samples: each row of
 * `width` pixels x `spp` interleaved samples is a running sum per sample. Integer wrap-around is
 * what the typed array assignment does, matching libtiff.
 */
export function undoHorizontal(samples: SampleArray, width: number, rows: number, spp: number): void {
  const rowLength = width * spp;
  for (let r = 0; r < rows; r += 1) {
    const base = r * rowLength;
    for (let i = base + spp; i < base + rowLength; i += 1)
      samples[i] = (samples[i] ?? 0) + (samples[i - spp] ?? 0);
  }
}

/** Applies Predictor 2 in place (the inverse of undoHorizontal), last pixel first. */
export function applyHorizontal(samples: SampleArray, width: number, rows: number, spp: number): void {
  const rowLength = width * spp;
  for (let r = 0; r < rows; r += 1) {
    const base = r * rowLength;
    for (let i = base + rowLength - 1; i >= base + spp; i -= 1)
      samples[i] = (samples[i] ?? 0) - (samples[i - spp] ?? 0);
  }
}

/**
 * Undoes Predictor 3 (floating point): per row, byte-wise running sum with stride `spp`, then the
 * bytes, stored most significant first across the row, are regrouped per sample. The result is in
 * little-endian (host) order whatever the file's byte order, as in libtiff.
 */
export function undoFloatingPoint(
  bytes: Uint8Array,
  width: number,
  rows: number,
  spp: number,
  bytesPerSample: number,
): Uint8Array {
  const wc = width * spp;
  const rowBytes = wc * bytesPerSample;
  const out = new Uint8Array(rowBytes * rows);
  for (let r = 0; r < rows; r += 1) {
    const row = bytes.subarray(r * rowBytes, (r + 1) * rowBytes);
    for (let i = spp; i < rowBytes; i += 1) row[i] = ((row[i] ?? 0) + (row[i - spp] ?? 0)) & 0xff;
    const base = r * rowBytes;
    for (let count = 0; count < wc; count += 1) {
      for (let b = 0; b < bytesPerSample; b += 1) {
        out[base + count * bytesPerSample + b] = row[(bytesPerSample - b - 1) * wc + count] ?? 0;
      }
    }
  }
  return out;
}

/** Applies Predictor 3 to little-endian sample bytes; returns new bytes (the input is untouched). */
export function applyFloatingPoint(
  bytes: Uint8Array,
  width: number,
  rows: number,
  spp: number,
  bytesPerSample: number,
): Uint8Array {
  const wc = width * spp;
  const rowBytes = wc * bytesPerSample;
  const out = new Uint8Array(rowBytes * rows);
  for (let r = 0; r < rows; r += 1) {
    const base = r * rowBytes;
    for (let count = 0; count < wc; count += 1) {
      for (let b = 0; b < bytesPerSample; b += 1) {
        out[base + (bytesPerSample - b - 1) * wc + count] = bytes[base + count * bytesPerSample + b] ?? 0;
      }
    }
    for (let i = base + rowBytes - 1; i >= base + spp; i -= 1)
      out[i] = ((out[i] ?? 0) - (out[i - spp] ?? 0)) & 0xff;
  }
  return out;
}
