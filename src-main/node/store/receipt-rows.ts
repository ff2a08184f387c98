import type { DatasetId } from '../../core/model/index.js';
import type { ReceiptInput, ReceiptRow } from '../../core/ports/index.js';
import type { SqliteConnection } from './sqlite.js';

// The receipts table (ADR 0177): one row per package the receiving side was given.

interface ReceiptDbRow {
  seq: number;
  bag: string;
  tag_manifest_sha256: string | null;
  signer: string | null;
  ok: number;
  failed_step: string | null;
  checks: string;
  datasets: string;
  external_identifier: string;
  source_organization: string;
  provenance: string | null;
  received_by: string;
  received_at: string;
}

const COLUMNS =
  'seq, bag, tag_manifest_sha256, signer, ok, failed_step, checks, datasets, external_identifier, source_organization, provenance, received_by, received_at';

const receiptFromDb = (r: ReceiptDbRow): ReceiptRow => ({
  seq: r.seq,
  bag: r.bag,
  tagManifestSha256: r.tag_manifest_sha256,
  signer: r.signer,
  ok: r.ok === 1,
  failedStep: r.failed_step,
  checks: JSON.parse(r.checks) as ReceiptRow['checks'],
  datasets: JSON.parse(r.datasets) as DatasetId[],
  externalIdentifier: r.external_identifier,
  sourceOrganization: r.source_organization,
  provenance: r.provenance === null ? null : (JSON.parse(r.provenance) as Record<string, unknown>),
  receivedBy: r.received_by,
  receivedAt: r.received_at,
});

export async function insertReceipt(
  conn: SqliteConnection,
  receipt: ReceiptInput,
  at: string,
): Promise<ReceiptRow> {
  const { lastID } = await conn.run(
    `INSERT INTO receipts (bag, tag_manifest_sha256, signer, ok, failed_step, checks, datasets,
       external_identifier, source_organization, provenance, received_by, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      receipt.bag,
      receipt.tagManifestSha256,
      receipt.signer,
      receipt.ok ? 1 : 0,
      receipt.failedStep,
      JSON.stringify(receipt.checks),
      JSON.stringify(receipt.datasets),
      receipt.externalIdentifier,
      receipt.sourceOrganization,
      receipt.provenance === null ? null : JSON.stringify(receipt.provenance),
      receipt.receivedBy,
      at,
    ],
  );
  return { ...receipt, seq: lastID, receivedAt: at };
}

export async function receivedWith(conn: SqliteConnection, sha256: string): Promise<ReceiptRow | null> {
  const row = await conn.get<ReceiptDbRow>(
    `SELECT ${COLUMNS} FROM receipts WHERE tag_manifest_sha256 = ? AND ok = 1 ORDER BY seq LIMIT 1`,
    [sha256],
  );
  return row ? receiptFromDb(row) : null;
}

export async function listReceipts(conn: SqliteConnection, limit: number): Promise<ReceiptRow[]> {
  const rows = await conn.all<ReceiptDbRow>(`SELECT ${COLUMNS} FROM receipts ORDER BY seq DESC LIMIT ?`, [
    limit,
  ]);
  return rows.map(receiptFromDb);
}
