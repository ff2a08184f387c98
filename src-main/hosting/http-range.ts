/** A byte range of a file, both ends inclusive, in bytes from the start of the file. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

// 15 digits stay below Number.MAX_SAFE_INTEGER, so the arithmetic below is exact.
const RANGE_SPEC = /^(\d{1,15})?-(\d{1,15})?$/;

/**
 * Reads an HTTP `Range` header (RFC 9110 §14.2) for a file of `size` bytes.
 *
 * Returns `null` when the header should be ignored and the whole file served with 200: absent,
 * blank, not `unit=...`, a unit other than `bytes`, or several ranges (multipart responses are not produced;
 * geotiff.js and OpenLayers ask for one range at a time). Returns `'unsatisfiable'` (answer 416)
 * for a malformed `bytes=` value, a first position past the end, a reversed range, or a zero-length
 * suffix. Otherwise the range clamped to the file.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (header === undefined) return null;
  const value = header.trim();
  if (value === '') return null;
  const eq = value.indexOf('=');
  if (eq < 0) return null;
  if (value.slice(0, eq).trim().toLowerCase() !== 'bytes') return null;
  const spec = value.slice(eq + 1).trim();
  if (spec.includes(',')) return null;
  const match = RANGE_SPEC.exec(spec);
  if (!match) return 'unsatisfiable';
  const [, first, last] = match;
  if (first === undefined) {
    if (last === undefined) return 'unsatisfiable';
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  if (last === undefined) return { start, end: size - 1 };
  const end = Number(last);
  if (end < start) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}

/** `Content-Range` value of a 206 answer. */
export const contentRange = (range: ByteRange, size: number): string =>
  `bytes ${String(range.start)}-${String(range.end)}/${String(size)}`;

/** `Content-Range` value of a 416 answer. */
export const unsatisfiedRange = (size: number): string => `bytes */${String(size)}`;
