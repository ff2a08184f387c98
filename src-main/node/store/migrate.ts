import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.js';
import type { SqliteConnection } from './sqlite.js';

export async function schemaVersion(conn: SqliteConnection): Promise<number> {
  const row = await conn.get<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

/**
 * Applies every migration above the current `user_version`, up to `target` (default: all), each
 * in its own BEGIN IMMEDIATE transaction that also bumps `user_version`. Returns the new version.
 */
export async function migrate(
  conn: SqliteConnection,
  target: number = LATEST_SCHEMA_VERSION,
): Promise<number> {
  let current = await schemaVersion(conn);
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    await conn.exec('BEGIN IMMEDIATE');
    try {
      await conn.exec(m.sql);
      if (m.backfill) await m.backfill(conn);
      await conn.exec(`PRAGMA user_version = ${String(m.version)}`);
      await conn.exec('COMMIT');
    } catch (err) {
      await conn.rollbackQuietly();
      throw err;
    }
    current = m.version;
  }
  return current;
}
