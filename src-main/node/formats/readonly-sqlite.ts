import { pathToFileURL } from 'node:url';
import sqlite3 from 'sqlite3';
import { corrupt } from '../../core/formats/format-error.js';
import type { ReadonlySql, SqlRow } from '../../core/ports/index.js';

/** SQLite's result code of an error (e.g. 'SQLITE_NOTADB'), a structural word, never content. */
const codeOf = (err: unknown): string => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_[A-Z_]+$/.test(code) ? code : 'SQLITE_ERROR';
};

const query = (db: sqlite3.Database, sql: string, params: readonly (string | number)[]): Promise<SqlRow[]> =>
  new Promise((resolve, reject) => {
    db.all<SqlRow>(sql, params, (err, rows) => {
      if (err) reject(corrupt('sqliteQuery', { code: codeOf(err) }));
      else resolve(rows);
    });
  });

/**
 * Opens `file` as an untrusted read-only database: read-only and immutable (no journal, no lock,
 * no write of any kind, even of a -wal beside it), query-only, schema SQL untrusted (so functions
 * a view or trigger names cannot run with side effects), extensions never loaded (node-sqlite3
 * only loads one on an explicit call, which nothing makes). Every failure is the FormatError
 * `sqliteNotDatabase` (cannot open, not SQLite, encrypted) or `sqliteQuery` (damaged, truncated),
 * with SQLite's result code.
 */
export async function openReadonlySqlite(file: string): Promise<ReadonlySql> {
  const uri = `${pathToFileURL(file).href}?immutable=1`;
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(uri, sqlite3.OPEN_READONLY | sqlite3.OPEN_URI, (err) => {
      if (err) reject(corrupt('sqliteNotDatabase', { code: codeOf(err) }));
      else resolve(opened);
    });
  });
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      db.close(() => {
        resolve();
      });
    });
  try {
    await query(db, 'PRAGMA query_only = 1', []);
    await query(db, 'PRAGMA trusted_schema = OFF', []);
    // The first read of the schema is where SQLite finds that a file is not a database.
    await query(db, 'SELECT count(*) AS n FROM sqlite_master', []);
  } catch (err) {
    await close();
    // SQLITE_NOTADB is "not a database at all"; anything else (SQLITE_CORRUPT …) a damaged one.
    const code = (err as { params?: { code?: unknown } }).params?.code;
    if (code === 'SQLITE_NOTADB') throw corrupt('sqliteNotDatabase', { code });
    throw err;
  }
  return { all: (sql, params = []) => query(db, sql, params), close };
}
