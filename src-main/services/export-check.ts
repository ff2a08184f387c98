import path from 'node:path';
import { StrataError } from '../api/errors.js';
import { runReview } from '../core/review/engine.js';
import type { ReviewProfile } from '../core/review/profile.js';
import type { DatasetRow, LineageRow } from '../core/ports/index.js';
import type { ServiceDeps } from './deps.js';
import { parseRowSubject } from './subject.js';
import type { SubjectRecord } from './subject-record.js';

const refuse = (reason: 'reason.lineageBroken' | 'reason.sameBytesAsSource'): StrataError =>
  new StrataError('EXPORT_REFUSED', { reason });

/**
 * What export checks of a public version's history instead of trusting its row (SECURITY.md: no
 * verdict in the catalogue is trusted at export): a lineage that names the row's source, a source
 * that exists, is an original and still has the bytes the lineage was made from, and files that
 * are not the source's own. A row pointed at itself or at another dataset by editing the catalogue
 * fails here. Returns the lineage and the source it names.
 */
export async function checkLineage(
  deps: ServiceDeps,
  row: DatasetRow,
): Promise<{ readonly lineage: LineageRow; readonly source: DatasetRow }> {
  const lineage = await deps.store.lineage(row.id);
  if (row.sourceId === null || row.sourceId === row.id || lineage?.sourceId !== row.sourceId)
    throw refuse('reason.lineageBroken');
  const source = await deps.store.getDataset(row.sourceId);
  if (source === null || source.sourceId !== null || source.sha256 !== lineage.sourceSha256)
    throw refuse('reason.lineageBroken');
  const original = new Set(source.files.map((f) => f.sha256));
  if (row.files.some((f) => original.has(f.sha256))) throw refuse('reason.sameBytesAsSource');
  return { lineage, source };
}

/**
 * The bag's payload inspection: the packaged copy of the dataset, parsed again from the bag's own
 * `data/` and reviewed with the workstation's profile, the record it is exported with and its
 * release history as the catalogue holds it now. Any
 * blocking finding refuses the bag, whatever review the catalogue holds.
 */
export const reviewPackaged =
  (deps: ServiceDeps, profile: ReviewProfile, row: DatasetRow, record: SubjectRecord) =>
  async (dataDir: string): Promise<void> => {
    const main = row.files[0];
    if (main === undefined) throw refuse('reason.lineageBroken');
    const subject = await parseRowSubject(deps, row, path.join(dataDir, main.name), record);
    const { blocking } = runReview(subject, profile);
    if (blocking > 0)
      throw new StrataError('EXPORT_REFUSED', { reason: 'reason.exportReviewFailed', count: blocking });
  };
