import type { Migration } from './migration.js';

/**
 * What the curator said at import about a file its bytes cannot say (a table's coordinate columns,
 * its CRS, a text encoding; `OpenOptions`), as JSON. Every later read of the stored file (review,
 * release, features) opens it the same way. NULL: opened from its bytes alone.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'open-options',
  sql: `
ALTER TABLE datasets ADD COLUMN open_options TEXT
  CHECK (open_options IS NULL OR (json_valid(open_options) AND json_type(open_options) = 'object'));
`,
};
