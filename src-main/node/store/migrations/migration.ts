import type { SqliteConnection } from '../sqlite.js';

/**
 * One schema step. `sql` and then `backfill` run inside a single transaction that also sets
 * `user_version = version`; a failure leaves the database at the previous version.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** Data work SQL alone cannot do (e.g. text that must be pre-split in JS). */
  readonly backfill?: (conn: SqliteConnection) => Promise<void>;
}
