import { StrataError } from '../api/errors.js';
import { runReview } from '../core/review/engine.js';
import type { ReviewProfile } from '../core/review/profile.js';
import type { DatasetRow, LineageRow } from '../core/ports/index.js';
import { buildInventory } from '../core/scan/build-inventory.js';
import { secretPatterns } from '../core/scan/secret-patterns.js';
import type { ServiceDeps } from './deps.js';
import { withStagedSubject } from './subject.js';

/**
 * The independent re-scan of a bag's payload before it is signed (issue 9, ADR 0178): the public
 * version's source is read again, its review's findings say which field values must be gone, its
 * hidden content and its exact coordinates (those finer than the grid the lineage records) must
 * be gone too, and every packaged byte is searched for them. Any hit refuses the export, naming the file and the kind of value, never the value.
 */
/** The grid the lineage says the coordinates were degraded to, in the source CRS's units. */
function recordedGrid(lineage: LineageRow, metresPerUnit: number): number | null {
  const step = lineage.steps.find((s) => s.step === 'degrade-coordinates');
  const grid = step?.params['grid'];
  if (typeof grid !== 'number') return null;
  return step?.params['unit'] === '°' ? grid : grid / metresPerUnit;
}

export const scanPackaged =
  (deps: ServiceDeps, profile: ReviewProfile, source: DatasetRow, lineage: LineageRow) =>
  async (dataDir: string): Promise<void> => {
    const { inventory, coordinates } = await withStagedSubject(deps, source, (subject) =>
      Promise.resolve(
        buildInventory({
          features: subject.kind === 'vector' ? subject.features : [],
          findings: runReview(subject, profile).findings,
          hidden: subject.hidden,
          grid:
            subject.kind === 'vector' ? recordedGrid(lineage, subject.info.crs?.metresPerUnit ?? 1) : null,
        }),
      ),
    );
    const hits = await deps.scanner.scanPayload(dataDir, secretPatterns(inventory), coordinates);
    const first = hits[0];
    if (first !== undefined)
      throw new StrataError('EXPORT_REFUSED', {
        reason: 'reason.payloadScanHit',
        file: first.file,
        kind: `scan.kind.${first.kind}`,
        encoding: first.encoding,
        offset: first.offset,
        count: hits.length,
      });
  };
