import type { CallContext } from '../api/caller.js';
import type { DatasetId } from '../core/model/index.js';
import type { RecordFieldsRow } from '../core/ports/index.js';
import type { DatasetDetail, DatasetSummary, RecordVersion } from '../api/types.js';
import type { ServiceDeps } from './deps.js';
import { requireDataset, requireRecords } from './lookup.js';
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
  given: Omit<RecordFieldsRow, 'attribution'> & { readonly attribution?: string | undefined },
): Promise<RecordVersion> {
  await requireDataset(deps, id);
  const { latest } = await requireRecords(deps, id);
  // A client that sends no 数据来源 does not clear it: every use must still cite the source. Fields
  // the form does not edit yet (档号, 形成单位 …; ADR 0182) carry over from the latest version.
  const fields: RecordFieldsRow = {
    ...latest.fields,
    ...given,
    attribution: given.attribution ?? latest.fields.attribution,
  };
  // A form saved unchanged on the latest version makes no empty version and no audit entry; on an
  // older base the store still refuses it as a conflict.
  if (latest.version === baseVersion && sameFields(latest.fields, fields)) return toRecordVersion(latest);
  const saved = await deps.store.write(async (tx) => {
    const version = await tx.appendRecordVersion(id, baseVersion, fields, ctx.user);
    await tx.appendAudit({
      actor: ctx.user,
      action: 'catalogue.save',
      subject: id,
      details: { version: version.version, level: fields.level },
    });
    return version;
  });
  return toRecordVersion(saved);
}

/** Every field of either record equal in both: a field the record type gains is compared too. */
function sameFields(a: RecordFieldsRow, b: RecordFieldsRow): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof RecordFieldsRow>;
  return [...keys].every((key) => a[key] === b[key]);
}
