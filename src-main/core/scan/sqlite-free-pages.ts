import { isSqlite, sqliteHeader } from '../formats/geopackage/sqlite-header.js';

/** What the SQLite header says about pages that hold no live data but may hold deleted rows. */
export type SqliteFreePages =
  | { readonly ok: true; readonly pageSize: number; readonly freePages: number; readonly firstTrunk: number }
  | { readonly ok: false; readonly problem: 'sqliteHeader' };

/** Reads the 100-byte database header; a file that is not SQLite is a refusal. */
export function sqliteFreePages(header: Uint8Array): SqliteFreePages {
  const h = isSqlite(header) ? sqliteHeader(header) : null;
  if (h === null) return { ok: false, problem: 'sqliteHeader' };
  return { ok: true, pageSize: h.pageSize, freePages: h.freePages, firstTrunk: h.freelistTrunk };
}
