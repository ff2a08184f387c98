import type { Migration } from './migration.js';

/**
 * Workstation settings an administrator sets (ADR 0107): one JSON value per key (today only
 * `basemaps`), with who set it and when. Each change is written with its audit entry in one
 * transaction, so the audit log is the settings' history.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'settings',
  sql: `
CREATE TABLE settings (
  key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
`,
};
