import type { Migration } from './migration.js';

/**
 * The reviewer's verdict on a whole review (issue 8, ADR 0174): approve or return, once per review
 * (a later change of content needs a new review). Append-only; a return needs a comment. The
 * content SHA-256 is the one the review read, so a verdict never outlives the bytes it judged.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'review-verdicts',
  sql: `
CREATE TABLE review_verdicts (
  pk             INTEGER PRIMARY KEY,
  review_id      TEXT    NOT NULL UNIQUE REFERENCES reviews (id),
  verdict        TEXT    NOT NULL CHECK (verdict IN ('approve', 'return')),
  comment        TEXT    NOT NULL,
  content_sha256 TEXT    NOT NULL CHECK (length(content_sha256) = 64),
  decided_by     TEXT    NOT NULL,
  decided_at     TEXT    NOT NULL,
  CHECK (verdict = 'approve' OR length(trim(comment)) > 0)
) STRICT;
CREATE TRIGGER review_verdicts_no_update BEFORE UPDATE ON review_verdicts
BEGIN
  SELECT RAISE(ABORT, 'review verdicts are append-only');
END;
CREATE TRIGGER review_verdicts_no_delete BEFORE DELETE ON review_verdicts
BEGIN
  SELECT RAISE(ABORT, 'review verdicts are append-only');
END;
`,
};
