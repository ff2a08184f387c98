import type { CallContext } from '../api/caller.js';
import type { DatasetId } from '../core/model/index.js';
import type { z } from 'zod';
import type { recordFieldsSchema } from '../api/contract.js';
import type { DatasetDetail, DatasetSummary, RecordVersion } from '../api/types.js';
import type { ServiceDeps } from './deps.js';
import { requireDataset, requireRecords } from './lookup.js';
import { commitRecord } from './record-versions.js';
import { toDisplay, toLineage, toRecordVersion, toReviewReport, toSummary } from './dataset-view.js';

/** The datasets in use, or with `all` also the withdrawn and archived ones (ADR 0171). */
export async function listDatasets(deps: ServiceDeps, all: boolean): Promise<DatasetSummary[]> {
  const rows = await deps.store.listDatasets(all ? {} : { standing: 'active' });
  return Promise.all(rows.map(async (row) => toSummary(row, (await requireRecords(deps, row.id)).latest)));
}

export async function getDataset(deps: ServiceDeps, id: DatasetId): Promise<DatasetDetail> {
  const row = await requireDataset(deps, id);
  const { versions, latest } = await requireRecords(deps, id);
  const [review, lineage, derived] = await Promise.all([
    deps.store.latestReview(id),
    deps.store.lineage(id),
    deps.store.derivedFrom(id),
  ]);
  const decisions = review ? await deps.store.decisions(review.id) : [];
  const verdict = review ? await deps.store.verdict(review.id) : null;
  const crs = row.info.crs;
  return {
    summary: toSummary(row, latest),
    record: toRecordVersion(latest),
    versions: versions.map(toRecordVersion).reverse(),
    fields: row.info.kind === 'vector' ? row.info.fields : [],
    // A verdict on other bytes than the dataset holds now does not hold (ADR 0174).
    review: review
      ? toReviewReport(review, decisions, verdict?.contentSha256 === row.sha256 ? verdict : null)
      : null,
    lineage: lineage ? toLineage(lineage) : null,
    publicVersions: derived,
    display: toDisplay(row),
    crsDefinition: crs ? { code: crs.code ?? `STRATA:${row.id}`, proj4: crs.proj4 } : null,
    crsAssignment: row.crsAssignment ?? null,
    standingChange: row.standing ?? null,
  };
}

/** Saves the edited 著录 fields as a new record version (optimistic: `baseVersion` must be the latest). */
export async function saveRecord(
  deps: ServiceDeps,
  ctx: CallContext,
  id: DatasetId,
  baseVersion: number,
  given: z.output<typeof recordFieldsSchema>,
): Promise<RecordVersion> {
  await requireDataset(deps, id);
  const { latest } = await requireRecords(deps, id);
  // A client that sends no 数据来源 does not clear it: every use must still cite the source. Fields
  // a client does not send (档号, 形成单位 … from a form that does not edit them) carry over from
  // the latest version; empty ones clear them.
  const fields = { ...latest.fields, ...given, attribution: given.attribution ?? latest.fields.attribution };
  const change = await commitRecord(deps, ctx, id, baseVersion, latest, fields, (saved, stored) => ({
    action: 'catalogue.save',
    details: { version: saved.version, level: stored.level },
  }));
  return change.record;
}
