import { StrataError } from '../../api/errors.js';
import type { StandingChange } from '../../core/catalogue/standing.js';
import type { CrsInfo, DatasetId } from '../../core/model/index.js';
import type {
  AuditInput,
  AuditRow,
  CatalogueTx,
  CrsAssignment,
  DatasetRow,
  DatasetStatus,
  FindingDecisionRow,
  ReviewVerdictRow,
  LineageRow,
  NewDataset,
  ReceiptInput,
  ReceiptRow,
  RecordFieldsRow,
  RecordVersionRow,
  ReviewRow,
  SettingKey,
} from '../../core/ports/index.js';
import { appendAuditEntry } from './audit-append.js';
import type { LedgerKey } from './ledger-key.js';
import { reindex, writeSearchEntries } from './search-index.js';
import { readLoginCounters, writeAccount, writeLoginCounters } from './account-rows.js';
import { insertReceipt } from './receipt-rows.js';
import type { SqliteConnection } from './sqlite.js';
import { appendVersionLink } from './version-chain.js';

/** Rows per multi-row INSERT of a bulk write (18 columns: well under SQLite's bound-parameter limit). */
const BULK_CHUNK = 500;

/**
 * The writes of one `store.write` call, all on the write connection inside its open
 * transaction. `isOpen` turns false when the transaction ends, so a tx object that escapes its
 * callback cannot write outside (or into someone else's) transaction.
 */
export function createCatalogueTx(
  conn: SqliteConnection,
  isOpen: () => boolean,
  now: () => Date,
  key: LedgerKey | null,
): CatalogueTx {
  const guard = (): void => {
    if (!isOpen()) throw new Error('catalogue transaction already finished');
  };

  const pkOf = async (id: DatasetId): Promise<number> => {
    const row = await conn.get<{ pk: number }>('SELECT pk FROM datasets WHERE id = ?', [id]);
    if (!row) throw new StrataError('NOT_FOUND', { what: id });
    return row.pk;
  };

  /** Record versions as [dataset id, version, fields, author, time], in multi-row statements. */
  const insertVersions = async (
    versions: readonly (readonly [DatasetId, number, RecordFieldsRow, string, string])[],
  ): Promise<void> => {
    for (let i = 0; i < versions.length; i += BULK_CHUNK) {
      const chunk = versions.slice(i, i + BULK_CHUNK);
      await conn.run(
        `INSERT INTO record_versions (dataset_id, version, title, abstract, level, period, attribution,
           archive_number, keywords, unit, category, year, author, created_at)
         VALUES ${chunk.map(() => `(${'?, '.repeat(13)}?)`).join(', ')}`,
        chunk.flatMap(([id, version, fields, author, at]) => [
          id,
          version,
          fields.title,
          fields.abstract,
          fields.level,
          fields.period,
          fields.attribution,
          fields.archiveNumber ?? null,
          fields.keywords === undefined ? null : JSON.stringify(fields.keywords),
          fields.unit ?? null,
          fields.category ?? null,
          fields.year ?? null,
          author,
          at,
        ]),
      );
    }
    // Each version is linked into the keyed version chain as stored (ADR 0185), in order.
    for (const [id, version] of versions) await appendVersionLink(conn, key, id, version);
  };

  const insertDatasets = async (items: readonly NewDataset[]): Promise<void> => {
    guard();
    const pks = new Map<string, number>();
    for (let i = 0; i < items.length; i += BULK_CHUNK) {
      const chunk = items.slice(i, i + BULK_CHUNK);
      const returned = await conn.all<{ pk: number; id: string }>(
        `INSERT INTO datasets (id, name, kind, format, info, sha256, byte_size, files, display_key,
           display_content_type, value_min, value_max, source_id, status, created_at, created_by, layer, open_options)
         VALUES ${chunk.map(() => `(${'?, '.repeat(17)}?)`).join(', ')} RETURNING pk, id`,
        chunk.flatMap(({ row }) => [
          row.id,
          row.name,
          row.kind,
          row.format,
          JSON.stringify(row.info),
          row.sha256,
          row.byteSize,
          JSON.stringify(row.files),
          row.displayKey,
          row.displayContentType,
          row.valueRange?.[0] ?? null,
          row.valueRange?.[1] ?? null,
          row.sourceId,
          row.status,
          row.createdAt,
          row.createdBy,
          row.layer,
          row.openOptions === undefined ? null : JSON.stringify(row.openOptions),
        ]),
      );
      for (const r of returned) pks.set(r.id, r.pk);
      await insertVersions(chunk.map(({ row, record }) => [row.id, 1, record, row.createdBy, row.createdAt]));
    }
    await writeSearchEntries(
      conn,
      items.map(({ row, record }) => ({
        pk: pks.get(row.id) ?? 0,
        source: { ...row, standing: 'active', record },
      })),
      true,
    );
  };

  return {
    insertDataset(row: DatasetRow, firstRecord: RecordFieldsRow): Promise<void> {
      return insertDatasets([{ row, record: firstRecord }]);
    },

    insertDatasets,

    async appendRecordVersion(
      id: DatasetId,
      baseVersion: number,
      fields: RecordFieldsRow,
      author: string,
    ): Promise<RecordVersionRow> {
      guard();
      const pk = await pkOf(id);
      const latest = await conn.get<{ v: number | null }>(
        'SELECT max(version) AS v FROM record_versions WHERE dataset_id = ?',
        [id],
      );
      const current = latest?.v ?? 0;
      if (baseVersion !== current) throw new StrataError('CONFLICT', { current });
      const row: RecordVersionRow = {
        datasetId: id,
        version: current + 1,
        fields,
        author,
        createdAt: now().toISOString(),
      };
      await insertVersions([[id, row.version, fields, author, row.createdAt]]);
      await reindex(conn, pk);
      return row;
    },

    async assignCrs(
      id: DatasetId,
      crs: CrsInfo,
      assignment: CrsAssignment,
      display: { readonly key: string; readonly contentType: string } | null,
    ): Promise<void> {
      guard();
      const pk = await pkOf(id);
      await conn.run(
        `UPDATE datasets SET info = json_set(info, '$.crs', json(?)), crs_assignment = ?,
           display_key = coalesce(?, display_key), display_content_type = coalesce(?, display_content_type)
         WHERE pk = ?`,
        [
          JSON.stringify(crs),
          JSON.stringify(assignment),
          display?.key ?? null,
          display?.contentType ?? null,
          pk,
        ],
      );
      await reindex(conn, pk);
    },

    async setStatus(id: DatasetId, status: DatasetStatus): Promise<void> {
      guard();
      const pk = await pkOf(id);
      await conn.run('UPDATE datasets SET status = ? WHERE pk = ?', [status, pk]);
      await reindex(conn, pk);
    },

    async setStanding(id: DatasetId, change: Omit<StandingChange, 'at'>): Promise<StandingChange> {
      guard();
      const pk = await pkOf(id);
      const made: StandingChange = { ...change, at: now().toISOString() };
      await conn.run(
        'INSERT INTO dataset_standing (dataset_id, standing, reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)',
        [id, made.standing, made.reason, made.by, made.at],
      );
      await reindex(conn, pk);
      return made;
    },

    async insertReview(review: ReviewRow): Promise<void> {
      guard();
      await conn.run(
        `INSERT INTO reviews (id, dataset_id, profile_id, profile_version, profile_name, profile_sha256, rules, findings, content_sha256, reviewer, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          review.id,
          review.datasetId,
          review.profileId,
          review.profileVersion,
          review.profileName,
          review.profileSha256,
          review.rules === null ? null : JSON.stringify(review.rules),
          JSON.stringify(review.findings),
          review.contentSha256,
          review.reviewer,
          review.createdAt,
        ],
      );
    },

    async insertDecision(decision: FindingDecisionRow): Promise<void> {
      guard();
      await conn.run(
        `INSERT INTO finding_decisions (review_id, finding, decision, reason, decided_by, decided_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [
          decision.reviewId,
          decision.finding,
          decision.decision,
          decision.reason,
          decision.decidedBy,
          decision.decidedAt,
        ],
      );
    },

    async insertVerdict(verdict: ReviewVerdictRow): Promise<void> {
      guard();
      await conn.run(
        `INSERT INTO review_verdicts (review_id, verdict, comment, content_sha256, decided_by, decided_at, statement, signature)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          verdict.reviewId,
          verdict.verdict,
          verdict.comment,
          verdict.contentSha256,
          verdict.decidedBy,
          verdict.decidedAt,
          verdict.statement,
          verdict.signature,
        ],
      );
    },

    async insertReceipt(receipt: ReceiptInput): Promise<ReceiptRow> {
      guard();
      return insertReceipt(conn, receipt, now().toISOString());
    },

    async insertLineage(lineage: LineageRow): Promise<void> {
      guard();
      await conn.run(
        `INSERT INTO lineage (dataset_id, source_id, source_sha256, steps, author, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
        [
          lineage.datasetId,
          lineage.sourceId,
          lineage.sourceSha256,
          JSON.stringify(lineage.steps),
          lineage.author,
          lineage.createdAt,
        ],
      );
    },

    async putSetting(key: SettingKey, value: unknown, by: string): Promise<void> {
      guard();
      await conn.run(
        `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        [key, JSON.stringify(value), now().toISOString(), by],
      );
    },

    async putAccount(row) {
      guard();
      await writeAccount(conn, row);
    },

    async loginCounters(name) {
      guard();
      return readLoginCounters(conn, name);
    },

    async setLoginCounters(name, counters) {
      guard();
      await writeLoginCounters(conn, name, counters);
    },

    async appendAudit(entry: AuditInput): Promise<AuditRow> {
      guard();
      return appendAuditEntry(conn, now, key, entry);
    },
  };
}
