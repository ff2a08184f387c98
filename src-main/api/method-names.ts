import type { MethodName } from './contract.js';

// A record keyed by MethodName makes the type checker refuse a missing or an extra name, so this
// plain list stays equal to the contract without importing it (and zod) at run time.
const METHODS: Readonly<Record<MethodName, true>> = {
  'system.info': true,
  'system.pickFiles': true,
  'datasets.import': true,
  'datasets.list': true,
  'datasets.get': true,
  'datasets.withdraw': true,
  'datasets.archive': true,
  'datasets.restore': true,
  'datasets.features': true,
  'datasets.featurePage': true,
  'catalogue.search': true,
  'catalogue.save': true,
  'catalogue.diff': true,
  'catalogue.restoreVersion': true,
  'metadata.export': true,
  'metadata.import': true,
  'review.run': true,
  'review.decide': true,
  'review.approve': true,
  'review.return': true,
  'release.create': true,
  'release.plan': true,
  'exchange.export': true,
  'exchange.verify': true,
  'exchange.receive': true,
  'exchange.receipts': true,
  'jobs.cancel': true,
  'keys.publicKey': true,
  'keys.trust': true,
  'keys.trusted': true,
  'audit.list': true,
  'audit.verify': true,
  'catalogue.backup': true,
  'catalogue.restore': true,
  // Coordinate systems (issue 6).
  'crs.search': true,
  'dataset.assignCrs': true,
  'crs.loadDatumShifts': true,
  'crs.mapTransforms': true,
  // Map products (issue 10).
  'maps.sheet': true,
  'products.create': true,
  'products.atlas': true,
  'products.layout': true,
  // Basemaps (issue 6).
  'basemaps.list': true,
  'basemaps.set': true,
  // Local accounts (issue 7).
  'accounts.enable': true,
  'users.add': true,
  'users.list': true,
  'users.disable': true,
  'users.setRole': true,
  'session.login': true,
  'session.logout': true,
  'users.changePassword': true,
  'profiles.list': true,
  'profiles.show': true,
  'profiles.load': true,
};

/**
 * Every contract method name, free of runtime dependencies: the sandboxed Electron preload
 * bundles it to refuse unknown methods before they cross IPC.
 */
export const METHOD_NAME_LIST: readonly MethodName[] = Object.freeze(Object.keys(METHODS) as MethodName[]);
