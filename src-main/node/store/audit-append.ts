import type { AuditInput, AuditRow } from '../../core/ports/index.js';
import { GENESIS_HASH, auditHash, canonicalDetails } from './audit-hash.js';
import { auditEntryMacText, type LedgerKey } from './ledger-key.js';
import type { SqliteConnection } from './sqlite.js';

/**
 * Appends one entry at the tail of the audit chain, with its key when the catalogue holds the
 * audit key (ADR 0185). Runs inside the caller's transaction.
 */
export async function appendAuditEntry(
  conn: SqliteConnection,
  now: () => Date,
  key: LedgerKey | null,
  entry: AuditInput,
): Promise<AuditRow> {
  const head = await conn.get<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1',
  );
  const fields = {
    seq: (head?.seq ?? 0) + 1,
    at: now().toISOString(),
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    details: { ...entry.details },
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const row: AuditRow = { ...fields, hash: auditHash(fields) };
  await conn.run(
    'INSERT INTO audit (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [
      row.seq,
      row.at,
      row.actor,
      row.action,
      row.subject,
      canonicalDetails(row.details),
      row.prevHash,
      row.hash,
    ],
  );
  if (key) await keyAuditEntry(conn, key, row.seq, row.hash);
  return row;
}

export async function keyAuditEntry(
  conn: SqliteConnection,
  key: LedgerKey,
  seq: number,
  hash: string,
): Promise<void> {
  await conn.run('INSERT INTO audit_keys (seq, mac) VALUES (?, ?)', [
    seq,
    key.mac(auditEntryMacText(seq, hash)),
  ]);
}
