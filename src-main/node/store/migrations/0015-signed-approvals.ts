import type { Migration } from './migration.js';

/**
 * An approval carries the reviewer's own signature (issue 8, ADR 0176): the statement they signed
 * (JSON) and its Ed25519 signature (base64), both or neither. Approvals stored before this step
 * have neither and bind nothing: release and export refuse them.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'signed-approvals',
  sql: `
ALTER TABLE review_verdicts ADD COLUMN statement TEXT;
ALTER TABLE review_verdicts ADD COLUMN signature TEXT
  CHECK ((signature IS NULL) = (statement IS NULL));
`,
};
