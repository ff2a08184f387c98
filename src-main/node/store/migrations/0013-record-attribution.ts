import type { Migration } from './migration.js';

/**
 * 数据来源 (attribution) on every record version (issue 8's `marking` rule: a record names whom
 * every use must cite before anything is exported). Versions written before hold none: empty, which
 * the rule finds missing; nothing is invented for them.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'record-attribution',
  sql: `ALTER TABLE record_versions ADD COLUMN attribution TEXT NOT NULL DEFAULT '';`,
};
