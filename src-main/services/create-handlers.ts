import type { ReviewProfile } from '../core/review/profile.js';
import type { Handlers } from '../api/contract.js';
import type { ServiceDeps } from './ports.js';
import { importFile } from './import-service.js';
import { getDataset, listDatasets, saveRecord } from './catalogue-service.js';
import { runDatasetReview } from './review-service.js';
import { createRelease } from './release-service.js';
import { exportPackage, verifyPackage } from './exchange-service.js';
import { StrataError, type ErrorCode } from '../api/errors.js';
import { errorMessage } from '../api/messages.js';
import type { DatasetSummary, ImportFailure } from '../api/types.js';
import path from 'node:path';

/** Methods every host gets from the shared services; hosts add `system.*` themselves. */
export type ServiceHandlers = Omit<Handlers, 'system.info' | 'system.pickFiles' | 'system.setLanguage'>;

/** The contract's service methods over one set of dependencies. */
export function createHandlers(deps: ServiceDeps, profile: ReviewProfile): ServiceHandlers {
  return {
    'datasets.import': async ({ paths }) => {
      const datasets: DatasetSummary[] = [];
      const failures: ImportFailure[] = [];
      for (const file of paths) {
        try {
          datasets.push(await importFile(deps, file));
        } catch (error) {
          // A parser that trips over a hostile file must not take the batch down with it.
          const known =
            error instanceof StrataError
              ? error
              : new StrataError('CORRUPT_FILE', { file: path.basename(file), problem: 'parser failure' });
          const code: ErrorCode = known.code;
          failures.push({
            file: path.basename(file),
            code,
            message: errorMessage(code, known.params, deps.lang()),
          });
        }
      }
      return { datasets, failures };
    },
    'datasets.list': () => listDatasets(deps),
    'datasets.get': ({ id }) => getDataset(deps, id),
    'catalogue.save': ({ id, baseVersion, fields }) => saveRecord(deps, id, baseVersion, fields),
    'review.run': ({ id }) => runDatasetReview(deps, profile, id),
    'release.create': ({ id }) => createRelease(deps, profile, id),
    'exchange.export': ({ id, outDir }) => exportPackage(deps, id, outDir),
    'exchange.verify': ({ bag, keyPem }) => verifyPackage(deps, bag, keyPem),
    'keys.publicKey': () =>
      Promise.resolve({ pem: deps.signer.publicKeyPem(), fingerprint: deps.signer.fingerprint() }),
    'audit.list': async ({ limit }) =>
      (await deps.store.auditList(limit)).map((row) => ({
        seq: row.seq,
        at: row.at,
        actor: row.actor,
        action: row.action,
        subject: row.subject,
        details: row.details,
        hash: row.hash,
      })),
    'audit.verify': () => deps.store.auditVerify(),
  };
}
