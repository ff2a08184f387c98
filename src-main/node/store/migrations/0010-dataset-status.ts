import type { Migration } from './migration.js';

/**
 * Withdrawing and archiving datasets (issue 7, ADR 0171): an append-only list of changes of a
 * dataset's standing, each with its reason, who and when; the latest holds and a dataset with none
 * is active. The dataset row, its record versions and its stored files are untouched.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'dataset-status',
  sql: `
CREATE TABLE dataset_standing (
  pk         INTEGER PRIMARY KEY,
  dataset_id TEXT    NOT NULL REFERENCES datasets (id),
  standing   TEXT    NOT NULL CHECK (standing IN ('active', 'withdrawn', 'archived')),
  reason     TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
  changed_by TEXT    NOT NULL,
  changed_at TEXT    NOT NULL
) STRICT;
CREATE INDEX dataset_standing_dataset ON dataset_standing (dataset_id, pk);
CREATE TRIGGER dataset_standing_no_update BEFORE UPDATE ON dataset_standing
BEGIN
  SELECT RAISE(ABORT, 'dataset standing changes are append-only');
END;
CREATE TRIGGER dataset_standing_no_delete BEFORE DELETE ON dataset_standing
BEGIN
  SELECT RAISE(ABORT, 'dataset standing changes are append-only');
END;
`,
};
