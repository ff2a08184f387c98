import type { Migration } from './migration.js';

/**
 * The receiving side's record of every package it was given (issue 9, ADR 0177): taken in or
 * refused, with the report's steps, the pinned key that verified it and the datasets it became.
 * Append-only; a package taken in once is found again by its signed tag manifest's hash.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'receipts',
  sql: `
CREATE TABLE receipts (
  seq                  INTEGER PRIMARY KEY,
  bag                  TEXT    NOT NULL,
  tag_manifest_sha256  TEXT    CHECK (tag_manifest_sha256 IS NULL OR length(tag_manifest_sha256) = 64),
  signer               TEXT,
  ok                   INTEGER NOT NULL CHECK (ok IN (0, 1)),
  failed_step          TEXT,
  checks               TEXT    NOT NULL,
  datasets             TEXT    NOT NULL,
  external_identifier  TEXT    NOT NULL,
  source_organization  TEXT    NOT NULL,
  provenance           TEXT    CHECK (provenance IS NULL OR json_valid(provenance)),
  received_by          TEXT    NOT NULL,
  received_at          TEXT    NOT NULL,
  CHECK ((ok = 1) = (failed_step IS NULL))
) STRICT;
CREATE INDEX receipts_taken_in ON receipts (tag_manifest_sha256) WHERE ok = 1;
CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts
BEGIN
  SELECT RAISE(ABORT, 'receipts are append-only');
END;
CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts
BEGIN
  SELECT RAISE(ABORT, 'receipts are append-only');
END;
`,
};
