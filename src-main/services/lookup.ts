import type { DatasetId } from '../core/model/index.js';
import type { DatasetRow, RecordVersionRow } from '../core/ports/index.js';
import { StrataError } from '../api/errors.js';
import type { ServiceDeps } from './deps.js';

export async function requireDataset(deps: ServiceDeps, id: DatasetId): Promise<DatasetRow> {
  const row = await deps.store.getDataset(id);
  if (!row) throw new StrataError('NOT_FOUND', { what: id });
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
