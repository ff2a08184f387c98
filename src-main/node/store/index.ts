export { openCatalogue, type Catalogue, type OpenCatalogueOptions } from './catalogue.js';
export { openObjectStore, type LocalObjectStore } from './object-store.js';
export { backupCatalogue } from './backup.js';
export { STRATA_APPLICATION_ID, LATEST_SCHEMA_VERSION } from './migrations/index.js';
