import { existsSync } from 'node:fs';
import path from 'node:path';
import { StrataError } from '../../api/errors.js';
import type { ProblemKey } from '../../api/messages.js';
import type { SearchPageRow, SearchQuery } from '../../core/catalogue/search.js';
import type { Standing } from '../../core/catalogue/standing.js';
import type { DatasetId, ReviewId } from '../../core/model/index.js';
import type {
  AuditRow,
  CatalogueStore,
  CatalogueTx,
  DatasetRow,
  FindingDecisionRow,
  ReviewVerdictRow,
  LineageRow,
  RecordVersionRow,
  ReviewRow,
  SettingKey,
} from '../../core/ports/index.js';
import { adoptLedger, ledgerTails } from './ledger-adopt.js';
import { readHeadFile, writeHeadFile } from './ledger-head.js';
import type { LedgerKey } from './ledger-key.js';
import { verifyLedger } from './verify-ledger.js';
import { backupCatalogue } from './backup.js';
import { stageRestore, swapInRestored } from './restore.js';
import { readAccount, readAccounts } from './account-rows.js';
import { listReceipts, receivedWith } from './receipt-rows.js';
import { createCatalogueTx } from './catalogue-tx.js';
import { searchCatalogue } from './catalogue-search.js';
import { migrate } from './migrate.js';
import { LATEST_SCHEMA_VERSION, STRATA_APPLICATION_ID } from './migrations/index.js';
import {
  DATASET_COLUMNS,
  RECORD_VERSION_COLUMNS,
  auditFromDb,
  datasetFromDb,
  decisionFromDb,
  verdictFromDb,
  lineageFromDb,
  recordVersionFromDb,
  reviewFromDb,
  type AuditDbRow,
  type DatasetDbRow,
  type DecisionDbRow,
  type VerdictDbRow,
  type LineageDbRow,
  type RecordVersionDbRow,
  type ReviewDbRow,
} from './rows.js';
import { SqliteConnection } from './sqlite.js';
import { WriteQueue } from './write-queue.js';

const BUSY_TIMEOUT_MS = 5_000;

export interface OpenCatalogueOptions {
  /** Open without a write connection: no migrations, `write` throws READ_ONLY. */
  readonly readOnly?: boolean;
  /** Clock for `createdAt` of record versions and `at` of audit entries (default: system time). */
  readonly now?: () => Date;
  /**
   * The audit key and the head file kept outside the catalogue (ADR 0185): entries and version
   * links are keyed, the head file follows every commit once a check has passed.
   */
  readonly ledger?: Ledger;
}

export interface Ledger {
  readonly key: LedgerKey;
  readonly headFile: string;
}

/** The SQLite catalogue: the port plus maintenance helpers the hosts use. */
export interface Catalogue extends CatalogueStore {
  readonly readOnly: boolean;
  /** `PRAGMA quick_check` on the whole file. */
  quickCheck(): Promise<boolean>;
  /** The read connection, for backups; not for writes. */
  readonly reader: SqliteConnection;
}

function isSqliteError(err: unknown, code: string): boolean {
  return err instanceof Error && (err as Error & { code?: unknown }).code === code;
}

function corrupt(
  file: string,
  problem: ProblemKey,
  extra: Readonly<Record<string, number>> = {},
): StrataError {
  return new StrataError(
    'CORRUPT_FILE',
    { file: path.basename(file), problem, ...extra },
    `${path.basename(file)}: ${problem}`,
  );
}

/** Reads the header pragmas; refuses files that are not SQLite or not a Strata catalogue. */
async function identify(conn: SqliteConnection, file: string): Promise<{ fresh: boolean; version: number }> {
  let appId: number;
  let version: number;
  let objects: number;
  try {
    appId = (await conn.get<{ application_id: number }>('PRAGMA application_id'))?.application_id ?? 0;
    version = (await conn.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
    objects = (await conn.get<{ n: number }>('SELECT count(*) AS n FROM sqlite_schema'))?.n ?? 0;
  } catch (err) {
    if (isSqliteError(err, 'SQLITE_NOTADB')) throw corrupt(file, 'problem.notSqlite');
    if (isSqliteError(err, 'SQLITE_CORRUPT')) throw corrupt(file, 'problem.sqliteMalformed');
    throw err;
  }
  const fresh = appId === 0 && version === 0 && objects === 0;
  if (!fresh && appId !== STRATA_APPLICATION_ID)
    throw corrupt(file, 'problem.foreignCatalogue', { applicationId: appId });
  if (version > LATEST_SCHEMA_VERSION) {
    throw corrupt(file, 'problem.newerCatalogue', {
      schemaVersion: version,
      supported: LATEST_SCHEMA_VERSION,
    });
  }
  return { fresh, version };
}

async function quickCheck(conn: SqliteConnection): Promise<boolean> {
  try {
    const rows = await conn.all<{ quick_check: string }>('PRAGMA quick_check');
    return rows.length === 1 && rows[0]?.quick_check === 'ok';
  } catch (err) {
    if (isSqliteError(err, 'SQLITE_CORRUPT') || isSqliteError(err, 'SQLITE_NOTADB')) return false;
    throw err;
  }
}

async function closeQuietly(conn: SqliteConnection | null): Promise<void> {
  try {
    await conn?.close();
  } catch {
    // the open failed already; that error is the one to report
  }
}

/** The write and read connections of a writable catalogue, migrated (and its ledger adopted). */
async function openWritable(
  file: string,
  now: () => Date,
  ledger: Ledger | null,
): Promise<{ writer: SqliteConnection; reader: SqliteConnection }> {
  let writer: SqliteConnection | null = null;
  try {
    writer = await SqliteConnection.open(file, { serialized: true });
    writer.configureBusyTimeout(BUSY_TIMEOUT_MS);
    await identify(writer, file);
    if (!(await quickCheck(writer))) throw corrupt(file, 'problem.quickCheck');
    const mode = await writer.get<{ journal_mode: string }>('PRAGMA journal_mode = WAL');
    if (mode?.journal_mode !== 'wal') throw new Error(`could not switch ${path.basename(file)} to WAL`);
    await writer.exec('PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF;');
    await migrate(writer);
    if (ledger) await adoptLedger(writer, ledger.key, ledger.headFile, now);
    const reader = await SqliteConnection.open(file, { create: false });
    reader.configureBusyTimeout(BUSY_TIMEOUT_MS);
    await reader.exec('PRAGMA query_only = ON; PRAGMA trusted_schema = OFF;');
    return { writer, reader };
  } catch (err) {
    await closeQuietly(writer);
    throw err;
  }
}

/**
 * Opens (creating and migrating if needed) the catalogue at `file`: one serialized write
 * connection (WAL, synchronous=FULL, foreign_keys=ON) behind a queue, plus one query-only read
 * connection that sees committed data only. Throws StrataError CORRUPT_FILE for a file that is
 * not SQLite, belongs to another application, is newer than this build, or fails quick_check.
 */
export async function openCatalogue(file: string, opts: OpenCatalogueOptions = {}): Promise<Catalogue> {
  const readOnly = opts.readOnly === true;
  const now = opts.now ?? ((): Date => new Date());
  if (readOnly && !existsSync(file)) throw new StrataError('FILE_NOT_FOUND', { file: path.basename(file) });

  let writer: SqliteConnection | null = null;
  let reader: SqliteConnection | null = null;
  try {
    if (!readOnly) {
      ({ writer, reader } = await openWritable(file, now, opts.ledger ?? null));
    } else {
      reader = await SqliteConnection.open(file, { readOnly: true });
      reader.configureBusyTimeout(BUSY_TIMEOUT_MS);
      const { fresh, version } = await identify(reader, file);
      if (fresh || version < LATEST_SCHEMA_VERSION) {
        throw corrupt(file, 'problem.needsMigration', {
          schemaVersion: version,
        });
      }
      if (!(await quickCheck(reader))) throw corrupt(file, 'problem.quickCheck');
      await reader.exec('PRAGMA trusted_schema = OFF;');
    }
  } catch (err) {
    await closeQuietly(reader);
    await closeQuietly(writer);
    throw err;
  }
  return buildCatalogue(file, writer, reader, readOnly, now, opts.ledger ?? null);
}

function buildCatalogue(
  file: string,
  writer: SqliteConnection | null,
  reader: SqliteConnection,
  readOnly: boolean,
  now: () => Date,
  ledger: Ledger | null,
): Catalogue {
  const queue = new WriteQueue();
  let closed = false;
  // The head file follows the commits only after a check passed, and never again after one
  // failed: a write onto a truncated or rolled-back chain must not become the new anchor.
  let anchorTrusted = false;
  let anchorFrozen = false;
  const followHead = async (conn: SqliteConnection): Promise<void> => {
    if (ledger && anchorTrusted && !anchorFrozen)
      await writeHeadFile(ledger.headFile, ledger.key, await ledgerTails(conn));
  };

  const ensureOpen = (): void => {
    if (closed) throw new Error('catalogue is closed');
  };

  const runTransaction = async <T>(
    conn: SqliteConnection,
    fn: (tx: CatalogueTx) => Promise<T>,
  ): Promise<T> => {
    await conn.exec('BEGIN IMMEDIATE');
    let open = true;
    try {
      const result = await fn(createCatalogueTx(conn, () => open, now, ledger?.key ?? null));
      await conn.exec('COMMIT');
      open = false;
      await followHead(conn);
      return result;
    } catch (err) {
      await conn.rollbackQuietly();
      throw err;
    } finally {
      open = false;
    }
  };

  return {
    readOnly,
    get reader() {
      return reader;
    },

    async backup(destFile: string): Promise<void> {
      ensureOpen();
      await backupCatalogue({ reader }, destFile);
    },

    async restore(candidate: string): Promise<void> {
      ensureOpen();
      if (!writer) throw new StrataError('READ_ONLY');
      await queue.run(async () => {
        const staged = await stageRestore(candidate, file, ledger?.key ?? null);
        // The anchor moves back first: a crash before the swap leaves the old catalogue longer
        // than the head, which a check accepts; after it, head and catalogue agree.
        if (ledger) await writeHeadFile(ledger.headFile, ledger.key, staged.tails);
        await reader.close();
        await writer?.close();
        await swapInRestored(staged.file, file);
        ({ writer, reader } = await openWritable(file, now, ledger));
        anchorTrusted = true;
        anchorFrozen = false;
      });
    },

    async write<T>(fn: (tx: CatalogueTx) => Promise<T>): Promise<T> {
      ensureOpen();
      if (!writer) throw new StrataError('READ_ONLY');
      const conn = writer;
      return queue.run(() => runTransaction(conn, fn));
    },

    async getDataset(id: DatasetId): Promise<DatasetRow | null> {
      ensureOpen();
      const row = await reader.get<DatasetDbRow>(`SELECT ${DATASET_COLUMNS} FROM datasets WHERE id = ?`, [
        id,
      ]);
      return row ? datasetFromDb(row) : null;
    },

    async listDatasets(filter: { readonly standing?: Standing } = {}): Promise<DatasetRow[]> {
      ensureOpen();
      const rows =
        filter.standing === undefined
          ? await reader.all<DatasetDbRow>(`SELECT ${DATASET_COLUMNS} FROM datasets ORDER BY pk`)
          : await reader.all<DatasetDbRow>(
              `SELECT ${DATASET_COLUMNS} FROM datasets
                WHERE coalesce((SELECT s.standing FROM dataset_standing s WHERE s.dataset_id = datasets.id
                                 ORDER BY s.pk DESC LIMIT 1), 'active') = ? ORDER BY pk`,
              [filter.standing],
            );
      return rows.map(datasetFromDb);
    },

    async datasetsWithContent(sha256: string): Promise<DatasetRow[]> {
      ensureOpen();
      const rows = await reader.all<DatasetDbRow>(
        `SELECT ${DATASET_COLUMNS} FROM datasets WHERE sha256 = ? ORDER BY pk`,
        [sha256],
      );
      return rows.map(datasetFromDb);
    },

    async derivedFrom(id: DatasetId): Promise<DatasetId[]> {
      ensureOpen();
      const rows = await reader.all<{ id: string }>(
        'SELECT id FROM datasets WHERE source_id = ? ORDER BY created_at DESC, pk DESC',
        [id],
      );
      return rows.map((r) => r.id as DatasetId);
    },

    async recordVersions(id: DatasetId): Promise<RecordVersionRow[]> {
      ensureOpen();
      const rows = await reader.all<RecordVersionDbRow>(
        `SELECT ${RECORD_VERSION_COLUMNS} FROM record_versions WHERE dataset_id = ? ORDER BY version`,
        [id],
      );
      return rows.map(recordVersionFromDb);
    },

    async latestReview(id: DatasetId): Promise<ReviewRow | null> {
      ensureOpen();
      const row = await reader.get<ReviewDbRow>(
        `SELECT id, dataset_id, profile_id, profile_version, profile_name, profile_sha256, rules, findings, content_sha256, reviewer, created_at
           FROM reviews WHERE dataset_id = ? ORDER BY pk DESC LIMIT 1`,
        [id],
      );
      return row ? reviewFromDb(row) : null;
    },

    async getReview(id: ReviewId): Promise<ReviewRow | null> {
      ensureOpen();
      const row = await reader.get<ReviewDbRow>(
        `SELECT id, dataset_id, profile_id, profile_version, profile_name, profile_sha256, rules, findings, content_sha256, reviewer, created_at
           FROM reviews WHERE id = ?`,
        [id],
      );
      return row ? reviewFromDb(row) : null;
    },

    async decisions(reviewId: ReviewId): Promise<FindingDecisionRow[]> {
      ensureOpen();
      // The latest (highest pk) decision of each finding.
      const rows = await reader.all<DecisionDbRow>(
        `SELECT review_id, finding, decision, reason, decided_by, decided_at FROM finding_decisions d
          WHERE review_id = ? AND pk = (SELECT max(pk) FROM finding_decisions e
                                         WHERE e.review_id = d.review_id AND e.finding = d.finding)
          ORDER BY finding`,
        [reviewId],
      );
      return rows.map(decisionFromDb);
    },

    async verdict(reviewId: ReviewId): Promise<ReviewVerdictRow | null> {
      ensureOpen();
      const row = await reader.get<VerdictDbRow>(
        `SELECT review_id, verdict, comment, content_sha256, decided_by, decided_at, statement, signature FROM review_verdicts
          WHERE review_id = ?`,
        [reviewId],
      );
      return row ? verdictFromDb(row) : null;
    },

    async receivedWith(tagManifestSha256: string) {
      ensureOpen();
      return receivedWith(reader, tagManifestSha256);
    },

    async receipts(limit: number) {
      ensureOpen();
      return listReceipts(reader, limit);
    },

    async lineage(id: DatasetId): Promise<LineageRow | null> {
      ensureOpen();
      const row = await reader.get<LineageDbRow>(
        'SELECT dataset_id, source_id, source_sha256, steps, author, created_at FROM lineage WHERE dataset_id = ?',
        [id],
      );
      return row ? lineageFromDb(row) : null;
    },

    async auditList(limit: number): Promise<AuditRow[]> {
      ensureOpen();
      const rows = await reader.all<AuditDbRow>(
        'SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit ORDER BY seq DESC LIMIT ?',
        [Math.max(0, Math.floor(limit))],
      );
      return rows.map(auditFromDb);
    },

    async getSetting(key: SettingKey): Promise<unknown> {
      ensureOpen();
      const row = await reader.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
      return row ? (JSON.parse(row.value) as unknown) : null;
    },

    async auditVerify() {
      ensureOpen();
      if (!ledger) return verifyLedger(reader, null);
      const check = await verifyLedger(reader, {
        key: ledger.key,
        anchor: await readHeadFile(ledger.headFile, ledger.key),
      });
      if (!check.ok) anchorFrozen = true;
      else if (writer && !anchorFrozen) {
        anchorTrusted = true;
        // A head behind the chain is the crash window after a commit: catch it up.
        const conn = writer;
        await queue.run(() => followHead(conn));
      }
      return check;
    },

    async latestAuditFor(subject: string): Promise<AuditRow | null> {
      ensureOpen();
      const row = await reader.get<AuditDbRow>(
        'SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit WHERE subject = ? ORDER BY seq DESC LIMIT 1',
        [subject],
      );
      return row ? auditFromDb(row) : null;
    },

    async getAccount(name: string) {
      ensureOpen();
      return readAccount(reader, name);
    },

    async listAccounts() {
      ensureOpen();
      return readAccounts(reader);
    },

    async quickCheck() {
      ensureOpen();
      return quickCheck(reader);
    },

    async search(query: SearchQuery): Promise<SearchPageRow> {
      ensureOpen();
      return searchCatalogue(reader, query);
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await queue.drain();
      await reader.close();
      await writer?.close();
    },
  };
}
