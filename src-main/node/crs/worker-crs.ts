import { createCrsRegistry, installCrsRegistry, registryRows, type EpsgRow } from '../../core/crs/index.js';
import { validEpsgRows } from './epsg-resource.js';

/** What a worker thread needs to answer CRS lookups as its parent does: the parent's table. */
export const crsWorkerData = (): { readonly epsgRows: readonly EpsgRow[] } => ({ epsgRows: registryRows() });

/** In a worker: installs the table its parent sent, validated again (it crossed a thread boundary). */
export function installWorkerCrs(workerData: unknown): void {
  const rows = (workerData as { readonly epsgRows?: unknown } | null)?.epsgRows;
  installCrsRegistry(createCrsRegistry(validEpsgRows(rows)));
}
