import { createHash } from 'node:crypto';
import type { DatasetId } from '../../core/model/index.js';
import type { RecordVersionRow } from '../../core/ports/index.js';
import { GENESIS_HASH } from './audit-hash.js';
import { versionLinkMacText, type LedgerKey } from './ledger-key.js';
import { RECORD_VERSION_COLUMNS, recordVersionFromDb, type RecordVersionDbRow } from './rows.js';
import type { SqliteConnection } from './sqlite.js';

type Json = string | number | boolean | null | readonly Json[] | { readonly [k: string]: Json | undefined };

/** JSON with object keys sorted (UTF-16 order) and no white space; `undefined` members left out. */
function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${(value as readonly Json[]).map(canonicalJson).join(',')}]`;
  const obj = value as { readonly [k: string]: Json | undefined };
  const parts = Object.keys(obj)
    .sort()
    .flatMap((k) => {
      const v = obj[k];
      return v === undefined ? [] : [`${JSON.stringify(k)}:${canonicalJson(v)}`];
    });
  return `{${parts.join(',')}}`;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** SHA-256 of a record version as read back (every field, author and time), in canonical JSON. */
export const versionHash = (row: RecordVersionRow): string => sha256(canonicalJson(row as unknown as Json));

export interface VersionLink {
  readonly seq: number;
  readonly datasetId: string;
  readonly version: number;
  readonly versionHash: string;
  readonly prevHash: string;
}

export const linkHash = (l: VersionLink): string =>
  sha256(
    `{"dataset":${JSON.stringify(l.datasetId)},"prevHash":${JSON.stringify(l.prevHash)},"seq":${String(l.seq)}` +
      `,"version":${String(l.version)},"versionHash":${JSON.stringify(l.versionHash)},"v":1}`,
  );

export async function readVersion(
  conn: SqliteConnection,
  datasetId: string,
  version: number,
): Promise<RecordVersionRow | null> {
  const row = await conn.get<RecordVersionDbRow>(
    `SELECT ${RECORD_VERSION_COLUMNS} FROM record_versions WHERE dataset_id = ? AND version = ?`,
    [datasetId, version],
  );
  return row ? recordVersionFromDb(row) : null;
}

/** The tail of the version chain: its length and last hash (genesis when empty). */
export async function versionChainTail(conn: SqliteConnection): Promise<{ seq: number; hash: string }> {
  const tail = await conn.get<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM version_chain ORDER BY seq DESC LIMIT 1',
  );
  return tail ?? { seq: 0, hash: GENESIS_HASH };
}

/**
 * Appends the link of a record version just inserted (read back, so the hash covers the stored
 * row), keyed when the catalogue has the audit key. Runs inside the caller's transaction.
 */
export async function appendVersionLink(
  conn: SqliteConnection,
  key: LedgerKey | null,
  datasetId: DatasetId | string,
  version: number,
): Promise<void> {
  const row = await readVersion(conn, datasetId, version);
  if (!row) throw new Error(`record version ${datasetId}@${String(version)} not found`);
  const tail = await versionChainTail(conn);
  const link: VersionLink = {
    seq: tail.seq + 1,
    datasetId,
    version,
    versionHash: versionHash(row),
    prevHash: tail.hash,
  };
  const hash = linkHash(link);
  await conn.run(
    `INSERT INTO version_chain (seq, dataset_id, version, version_hash, prev_hash, hash, mac)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      link.seq,
      link.datasetId,
      link.version,
      link.versionHash,
      link.prevHash,
      hash,
      key ? key.mac(versionLinkMacText(link.seq, hash)) : null,
    ],
  );
}
