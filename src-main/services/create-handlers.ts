import type { ReviewProfile } from '../core/review/profile.js';
import { backupCatalogue, restoreCatalogue } from './catalogue-backup-service.js';
import type { Handlers } from '../api/contract.js';
import type { JobContext, JobsPort, ServiceDeps } from './deps.js';
import { importFiles } from './import-service.js';
import { datasetFeatures } from './features-service.js';
import { featurePage } from './feature-page-service.js';
import { TableCache } from '../core/table/table-cache.js';
import { getDataset, listDatasets, saveRecord } from './catalogue-service.js';
import { searchCatalogue } from './search-service.js';
import { diffVersions, restoreVersion } from './record-versions.js';
import { exportMetadata, importMetadata } from './metadata-service.js';
import { changeStanding } from './standing-service.js';
import { decideFinding, runDatasetReview } from './review-service.js';
import { approveReview, returnReview } from './verdict-service.js';
import { createRelease } from './release-service.js';
import { previewReleasePlan } from './release-plan.js';
import { exportPackage, verifyPackage } from './exchange-service.js';
import { receivePackage } from './receive-service.js';
import { trustKey } from './trusted-keys-service.js';
import { assignCrs, loadDatumShifts, mapTransforms, searchCrsService } from './crs-service.js';
import { listBasemaps, setBasemaps } from './basemaps-service.js';
import { sheetService } from './sheet-service.js';
import { createProduct, productLayout } from './product-service.js';
import { createAtlas } from './atlas-service.js';
import { addUser, disableUser, enableAccounts, listUsers, setUserRoles } from './users-service.js';
import { changePassword, login, logout } from './session-service.js';
import {
  listProfiles,
  loadProfile,
  reviewProfile,
  showProfile,
  type ShippedProfile,
} from './profiles-service.js';

/** Methods every host gets from the shared services; hosts add `system.*` themselves. */
export type ServiceHandlers = Omit<Handlers, 'system.info' | 'system.pickFiles'>;

/**
 * The contract's service methods over one set of dependencies and the host's job registry; reviews
 * run the first shipped profile.
 */
export function createHandlers(
  deps: ServiceDeps,
  shipped: readonly [ShippedProfile, ...ShippedProfile[]],
  jobs: JobsPort,
): ServiceHandlers {
  const profile: ReviewProfile = shipped[0].profile;
  /** Runs long work as a job the client can follow and cancel under the id it chose. */
  const asJob = async <T>(jobId: string | undefined, work: (job: JobContext) => Promise<T>): Promise<T> => {
    const job = jobs.start(jobId);
    let ok = false;
    try {
      const value = await work(job);
      ok = true;
      return value;
    } finally {
      job.finish(ok);
    }
  };
  /** The attribute table's opened layers, one bounded cache per host (ADR 0112). */
  const tables = new TableCache();
  return {
    'datasets.import': ({ paths, options, allowDuplicate, jobId }, ctx) =>
      asJob(jobId, (job) => importFiles(deps, ctx, paths, job, options, allowDuplicate === true)),
    'datasets.features': ({ id, limit }) => datasetFeatures(deps, id, limit),
    'datasets.featurePage': (args) => featurePage(deps, tables, args),
    'datasets.list': ({ all }) => listDatasets(deps, all),
    'datasets.withdraw': ({ id, reason }, ctx) => changeStanding(deps, ctx, id, 'withdraw', reason),
    'datasets.archive': ({ id, reason }, ctx) => changeStanding(deps, ctx, id, 'archive', reason),
    'datasets.restore': ({ id, reason }, ctx) => changeStanding(deps, ctx, id, 'restore', reason),
    'datasets.get': ({ id }) => getDataset(deps, id),
    'catalogue.search': (args) => searchCatalogue(deps, args),
    'catalogue.save': ({ id, baseVersion, fields }, ctx) => saveRecord(deps, ctx, id, baseVersion, fields),
    'catalogue.diff': ({ id, from, to }) => diffVersions(deps, id, from, to),
    'catalogue.restoreVersion': ({ id, version, baseVersion }, ctx) =>
      restoreVersion(deps, ctx, id, version, baseVersion),
    'metadata.export': ({ id, format }) => exportMetadata(deps, id, format),
    'metadata.import': ({ file }, ctx) => importMetadata(deps, ctx, file),
    'review.run': async ({ id, profile: chosen }, ctx) =>
      runDatasetReview(
        deps,
        ctx,
        chosen === undefined ? profile : await reviewProfile(deps, shipped, chosen),
        id,
      ),
    'review.decide': (args, ctx) => decideFinding(deps, ctx, args),
    'review.approve': ({ reviewId, comment, password }, ctx) =>
      approveReview(deps, ctx, { reviewId, comment: comment ?? '' }, password),
    'review.return': ({ reviewId, comment }, ctx) => returnReview(deps, ctx, { reviewId, comment }),
    'release.create': ({ id, jobId, format }, ctx) =>
      asJob(jobId, (job) =>
        createRelease(deps, ctx, (pid) => reviewProfile(deps, shipped, pid), id, job, format),
      ),
    'release.plan': ({ id, format }) =>
      previewReleasePlan(deps, (pid) => reviewProfile(deps, shipped, pid), id, format),
    'exchange.export': ({ id, outDir, jobId }, ctx) =>
      asJob(jobId, (job) => exportPackage(deps, ctx, profile, id, outDir, job)),
    'exchange.verify': ({ bag, keyPem }) => verifyPackage(deps, bag, keyPem),
    'exchange.receive': ({ bag, jobId }, ctx) => asJob(jobId, (job) => receivePackage(deps, ctx, bag, job)),
    'exchange.receipts': async ({ limit }) =>
      (await deps.store.receipts(limit)).map((r) => ({
        seq: r.seq,
        bag: r.bag,
        ok: r.ok,
        failedStep: r.failedStep,
        signer: r.signer,
        externalIdentifier: r.externalIdentifier,
        sourceOrganization: r.sourceOrganization,
        datasets: r.datasets,
        receivedBy: r.receivedBy,
        receivedAt: r.receivedAt,
      })),
    'jobs.cancel': ({ jobId }) => Promise.resolve({ cancelled: jobs.cancel(jobId) }),
    'keys.publicKey': () =>
      Promise.resolve({ pem: deps.signer.publicKeyPem(), fingerprint: deps.signer.fingerprint() }),
    'keys.trust': ({ pem }, ctx) => trustKey(deps, ctx, pem),
    'keys.trusted': async () => [...(await deps.trustedKeys.list())],
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
    'catalogue.backup': ({ file }, ctx) => backupCatalogue(deps, ctx, file),
    'catalogue.restore': ({ file }, ctx) => restoreCatalogue(deps, ctx, file),
    // Coordinate systems (issue 6).
    'crs.search': ({ query, limit }) => searchCrsService(query, limit),
    'dataset.assignCrs': ({ id, code, replace }, ctx) => assignCrs(deps, ctx, id, code, replace),
    'crs.loadDatumShifts': ({ path }) => loadDatumShifts(path),
    'crs.mapTransforms': ({ pairs }) => Promise.resolve(mapTransforms(pairs)),
    // Map products (issue 10).
    'maps.sheet': (args) => sheetService(args),
    'products.create': (args, ctx) => asJob(args.jobId, (job) => createProduct(deps, ctx, args, job)),
    'products.layout': (args, ctx) => productLayout(deps, ctx, args),
    'products.atlas': (args, ctx) => asJob(args.jobId, (job) => createAtlas(deps, ctx, args, job)),
    // Basemaps (issue 6).
    'basemaps.list': () => listBasemaps(deps),
    'basemaps.set': ({ basemaps }, ctx) => setBasemaps(deps, ctx, basemaps),
    // Local accounts (issue 7).
    'accounts.enable': (admin, ctx) => enableAccounts(deps, ctx, admin),
    'users.add': (account, ctx) => addUser(deps, ctx, account),
    'users.list': () => listUsers(deps),
    'users.disable': ({ name }, ctx) => disableUser(deps, ctx, name),
    'users.setRole': ({ name, roles }, ctx) => setUserRoles(deps, ctx, name, roles),
    'session.login': ({ name, password }) => login(deps, name, password),
    'session.logout': () => logout(deps),
    'users.changePassword': async ({ oldPassword, newPassword }, ctx) => {
      await changePassword(deps, ctx, oldPassword, newPassword);
      return { changed: true as const };
    },
    'profiles.list': () => listProfiles(deps, shipped),
    'profiles.show': ({ id }) => showProfile(deps, shipped, id),
    'profiles.load': ({ file }, ctx) => loadProfile(deps, ctx, shipped, file),
  };
}
