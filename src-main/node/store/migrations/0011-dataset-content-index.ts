import type { Migration } from './migration.js';

/**
 * Import finds a dataset already holding the same bytes (ADR 0169): an index on the primary
 * file's SHA-256 and the layer inside it, so the look-up stays one index probe in a catalogue of
 * a million records.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'dataset-content-index',
  sql: `
CREATE INDEX datasets_content ON datasets (sha256, layer);
`,
};
