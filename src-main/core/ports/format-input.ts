import type { ByteSource } from './byte-source.js';

/** A value of a column as a read-only SQL reader returns it (BLOBs as bytes). */
export type SqlCell = string | number | bigint | Uint8Array | null;
export type SqlRow = Readonly<Record<string, SqlCell>>;

/**
 * A file opened as a read-only SQLite database (GeoPackage). The host opens it immutable and
 * query-only, with untrusted schema SQL off and no extensions; the module still reads only real
 * tables it has checked in sqlite_master, never views or triggers' targets.
 */
export interface ReadonlySql {
  /** Every row of one statement with `?` parameters. */
  all(sql: string, params?: readonly (string | number)[]): Promise<SqlRow[]>;
  close(): Promise<void>;
}

/**
 * One file of a deposit as a format module sees it: random access (`read`), the whole file within
 * a budget, a pull reader for streaming parsers, and the sidecars beside it. The host implements
 * it over the file system; every file a module reaches through it joins the dataset's file set, so
 * what is stored is exactly what was read.
 */
export interface FormatInput extends ByteSource {
  /**
   * The whole file; refused as too large, naming `part` (e.g. '.dbf', 'GeoJSON'), over `budget`
   * bytes, checked before any byte is read.
   */
  readAll(budget: number, part: string): Promise<Uint8Array>;
  /**
   * A reader of successive chunks of at most `chunkBytes` from the start, an empty one at the end;
   * refused like `readAll` over `budget`. The reader is synchronous because the streaming parsers
   * pull (they run in a parse worker, off every serving loop).
   */
  pullChunks(chunkBytes: number, budget: number, part: string): Promise<() => Uint8Array>;
  /**
   * The file beside this one with the same stem and extension `ext` (no leading dot; it may hold
   * dots, as 'tif.aux.xml' for `a.tif.aux.xml`), matched without regard to case or Unicode
   * normalisation; the exact-case one wins when both exist. Null if none.
   */
  sibling(ext: string): Promise<FormatInput | null>;
  /**
   * This file as a read-only SQLite database; a file SQLite cannot open is a CORRUPT_FILE
   * StrataError. The module closes it.
   */
  openSqlite(): Promise<ReadonlySql>;
}
