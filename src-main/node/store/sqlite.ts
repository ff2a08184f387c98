import sqlite3 from 'sqlite3';

/** A bound parameter as node-sqlite3 accepts it. */
export type SqlValue = string | number | bigint | null | Buffer;
export type SqlParams = readonly SqlValue[];

/** The backup handle node-sqlite3 returns; its typings omit it. */
interface NativeBackup {
  step(pages: number, cb: (err: Error | null) => void): void;
  finish(cb: (err: Error | null) => void): void;
  readonly completed: boolean;
  readonly failed: boolean;
}
type BackupCapable = sqlite3.Database & {
  backup(file: string, cb: (err: Error | null) => void): NativeBackup;
};

/**
 * The only place that touches node-sqlite3's callback API: one connection, promise methods.
 * Statements on one connection run in submission order, but a transaction belongs to the
 * connection, not to the caller — serialising transactions is the caller's job (see write-queue).
 */
export class SqliteConnection {
  private constructor(private readonly db: BackupCapable) {}

  /**
   * `serialized` makes the connection execute statements strictly in submission order (what a
   * write connection needs: nothing may slip past a COMMIT).
   */
  static open(
    file: string,
    opts: { readonly readOnly?: boolean; readonly create?: boolean; readonly serialized?: boolean } = {},
  ): Promise<SqliteConnection> {
    const mode =
      opts.readOnly === true
        ? sqlite3.OPEN_READONLY
        : sqlite3.OPEN_READWRITE | (opts.create === false ? 0 : sqlite3.OPEN_CREATE);
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, mode, (err) => {
        if (err) {
          reject(err);
          return;
        }
        if (opts.serialized === true) db.serialize();
        resolve(new SqliteConnection(db as BackupCapable));
      });
    });
  }

  run(sql: string, params: SqlParams = []): Promise<{ changes: number; lastID: number }> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, function (err) {
        if (err) reject(err);
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
  }

  get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.db.get<T>(sql, params, (err, row) => {
        if (err) reject(err);
        else resolve(row);
      });
    });
  }

  all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.db.all<T>(sql, params, (err, rows) => {
        if (err) reject(err);
        else resolve(rows);
      });
    });
  }

  /** Runs several `;`-separated statements without parameters (schema scripts, BEGIN/COMMIT). */
  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.exec(sql, (err) => {
        if (err) reject(err);
        else resolve();
      });
    });
  }

  /**
   * ROLLBACK that tolerates "no transaction is active": SQLite rolls back by itself after some
   * errors (SQLITE_FULL, SQLITE_IOERR …), and the caller's original error is what matters.
   */
  async rollbackQuietly(): Promise<void> {
    try {
      await this.exec('ROLLBACK');
    } catch {
      // already rolled back by SQLite
    }
  }

  configureBusyTimeout(ms: number): void {
    this.db.configure('busyTimeout', ms);
  }

  /**
   * Copies the whole database into `destFile` with SQLite's online backup API. Busy steps are
   * retried (node-sqlite3 keeps the backup open on SQLITE_BUSY/LOCKED).
   */
  async backupTo(destFile: string): Promise<void> {
    const backup = await new Promise<NativeBackup>((resolve, reject) => {
      const handle: NativeBackup = this.db.backup(destFile, (err) => {
        if (err) reject(err);
        else resolve(handle);
      });
    });
    let completed = false;
    let failure: unknown = null;
    for (let attempt = 0; !completed && attempt < 50; attempt += 1) {
      try {
        await new Promise<void>((resolve, reject) => {
          backup.step(-1, (err) => {
            if (err) reject(err);
            else resolve();
          });
        });
        completed = backup.completed;
      } catch (err) {
        failure = err;
        if (backup.failed) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    await new Promise<void>((resolve, reject) => {
      backup.finish((err) => {
        if (err) reject(err);
        else resolve();
      });
    });
    if (!completed) throw failure instanceof Error ? failure : new Error('backup did not complete');
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.close((err) => {
        if (err) reject(err);
        else resolve();
      });
    });
  }
}
