import type { ByteSource } from '../../ports/index.js';
import { corrupt, tooLarge, unsupported } from '../format-error.js';
import { LOADED_TAGS, TYPE_SIZE } from './tiff-tags.js';

/** A loaded tag value: numbers for numeric types (RATIONAL as a quotient), text for ASCII. */
export type TagValue = readonly number[] | string;

/** Where one entry's value lies in the file (inline values lie inside the directory). */
export interface IfdEntry {
  readonly tag: number;
  readonly type: number;
  /** Absolute byte offset of the value. */
  readonly valueAt: number;
  readonly byteLength: number;
}

/** One image file directory: only the tags in LOADED_TAGS are loaded; every entry is listed. */
export interface Ifd {
  /** Byte offset of the directory in the file. */
  readonly offset: number;
  /** Bytes of the directory itself: count, entries and next-IFD offset. */
  readonly byteLength: number;
  readonly tags: ReadonlyMap<number, TagValue>;
  /** Every entry in file order (the first of a repeated tag is the one loaded), valid types only. */
  readonly entries: readonly IfdEntry[];
}

export interface TiffDirectory {
  readonly littleEndian: boolean;
  readonly bigTiff: boolean;
  readonly fileSize: number;
  readonly ifds: readonly Ifd[];
}

/** Hostile-file budgets for the directory walk. */
export const IFD_LIMITS = {
  /** Directories in the main chain (full resolution + overviews + masks). */
  maxIfds: 64,
  maxEntriesPerIfd: 1024,
  /** Bytes of one loaded tag value (1M tiles x 8-byte offsets = 8 MiB). */
  maxValueBytes: 16 * 1024 * 1024,
} as const;

/**
 * Reads the TIFF header and walks the main IFD chain with a visited set, checking every offset
 * against the file size before reading. SubIFDs are not followed. Throws FormatError.
 */
export async function readTiffDirectory(source: ByteSource): Promise<TiffDirectory> {
  const size = source.size;
  if (size < 8) throw corrupt('tiffHeaderShort');
  const head = await readChecked(source, 0, Math.min(16, size));
  const order = String.fromCharCode(head[0] ?? 0, head[1] ?? 0);
  if (order !== 'II' && order !== 'MM') throw unsupported('notTiff');
  const le = order === 'II';
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const magic = view.getUint16(2, le);
  let bigTiff: boolean;
  let first: number;
  if (magic === 42) {
    bigTiff = false;
    first = view.getUint32(4, le);
  } else if (magic === 43) {
    if (size < 16 || view.getUint16(4, le) !== 8 || view.getUint16(6, le) !== 0)
      throw corrupt('bigTiffHeader');
    bigTiff = true;
    first = safeU64(view, 8, le);
  } else {
    throw unsupported('notTiff');
  }
  const ifds: Ifd[] = [];
  const visited = new Set<number>();
  let next = first;
  while (next !== 0) {
    if (visited.has(next)) throw corrupt('ifdLoop');
    if (ifds.length >= IFD_LIMITS.maxIfds) throw tooLarge('ifdCount');
    visited.add(next);
    const { ifd, nextOffset } = await readIfd(source, next, le, bigTiff);
    ifds.push(ifd);
    next = nextOffset;
  }
  if (ifds.length === 0) throw corrupt('noIfd');
  return { littleEndian: le, bigTiff, fileSize: size, ifds };
}

async function readIfd(
  source: ByteSource,
  offset: number,
  le: boolean,
  big: boolean,
): Promise<{ ifd: Ifd; nextOffset: number }> {
  const countSize = big ? 8 : 2;
  const entrySize = big ? 20 : 12;
  const countBytes = await readChecked(source, offset, countSize);
  const cv = new DataView(countBytes.buffer, countBytes.byteOffset, countSize);
  const count = big ? safeU64(cv, 0, le) : cv.getUint16(0, le);
  if (count === 0) throw corrupt('ifdEmpty');
  if (count > IFD_LIMITS.maxEntriesPerIfd) throw corrupt('ifdEntries');
  const bodyLength = count * entrySize + (big ? 8 : 4);
  const body = await readChecked(source, offset + countSize, bodyLength);
  const bv = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const tags = new Map<number, TagValue>();
  const entries: IfdEntry[] = [];
  const inline = big ? 8 : 4;
  for (let i = 0; i < count; i += 1) {
    const at = i * entrySize;
    const tag = bv.getUint16(at, le);
    const type = bv.getUint16(at + 2, le);
    const typeSize = TYPE_SIZE[type];
    const loaded = LOADED_TAGS.has(tag) && !tags.has(tag);
    if (typeSize === undefined) {
      if (loaded) throw corrupt('tagType', { tag, type });
      continue;
    }
    // A tag not loaded is only listed, never refused: an absurd count or offset leaves it out.
    const n = big ? u64OrNaN(bv, at + 4, le) : bv.getUint32(at + 4, le);
    const byteLength = n * typeSize;
    const valueAt =
      byteLength <= inline
        ? offset + countSize + at + (big ? 12 : 8)
        : big
          ? u64OrNaN(bv, at + 12, le)
          : bv.getUint32(at + 8, le);
    if (Number.isFinite(valueAt + byteLength)) entries.push({ tag, type, valueAt, byteLength });
    if (!loaded) continue;
    if (Number.isNaN(n) || Number.isNaN(valueAt)) throw corrupt('offset64Range');
    if (n === 0) throw corrupt('tagNoValue', { tag });
    if (byteLength > IFD_LIMITS.maxValueBytes) throw tooLarge('tagValueLength', { tag });
    const bytes =
      byteLength <= inline
        ? body.subarray(at + (big ? 12 : 8), at + (big ? 12 : 8) + byteLength)
        : await readChecked(source, valueAt, byteLength);
    tags.set(tag, decodeValues(bytes, type, n, le));
  }
  const nextOffset = big ? safeU64(bv, count * entrySize, le) : bv.getUint32(count * entrySize, le);
  return { ifd: { offset, byteLength: countSize + bodyLength, tags, entries }, nextOffset };
}

function decodeValues(bytes: Uint8Array, type: number, n: number, le: boolean): TagValue {
  if (type === 2) {
    let text = '';
    for (const b of bytes) {
      if (b === 0) break;
      text += String.fromCharCode(b);
    }
    return text;
  }
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i += 1) out[i] = readOne(v, type, i, le);
  return out;
}

function readOne(v: DataView, type: number, i: number, le: boolean): number {
  switch (type) {
    case 1:
    case 7:
      return v.getUint8(i);
    case 6:
      return v.getInt8(i);
    case 3:
      return v.getUint16(i * 2, le);
    case 8:
      return v.getInt16(i * 2, le);
    case 4:
    case 13:
      return v.getUint32(i * 4, le);
    case 9:
      return v.getInt32(i * 4, le);
    case 5:
      return v.getUint32(i * 8, le) / v.getUint32(i * 8 + 4, le);
    case 10:
      return v.getInt32(i * 8, le) / v.getInt32(i * 8 + 4, le);
    case 11:
      return v.getFloat32(i * 4, le);
    case 12:
      return v.getFloat64(i * 8, le);
    case 16:
    case 18:
      return safeU64(v, i * 8, le);
    default: {
      const big = v.getBigInt64(i * 8, le);
      if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER))
        throw corrupt('value64Range');
      return Number(big);
    }
  }
}

function u64OrNaN(v: DataView, at: number, le: boolean): number {
  const big = v.getBigUint64(at, le);
  return big > BigInt(Number.MAX_SAFE_INTEGER) ? NaN : Number(big);
}

function safeU64(v: DataView, at: number, le: boolean): number {
  const big = v.getBigUint64(at, le);
  if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('offset64Range');
  return Number(big);
}

async function readChecked(source: ByteSource, offset: number, length: number): Promise<Uint8Array> {
  if (offset < 0 || length < 0 || offset + length > source.size) throw corrupt('offsetPastEnd');
  const bytes = await source.read(offset, length);
  if (bytes.byteLength !== length) throw corrupt('shortRead');
  return bytes;
}
