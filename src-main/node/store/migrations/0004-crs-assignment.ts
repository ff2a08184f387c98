import type { Migration } from './migration.js';

/**
 * A CRS given by a user to a dataset whose file has none (ADR 0104). `info.crs` is then the
 * assigned CRS (every reader sees it); this column says that it was assigned, by whom and when,
 * and what the dataset had before (`{code, previous, by, at}`). NULL: the CRS is the file's own.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'crs-assignment',
  sql: `
ALTER TABLE datasets ADD COLUMN crs_assignment TEXT
  CHECK (crs_assignment IS NULL OR (json_valid(crs_assignment) AND json_type(crs_assignment, '$.code') IS 'text'));
`,
};
