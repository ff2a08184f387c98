/** The fields of a SQLite file's 100-byte database header that its readers and the scanner use. */
export interface SqliteHeader {
  readonly pageSize: number;
  /** Page number of the first freelist trunk page (offset 32); 0 when the freelist is empty. */
  readonly freelistTrunk: number;
  /** Total free pages (offset 36). */
  readonly freePages: number;
}

const MAGIC = 'SQLite format 3\0';

/** Whether the head starts with SQLite's magic string and holds the whole header. */
export function isSqlite(head: Uint8Array): boolean {
  if (head.length < 100) return false;
  for (let i = 0; i < MAGIC.length; i++) if (head[i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

/** Page size (offset 16, 1 meaning 65536), freelist trunk and count; null when the page size is invalid. */
export function sqliteHeader(head: Uint8Array): SqliteHeader | null {
  if (head.length < 100) return null;
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const raw = v.getUint16(16, false);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return null;
  return { pageSize, freelistTrunk: v.getUint32(32, false), freePages: v.getUint32(36, false) };
}
