import type { DatasetId } from '../core/model/index.js';
import type { DatasetRow, RecordFieldsRow } from '../core/ports/index.js';
import type { ReleaseHistory, SubjectMarking } from '../core/review/rule.js';
import type { ServiceDeps } from './deps.js';

/**
 * What a review reads of a dataset's catalogue besides its bytes: the record it goes out with (its
 * texts and marking) and, for a public version, what the catalogue holds of its release history.
 */
export interface SubjectRecord {
  readonly fields: RecordFieldsRow;
  readonly release: ReleaseHistory | null;
}

/** The subject's marking (the `marking` rule) from its record. */
export const markingOf = (record: SubjectRecord): SubjectMarking => ({
  level: record.fields.level,
  period: record.fields.period,
  attribution: record.fields.attribution,
  release: record.release,
});

/** Whether the latest review of dataset `id` is of the bytes that hash to `sha256`. */
export async function reviewedAs(deps: ServiceDeps, id: DatasetId, sha256: string): Promise<boolean> {
  const review = await deps.store.latestReview(id);
  return review?.contentSha256 === sha256;
}

/**
 * The release history of a stored dataset, null for an original (no source). A lineage counts when
 * it names the row's source, not the row itself, with at least one step; the source counts as
 * reviewed when its latest review is of the bytes that lineage was made from (without one, of the
 * source's bytes now).
 */
export async function releaseHistory(deps: ServiceDeps, row: DatasetRow): Promise<ReleaseHistory | null> {
  const sourceId = row.sourceId;
  if (sourceId === null) return null;
  const lineage = await deps.store.lineage(row.id);
  const named = lineage?.sourceId === sourceId && sourceId !== row.id && lineage.steps.length > 0;
  const sha256 = lineage?.sourceSha256 ?? (await deps.store.getDataset(sourceId))?.sha256;
  return {
    lineage: named,
    sourceReviewed: sha256 !== undefined && (await reviewedAs(deps, sourceId, sha256)),
  };
}

/** The record a review of stored dataset `row` reads: `fields` (its latest version) and its release history. */
export const storedRecord = async (
  deps: ServiceDeps,
  row: DatasetRow,
  fields: RecordFieldsRow,
): Promise<SubjectRecord> => ({ fields, release: await releaseHistory(deps, row) });
