import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { StrataError } from '../../api/errors.js';
import { syncDirectory, syncFile } from '../fs/durable-fs.js';
import { SqliteConnection } from './sqlite.js';

/**
 * Online backup of the catalogue into `destFile`: SQLite's backup API copies a consistent
 * snapshot from the read connection into a temp file next to `destFile`, which is fsynced,
 * checked with `integrity_check`, switched to a self-contained rollback journal, and only then
 * renamed into place.
 */
export async function backupCatalogue(
  db: { readonly reader: SqliteConnection },
  destFile: string,
): Promise<void> {
  const dest = path.resolve(destFile);
  const tmp = `${dest}.${String(process.pid)}.tmp`;
  await rm(tmp, { force: true });
  try {
    await db.reader.backupTo(tmp);
    const copy = await SqliteConnection.open(tmp, { create: false });
    try {
      // A WAL-mode copy would need its -wal/-shm siblings; a backup must be one file.
      await copy.get('PRAGMA journal_mode = DELETE');
      const rows = await copy.all<{ integrity_check: string }>('PRAGMA integrity_check');
      if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') {
        throw new StrataError('CORRUPT_FILE', {
          file: path.basename(dest),
          problem: 'problem.backupIntegrity',
        });
      }
    } finally {
      await copy.close();
    }
    await syncFile(tmp);
    await rename(tmp, dest);
    await syncDirectory(path.dirname(dest));
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
