import type { RasterDataType } from '../../model/index.js';

/** A block of pixel samples in the JS typed array matching its RasterDataType. */
export type SampleArray =
  Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

const CTORS = {
  Byte: Uint8Array,
  Int8: Int8Array,
  UInt16: Uint16Array,
  Int16: Int16Array,
  UInt32: Uint32Array,
  Int32: Int32Array,
  Float32: Float32Array,
  Float64: Float64Array,
} as const;

export const BYTES_PER_SAMPLE: Readonly<Record<RasterDataType, number>> = {
  Byte: 1,
  Int8: 1,
  UInt16: 2,
  Int16: 2,
  UInt32: 4,
  Int32: 4,
  Float32: 4,
  Float64: 8,
};

/** True on the little-endian hosts this code runs on; byte-level code assumes it. */
export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function allocSamples(type: RasterDataType, length: number): SampleArray {
  return new CTORS[type](length);
}

/**
 * Views (or copies, when unaligned or byte-swapped) raw sample bytes as a typed array.
 * `littleEndian` is the byte order of `bytes`; only `count` samples are taken.
 */
export function samplesFromBytes(
  bytes: Uint8Array,
  type: RasterDataType,
  littleEndian: boolean,
  count: number,
): SampleArray {
  const size = BYTES_PER_SAMPLE[type];
  let src = bytes.subarray(0, count * size);
  if (size > 1 && littleEndian !== HOST_LITTLE_ENDIAN) src = swapped(src, size);
  else if (src.byteOffset % size !== 0) src = src.slice();
  return new CTORS[type](src.buffer as ArrayBuffer, src.byteOffset, count);
}

/** Bytes of a typed array in host (little-endian) order, without copying. */
export const bytesOf = (samples: SampleArray): Uint8Array =>
  new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);

function swapped(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += size) {
    for (let k = 0; k < size; k += 1) out[i + k] = bytes[i + size - 1 - k] ?? 0;
  }
  return out;
}
