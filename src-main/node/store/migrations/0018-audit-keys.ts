import type { Migration } from './migration.js';

const GENESIS = '0'.repeat(64);

/**
 * Keys and anchors for the audit log and record versions (ADR 0185). `audit_keys` holds one
 * HMAC per audit entry under the workstation's audit key (kept outside the catalogue), so an edited
 * and re-chained entry or a forged one fails its key. `version_chain` is a second hash chain with
 * one keyed link per record version (the version's content hash), so a deleted or edited version
 * is caught the same way. Both are append-only like the audit table.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'audit-keys',
  sql: `
CREATE TABLE audit_keys (
  seq INTEGER PRIMARY KEY REFERENCES audit (seq),
  mac TEXT    NOT NULL CHECK (length(mac) = 64)
) STRICT;
CREATE TRIGGER audit_keys_no_update BEFORE UPDATE ON audit_keys
BEGIN
  SELECT RAISE(ABORT, 'audit keys are append-only');
END;
CREATE TRIGGER audit_keys_no_delete BEFORE DELETE ON audit_keys
BEGIN
  SELECT RAISE(ABORT, 'audit keys are append-only');
END;

CREATE TABLE version_chain (
  seq          INTEGER PRIMARY KEY,
  dataset_id   TEXT    NOT NULL,
  version      INTEGER NOT NULL,
  version_hash TEXT    NOT NULL CHECK (length(version_hash) = 64),
  prev_hash    TEXT    NOT NULL CHECK (length(prev_hash) = 64),
  hash         TEXT    NOT NULL UNIQUE CHECK (length(hash) = 64),
  mac          TEXT    CHECK (mac IS NULL OR length(mac) = 64),
  UNIQUE (dataset_id, version)
) STRICT;
CREATE TRIGGER version_chain_append_at_tail BEFORE INSERT ON version_chain
WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM version_chain)
  OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM version_chain ORDER BY seq DESC LIMIT 1), '${GENESIS}')
BEGIN
  SELECT RAISE(ABORT, 'version links append at the tail of the chain');
END;
CREATE TRIGGER version_chain_no_update BEFORE UPDATE ON version_chain
BEGIN
  SELECT RAISE(ABORT, 'version chain is append-only');
END;
CREATE TRIGGER version_chain_no_delete BEFORE DELETE ON version_chain
BEGIN
  SELECT RAISE(ABORT, 'version chain is append-only');
END;
CREATE TRIGGER record_versions_no_delete BEFORE DELETE ON record_versions
BEGIN
  SELECT RAISE(ABORT, 'record versions are append-only');
END;
`,
};
