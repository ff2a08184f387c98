import type { DatasetId } from '../core/model/index.js';
import type { DatasetRow, RecordVersionRow } from '../core/ports/index.js';
import { StrataError } from '../api/errors.js';
import { standingKey } from '../core/catalogue/standing.js';
import type { ServiceDeps } from './deps.js';

export async function requireDataset(deps: ServiceDeps, id: DatasetId): Promise<DatasetRow> {
  const row = await deps.store.getDataset(id);
  if (!row) throw new StrataError('NOT_FOUND', { what: id });
  return row;
}

/**
 * The dataset, refused with NOT_IN_USE (naming its standing) when it, or the original it was made
 * from, is withdrawn or archived: such data is not offered for review, release or export (ADR 0171).
 */
export async function requireInUse(deps: ServiceDeps, id: DatasetId): Promise<DatasetRow> {
  const row = await requireDataset(deps, id);
  const source = row.sourceId === null ? null : await requireDataset(deps, row.sourceId);
  for (const held of [row, source]) {
    const standing = held?.standing?.standing ?? 'active';
    if (standing !== 'active') throw new StrataError('NOT_IN_USE', { state: standingKey(standing) });
  }
  return row;
}

/** Versions oldest first; a dataset always has version 1 from its import. */
export async function requireRecords(
  deps: ServiceDeps,
  id: DatasetId,
): Promise<{ versions: RecordVersionRow[]; latest: RecordVersionRow }> {
  const versions = await deps.store.recordVersions(id);
  const latest = versions.at(-1);
  if (!latest) throw new StrataError('NOT_FOUND', { what: id });
  return { versions, latest };
}
