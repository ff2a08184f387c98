import { GENESIS_HASH, auditHash, canonicalDetails, type AuditDetailValue } from './audit-hash.js';
import type { AuditDbRow } from './rows.js';
import type { SqliteConnection } from './sqlite.js';

const PAGE = 1_000;

function rowIsIntact(row: AuditDbRow, expectedSeq: number, prevHash: string): boolean {
  if (row.seq !== expectedSeq || row.prev_hash !== prevHash) return false;
  let details: Record<string, AuditDetailValue>;
  try {
    const parsed: unknown = JSON.parse(row.details);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return false;
    details = parsed as Record<string, AuditDetailValue>;
    // The stored text must itself be canonical, so the bytes on disk are what was hashed.
    if (canonicalDetails(details) !== row.details) return false;
  } catch {
    return false;
  }
  const hash = auditHash({
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    details,
    prevHash: row.prev_hash,
  });
  return hash === row.hash;
}

/** The audit chain alone: its length, last hash and the first entry that does not chain. */
export interface ChainWalk {
  readonly ok: boolean;
  readonly entries: number;
  readonly head: string | null;
  readonly brokenAt: number | null;
}

/**
 * Walks the whole audit chain from seq 1 in pages. Appends made meanwhile only extend the
 * tail, so paging by seq sees a consistent prefix. Truncating the tail is not detectable here;
 * the keys and the head kept outside the catalogue catch it (verify-ledger.ts, ADR 0185).
 */
export async function verifyAuditChain(conn: SqliteConnection): Promise<ChainWalk> {
  let prevHash = GENESIS_HASH;
  let expected = 1;
  let lastSeq = 0;
  let entries = 0;
  for (;;) {
    const rows = await conn.all<AuditDbRow>(
      'SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit WHERE seq > ? ORDER BY seq LIMIT ?',
      [lastSeq, PAGE],
    );
    for (const row of rows) {
      if (!rowIsIntact(row, expected, prevHash)) {
        return { ok: false, entries, head: entries === 0 ? null : prevHash, brokenAt: row.seq };
      }
      prevHash = row.hash;
      expected += 1;
      entries += 1;
      lastSeq = row.seq;
    }
    if (rows.length < PAGE) break;
  }
  return { ok: true, entries, head: entries === 0 ? null : prevHash, brokenAt: null };
}
