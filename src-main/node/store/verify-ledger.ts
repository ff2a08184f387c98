import type { AuditChainCheck, AuditProblem, LedgerHead, VersionChainCheck } from '../../core/ports/index.js';
import { GENESIS_HASH } from './audit-hash.js';
import { verifyAuditChain } from './audit-verify.js';
import { auditEntryMacText, versionLinkMacText, type LedgerKey } from './ledger-key.js';
import type { SqliteConnection } from './sqlite.js';
import { linkHash, readVersion, versionHash } from './version-chain.js';

const PAGE = 1_000;

/** The first audit entry (up to `upTo`) whose key is missing or wrong, or null. */
async function firstUnkeyedEntry(
  conn: SqliteConnection,
  key: LedgerKey,
  upTo: number,
): Promise<number | null> {
  let last = 0;
  for (;;) {
    const rows = await conn.all<{ seq: number; hash: string; mac: string | null }>(
      `SELECT a.seq, a.hash, k.mac FROM audit a LEFT JOIN audit_keys k ON k.seq = a.seq
        WHERE a.seq > ? AND a.seq <= ? ORDER BY a.seq LIMIT ?`,
      [last, upTo, PAGE],
    );
    for (const row of rows) {
      if (row.mac !== key.mac(auditEntryMacText(row.seq, row.hash))) return row.seq;
      last = row.seq;
    }
    if (rows.length < PAGE) return null;
  }
}

interface LinkRow {
  seq: number;
  dataset_id: string;
  version: number;
  version_hash: string;
  prev_hash: string;
  hash: string;
  mac: string | null;
}

/**
 * Walks the version chain: each link must chain, carry its key (when a key is given) and name a
 * stored version whose content hashes as linked; then no stored version may be left unlinked.
 */
export async function verifyVersionChain(
  conn: SqliteConnection,
  key: LedgerKey | null,
): Promise<VersionChainCheck & { readonly tail: number }> {
  let prev = GENESIS_HASH;
  let last = 0;
  for (;;) {
    const rows = await conn.all<LinkRow>(
      'SELECT seq, dataset_id, version, version_hash, prev_hash, hash, mac FROM version_chain WHERE seq > ? ORDER BY seq LIMIT ?',
      [last, PAGE],
    );
    for (const l of rows) {
      const link = {
        seq: l.seq,
        datasetId: l.dataset_id,
        version: l.version,
        versionHash: l.version_hash,
        prevHash: l.prev_hash,
      };
      const stored = await readVersion(conn, l.dataset_id, l.version);
      const intact =
        l.seq === last + 1 &&
        l.prev_hash === prev &&
        linkHash(link) === l.hash &&
        (key === null || l.mac === key.mac(versionLinkMacText(l.seq, l.hash))) &&
        stored !== null &&
        versionHash(stored) === l.version_hash;
      if (!intact) {
        return {
          entries: last,
          head: last === 0 ? null : prev,
          tail: last,
          brokenAt: { datasetId: l.dataset_id, version: l.version },
        };
      }
      prev = l.hash;
      last = l.seq;
    }
    if (rows.length < PAGE) break;
  }
  const unlinked = await conn.get<{ dataset_id: string; version: number }>(
    `SELECT dataset_id, version FROM record_versions v
      WHERE NOT EXISTS (SELECT 1 FROM version_chain c WHERE c.dataset_id = v.dataset_id AND c.version = v.version)
      ORDER BY dataset_id, version LIMIT 1`,
  );
  const head = last === 0 ? null : prev;
  return {
    entries: last,
    head,
    tail: last,
    brokenAt: unlinked ? { datasetId: unlinked.dataset_id, version: unlinked.version } : null,
  };
}

export interface LedgerKeys {
  readonly key: LedgerKey;
  /** The head kept outside the catalogue, as read. */
  readonly anchor: LedgerHead | 'missing' | 'invalid';
}

/** Does `tail` reach `anchor`: at least as long, and the same hash at the anchor's position? */
async function reaches(
  conn: SqliteConnection,
  table: 'audit' | 'version_chain',
  entries: number,
  anchor: { readonly seq: number; readonly hash: string },
): Promise<number | null> {
  if (anchor.seq === 0) return null;
  if (entries < anchor.seq) return entries + 1;
  const row = await conn.get<{ hash: string }>(`SELECT hash FROM ${table} WHERE seq = ?`, [anchor.seq]);
  return row?.hash === anchor.hash ? null : anchor.seq;
}

/**
 * The whole check (ADR 0185): the audit hash chain, then each entry's key, then the head kept
 * outside the catalogue (a shorter or different chain is a truncation or a rollback), then the
 * record-version chain. Without `keys` only the hash chains are checked.
 */
export async function verifyLedger(
  conn: SqliteConnection,
  keys: LedgerKeys | null,
): Promise<AuditChainCheck> {
  const chain = await verifyAuditChain(conn);
  const versions = await verifyVersionChain(conn, keys?.key ?? null);
  const anchor = keys && typeof keys.anchor === 'object' ? keys.anchor : null;
  const result = (problem: AuditProblem | null, brokenAt: number | null): AuditChainCheck => ({
    ok: problem === null,
    entries: chain.entries,
    head: chain.head,
    brokenAt,
    problem,
    anchor,
    versions: { entries: versions.entries, head: versions.head, brokenAt: versions.brokenAt },
  });
  const unkeyed = keys ? await firstUnkeyedEntry(conn, keys.key, chain.entries) : null;
  if (unkeyed !== null) return result('key', unkeyed);
  if (!chain.ok) return result('chain', chain.brokenAt);
  if (keys && anchor === null) return result('anchorMissing', null);
  if (anchor) {
    const behind = await reaches(conn, 'audit', chain.entries, anchor.audit);
    if (behind !== null) return result('anchor', behind);
  }
  if (versions.brokenAt !== null) return result('version', null);
  if (anchor && (await reaches(conn, 'version_chain', versions.tail, anchor.versions)) !== null) {
    return result('anchor', null);
  }
  return result(null, null);
}
