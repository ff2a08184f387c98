import type { Migration } from './migration.js';

/**
 * A dataset is one layer of its file (ADR 0135): a GeoPackage table, a KML folder. `layer` names
 * it inside the file; null for single-layer formats, as every dataset written before this step is.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'dataset-layer',
  sql: `
ALTER TABLE datasets ADD COLUMN layer TEXT CHECK (layer IS NULL OR length(layer) > 0);
`,
};
