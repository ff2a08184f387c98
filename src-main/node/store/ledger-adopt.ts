import type { LedgerHead } from '../../core/ports/index.js';
import { GENESIS_HASH } from './audit-hash.js';
import { appendAuditEntry, keyAuditEntry } from './audit-append.js';
import { verifyAuditChain } from './audit-verify.js';
import { readHeadFile, writeHeadFile } from './ledger-head.js';
import type { LedgerKey } from './ledger-key.js';
import type { SqliteConnection } from './sqlite.js';
import { appendVersionLink, versionChainTail } from './version-chain.js';

/** The audit action that marks the moment an older catalogue's chain was first keyed. */
export const KEYED_ACTION = 'audit.keyed';

/** Both chain tails as the connection sees them now. */
export async function ledgerTails(conn: SqliteConnection): Promise<LedgerHead> {
  const audit = await conn.get<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1',
  );
  return { audit: audit ?? { seq: 0, hash: GENESIS_HASH }, versions: await versionChainTail(conn) };
}

const count = async (
  conn: SqliteConnection,
  table: 'audit' | 'audit_keys' | 'version_chain',
): Promise<number> => (await conn.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0;

/**
 * Run once per open on the write connection, before anything else writes (ADR 0185). With a head
 * file nothing happens here. Without one:
 * - nothing keyed yet (a fresh catalogue, or one from before keys): when its hash chain is
 *   intact, every entry gets its key and every stored version its link, in one transaction that
 *   (for a non-empty log) ends with an `audit.keyed` entry; then the head file is written;
 * - keyed, and the newest entry is that `audit.keyed`: the crash window between that commit and
 *   the head file, so the head file is written;
 * - otherwise the head file was removed: left missing, for the check to report.
 */
export async function adoptLedger(
  conn: SqliteConnection,
  key: LedgerKey,
  headFile: string,
  now: () => Date,
): Promise<void> {
  if ((await readHeadFile(headFile, key)) !== 'missing') return;
  if ((await count(conn, 'audit_keys')) === 0 && (await count(conn, 'version_chain')) === 0) {
    if (!(await verifyAuditChain(conn)).ok) return;
    await conn.exec('BEGIN IMMEDIATE');
    try {
      const entries = await conn.all<{ seq: number; hash: string }>(
        'SELECT seq, hash FROM audit ORDER BY seq',
      );
      for (const e of entries) await keyAuditEntry(conn, key, e.seq, e.hash);
      const versions = await conn.all<{ dataset_id: string; version: number }>(
        'SELECT dataset_id, version FROM record_versions ORDER BY created_at, dataset_id, version',
      );
      for (const v of versions) await appendVersionLink(conn, key, v.dataset_id, v.version);
      if (entries.length > 0) {
        await appendAuditEntry(conn, now, key, {
          actor: 'strata',
          action: KEYED_ACTION,
          subject: null,
          details: { entries: entries.length, versions: versions.length },
        });
      }
      await conn.exec('COMMIT');
    } catch (error) {
      await conn.rollbackQuietly();
      throw error;
    }
  } else {
    const last = await conn.get<{ action: string }>('SELECT action FROM audit ORDER BY seq DESC LIMIT 1');
    if (last?.action !== KEYED_ACTION) return;
  }
  await writeHeadFile(headFile, key, await ledgerTails(conn));
}
