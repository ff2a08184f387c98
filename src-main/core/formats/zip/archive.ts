import { Inflate } from 'fflate';
import iconv from 'iconv-lite';
import { isValidUtf8 } from '../shapefile/encoding.js';
import { corrupt, tooLarge, unsupported, type FormatProblem } from '../format-error.js';

/**
 * Budgets for one archive, checked on the central directory before any entry is inflated
 * (ADR 0145). The ratio applies to entries above `ratioFloorBytes`: small files legitimately
 * compress very well, and their size is bounded by the total anyway.
 */
export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxTotalBytes: number;
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

/** One stored file of an archive, as its central directory lists it. */
export interface ZipEntry {
  /** The entry's path inside the archive, `/`-separated, as UTF-8 (or CP437 when not flagged). */
  readonly name: string;
  readonly method: 0 | 8;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc32: number;
  readonly localOffset: number;
}

export interface ZipArchive {
  readonly bytes: Uint8Array;
  /** File entries (folders left out), in central-directory order. */
  readonly entries: readonly ZipEntry[];
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;

/** True when the bytes begin like a zip archive (a local file header, or an empty archive's end record). */
export const isZipHead = (h: Uint8Array): boolean =>
  h.length >= 4 &&
  h[0] === 0x50 &&
  h[1] === 0x4b &&
  ((h[2] === 3 && h[3] === 4) || (h[2] === 5 && h[3] === 6));

/**
 * Names of the entries whose local headers lie in `head` (detection sees only the first bytes, so
 * the central directory at the end is out of reach): enough to tell a KMZ from a zipped shapefile.
 */
export function localNamesInHead(head: Uint8Array): string[] {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const names: string[] = [];
  let at = 0;
  while (at + 30 <= head.length && view.getUint32(at, true) === LOCAL_SIGNATURE && names.length < 64) {
    const compressed = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    if (at + 30 + nameLength > head.length) break;
    const utf8 = (view.getUint16(at + 6, true) & 0x0800) !== 0;
    names.push(decodeName(head.subarray(at + 30, at + 30 + nameLength), utf8));
    // An entry written with a data descriptor has no size here: its successors are out of reach.
    if ((view.getUint16(at + 6, true) & 0x08) !== 0) break;
    at += 30 + nameLength + extraLength + compressed;
  }
  return names;
}

/**
 * An entry name: UTF-8 when flagged (bit 11) or when the bytes are well-formed UTF-8 (many tools
 * write UTF-8 without the flag), else GBK — what Chinese Windows zip tools write, in place of the
 * specification's CP437, as the .dbf reader resolves unnamed code pages.
 */
function decodeName(bytes: Uint8Array, utf8: boolean): string {
  return iconv.decode(bytes, utf8 || isValidUtf8(bytes) ? 'utf8' : 'gbk');
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

type NameProblem = Extract<FormatProblem, `zipName${string}`>;

/**
 * Why an entry name is refused, or null when it is safe: absolute, drive-lettered, backslashed,
 * `..`, NUL or control characters, Windows reserved names (SECURITY.md). We never write entries
 * to disk, but an archive built to escape a folder is hostile, so it is refused as a whole.
 */
function unsafeName(name: string): NameProblem | null {
  if (name.includes('\\')) return 'zipNameBackslash';
  if (name.startsWith('/')) return 'zipNameAbsolute';
  if (/^[A-Za-z]:/.test(name)) return 'zipNameDrive';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'zipNameControl';
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.some((p) => p === '..')) return 'zipNameParent';
  if (parts.some((p) => p === '' || p === '.')) return 'zipNameEmpty';
  if (parts.some((p) => WINDOWS_RESERVED.test(p))) return 'zipNameReserved';
  return null;
}

/**
 * Reads and checks an archive's central directory: every name safe and unique (case- and
 * NFC-insensitively), no encryption, stored or deflated only, no ZIP64, sizes within the limits.
 * Throws FormatError: corrupt (not an archive, truncated), unsupported (encrypted, method, ZIP64),
 * too-large (entries, total, ratio).
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - EOCD_SEARCH); at -= 1) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw corrupt('zipNoDirectory');
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE) throw unsupported('zip64');
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw unsupported('zip64');
  if (count > limits.maxEntries) throw tooLarge('zipEntries', { count, max: limits.maxEntries });
  if (dirOffset + dirSize > eocd) throw corrupt('zipNoDirectory');
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw corrupt('zipNoDirectory');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc32 = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > eocd) throw corrupt('zipNoDirectory');
    const name = decodeName(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x0800) !== 0);
    at += 46 + nameLength + extraLength + commentLength;
    const problem = unsafeName(name);
    if (problem !== null) throw unsupported(problem, { entry: i + 1 });
    const key = name.normalize('NFC').toLowerCase();
    if (seen.has(key)) throw unsupported('zipDuplicateName', { entry: i + 1 });
    seen.add(key);
    if (name.endsWith('/')) continue;
    if ((flags & 0x0001) !== 0) throw unsupported('zipEncrypted', { entry: i + 1 });
    if (method !== 0 && method !== 8) throw unsupported('zipMethod', { entry: i + 1, method });
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff)
      throw unsupported('zip64');
    if (localOffset + 30 + compressedSize > dirOffset) throw corrupt('zipEntryPastEnd', { entry: i + 1 });
    if (method === 0 && size !== compressedSize) throw corrupt('zipEntryData', { entry: i + 1 });
    total += size;
    if (total > limits.maxTotalBytes) throw tooLarge('zipTotal', { max: limits.maxTotalBytes });
    if (size > limits.ratioFloorBytes && size > Math.max(1, compressedSize) * limits.maxRatio)
      throw tooLarge('zipRatio', { entry: i + 1, max: limits.maxRatio });
    entries.push({ name, method: method === 0 ? 0 : 8, compressedSize, size, crc32, localOffset });
  }
  return { bytes, entries };
}

let crcTable: Uint32Array | null = null;

function crc32Of(data: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of data) crc = (crcTable[(crc ^ b) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Compressed input handed to the inflater per step: bounds what one step can produce (≈ 1032 × this). */
const INFLATE_STEP = 64 * 1024;

/**
 * The entry's bytes. The output is capped at the size the directory declared (checked against
 * the limits by readZip), so a stream that inflates to more is stopped at once, not buffered;
 * the CRC-32 is checked. Throws corrupt for a damaged or mis-declared entry.
 */
export function inflateEntry(archive: ZipArchive, entry: ZipEntry): Uint8Array {
  const { bytes } = archive;
  const index = archive.entries.indexOf(entry) + 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (view.getUint32(at, true) !== LOCAL_SIGNATURE) throw corrupt('zipEntryData', { entry: index });
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt('zipEntryPastEnd', { entry: index });
  const data = bytes.subarray(start, end);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else {
    out = new Uint8Array(entry.size);
    const target = out;
    // Mutated by the inflater's callback: an object, so the checks below read its current state.
    const state = { filled: 0, overflow: false };
    const inflater = new Inflate((chunk) => {
      if (state.filled + chunk.length > target.length) state.overflow = true;
      else target.set(chunk, state.filled);
      state.filled += chunk.length;
    });
    try {
      for (let offset = 0; offset < data.length && !state.overflow; offset += INFLATE_STEP) {
        const last = offset + INFLATE_STEP >= data.length;
        inflater.push(data.subarray(offset, offset + INFLATE_STEP), last);
      }
    } catch {
      throw corrupt('zipEntryData', { entry: index });
    }
    if (state.overflow || state.filled !== entry.size) throw corrupt('zipEntryData', { entry: index });
  }
  if (crc32Of(out) !== entry.crc32) throw corrupt('zipEntryData', { entry: index });
  return out;
}
