import { link, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { StrataError } from '../../api/errors.js';
import type { ProblemKey } from '../../api/messages.js';
import type { LedgerHead } from '../../core/ports/index.js';
import { ledgerTails } from './ledger-adopt.js';
import type { LedgerKey } from './ledger-key.js';
import { LATEST_SCHEMA_VERSION, STRATA_APPLICATION_ID } from './migrations/index.js';
import { syncDirectory, syncFile } from '../fs/durable-fs.js';
import { SqliteConnection } from './sqlite.js';
import { verifyLedger } from './verify-ledger.js';

/** The first schema version whose entries carry keys (migration 0018): older copies cannot be checked. */
const FIRST_KEYED_VERSION = 18;

const refuse = (
  file: string,
  problem: ProblemKey,
  extra: Readonly<Record<string, number>> = {},
): StrataError =>
  new StrataError(
    'CORRUPT_FILE',
    { file: path.basename(file), problem, ...extra },
    `${path.basename(file)}: ${problem}`,
  );

const isSqliteError = (err: unknown): boolean =>
  err instanceof Error &&
  /^SQLITE_(NOTADB|CORRUPT|CANTOPEN)/.test(String((err as Error & { code?: unknown }).code));

/** Refuses what is not a whole Strata catalogue this build can take: header, schema level, integrity. */
async function checkCandidate(conn: SqliteConnection, file: string): Promise<void> {
  let appId: number;
  let version: number;
  try {
    appId = (await conn.get<{ application_id: number }>('PRAGMA application_id'))?.application_id ?? 0;
    version = (await conn.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
  } catch (err) {
    if (isSqliteError(err)) throw refuse(file, 'problem.notSqlite');
    throw err;
  }
  if (appId !== STRATA_APPLICATION_ID)
    throw refuse(file, 'problem.foreignCatalogue', { applicationId: appId });
  if (version > LATEST_SCHEMA_VERSION) {
    throw refuse(file, 'problem.newerCatalogue', {
      schemaVersion: version,
      supported: LATEST_SCHEMA_VERSION,
    });
  }
  if (version < FIRST_KEYED_VERSION) throw refuse(file, 'problem.restoreTooOld', { schemaVersion: version });
  const rows = await conn.all<{ integrity_check: string }>('PRAGMA integrity_check').catch((err: unknown) => {
    if (isSqliteError(err)) return [{ integrity_check: 'malformed' }];
    throw err;
  });
  if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') throw refuse(file, 'problem.backupIntegrity');
}

/**
 * Copies a backup beside the live catalogue (`<live>.restore.tmp`, one self-contained file,
 * fsynced) after checking it: a Strata catalogue (application_id), at a schema level this build
 * handles, `integrity_check` ok, and its audit and version chains intact and keyed by this
 * workstation's key (ADR 0185). Returns the staged file and its chain tails; the live catalogue is
 * not touched.
 */
export async function stageRestore(
  candidate: string,
  liveFile: string,
  key: LedgerKey | null,
): Promise<{ readonly file: string; readonly tails: LedgerHead }> {
  const source = path.resolve(candidate);
  let conn: SqliteConnection;
  try {
    conn = await SqliteConnection.open(source, { readOnly: true });
  } catch (err) {
    if (isSqliteError(err)) throw new StrataError('FILE_NOT_FOUND', { file: path.basename(source) });
    throw err;
  }
  const staged = `${liveFile}.restore.tmp`;
  await rm(staged, { force: true });
  try {
    try {
      await checkCandidate(conn, source);
      await conn.backupTo(staged);
    } finally {
      await conn.close();
    }
    const copy = await SqliteConnection.open(staged, { create: false });
    let tails: LedgerHead;
    try {
      await copy.get('PRAGMA journal_mode = DELETE');
      await checkCandidate(copy, source);
      tails = await ledgerTails(copy);
      const check = await verifyLedger(copy, key ? { key, anchor: tails } : null);
      if (!check.ok) throw refuse(source, 'problem.restoreChain', { seq: check.brokenAt ?? 0 });
    } finally {
      await copy.close();
    }
    await syncFile(staged);
    return { file: staged, tails };
  } catch (err) {
    await rm(staged, { force: true });
    throw err;
  }
}

/**
 * Puts the staged copy in place of the closed live catalogue. The live file is first hard-linked
 * aside (`<live>.before-restore`, replacing an earlier one), then the copy is renamed over it, so at
 * every moment the live name holds either the whole old catalogue or the whole restored one.
 */
export async function swapInRestored(staged: string, liveFile: string): Promise<void> {
  const aside = `${liveFile}.before-restore`;
  await rm(aside, { force: true });
  await link(liveFile, aside);
  // The connections are closed, so these are gone already after a clean close; a stale one must
  // not be replayed onto the restored file.
  await rm(`${liveFile}-wal`, { force: true });
  await rm(`${liveFile}-shm`, { force: true });
  await rename(staged, liveFile);
  await syncDirectory(path.dirname(liveFile));
}
