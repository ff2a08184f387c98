export { openCatalogue, type Catalogue, type OpenCatalogueOptions } from './catalogue.js';
export { openObjectStore, type LocalObjectStore } from './object-store.js';
export { backupCatalogue } from './backup.js';
export { STRATA_APPLICATION_ID, LATEST_SCHEMA_VERSION } from './migrations/index.js';
export { ledgerKey, type LedgerKey } from './ledger-key.js';

/** The catalogue's file name in a workstation home. */
export const CATALOGUE_FILE = 'catalogue.sqlite';
/** The head of the audit and version chains, kept in the home beside the catalogue (ADR 0185). */
export const AUDIT_HEAD_FILE = 'audit-head.json';
