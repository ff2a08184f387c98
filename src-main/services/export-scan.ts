import { StrataError } from '../api/errors.js';
import { runReview } from '../core/review/engine.js';
import type { ReviewProfile } from '../core/review/profile.js';
import type { DatasetRow } from '../core/ports/index.js';
import { buildInventory } from '../core/scan/build-inventory.js';
import { secretPatterns } from '../core/scan/secret-patterns.js';
import type { ServiceDeps } from './deps.js';
import { withStagedSubject } from './subject.js';

/**
 * The independent re-scan of a bag's payload before it is signed (issue 9, ADR 0178): the public
 * version's source is read again, its review's findings say which field values must be gone, its
 * hidden content and its exact coordinates must be gone too, and every packaged byte is searched
 * for them. Any hit refuses the export, naming the file and the kind of value, never the value.
 */
export const scanPackaged =
  (deps: ServiceDeps, profile: ReviewProfile, source: DatasetRow) =>
  async (dataDir: string): Promise<void> => {
    const { inventory, coordinates } = await withStagedSubject(deps, source, (subject) =>
      Promise.resolve(
        buildInventory({
          features: subject.kind === 'vector' ? subject.features : [],
          findings: runReview(subject, profile).findings,
          hidden: subject.hidden,
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
