/** What the SQLite header says about pages that hold no live data but may hold deleted rows. */
export type SqliteFreePages =
  | { readonly ok: true; readonly pageSize: number; readonly freePages: number; readonly firstTrunk: number }
  | { readonly ok: false; readonly problem: 'sqliteHeader' };

const MAGIC = 'SQLite format 3\u0000';

/** Reads the 100-byte database header: page size (offset 16), freelist trunk (32) and count (36). */
export function sqliteFreePages(header: Uint8Array): SqliteFreePages {
  if (header.length < 100) return { ok: false, problem: 'sqliteHeader' };
  for (let i = 0; i < MAGIC.length; i++) {
    if (header[i] !== MAGIC.charCodeAt(i)) return { ok: false, problem: 'sqliteHeader' };
  }
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const raw = view.getUint16(16, false);
  const pageSize = raw === 1 ? 65536 : raw;
  return { ok: true, pageSize, firstTrunk: view.getUint32(32, false), freePages: view.getUint32(36, false) };
}
