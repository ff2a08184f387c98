import type { Migration } from './migration.js';

/**
 * Reviewers' decisions on findings (issue 8): append-only, the latest per finding holds; a reason
 * is required unless the finding is sent back to be fixed. The finding is its 1-based number in
 * the review's list, which never changes (a review row is written once).
 */
export const migration0009: Migration = {
  version: 9,
  name: 'finding-decisions',
  sql: `
CREATE TABLE finding_decisions (
  pk         INTEGER PRIMARY KEY,
  review_id  TEXT    NOT NULL REFERENCES reviews (id),
  finding    INTEGER NOT NULL CHECK (finding >= 1),
  decision   TEXT    NOT NULL CHECK (decision IN ('must-fix', 'accept', 'false-positive')),
  reason     TEXT    NOT NULL,
  decided_by TEXT    NOT NULL,
  decided_at TEXT    NOT NULL,
  CHECK (decision = 'must-fix' OR length(trim(reason)) > 0)
) STRICT;
CREATE INDEX finding_decisions_review ON finding_decisions (review_id, finding, pk);
CREATE TRIGGER finding_decisions_no_update BEFORE UPDATE ON finding_decisions
BEGIN
  SELECT RAISE(ABORT, 'finding decisions are append-only');
END;
CREATE TRIGGER finding_decisions_no_delete BEFORE DELETE ON finding_decisions
BEGIN
  SELECT RAISE(ABORT, 'finding decisions are append-only');
END;
`,
};
