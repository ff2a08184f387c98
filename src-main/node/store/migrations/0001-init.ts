import { STRATA_APPLICATION_ID } from './application-id.js';
import type { Migration } from './migration.js';

/**
 * Core catalogue tables and the append-only audit log. Timestamps are ISO-8601 UTC text
 * (`Date#toISOString`); JSON columns hold the port's row objects verbatim.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'init',
  sql: `
PRAGMA application_id = ${String(STRATA_APPLICATION_ID)};

CREATE TABLE datasets (
  pk                   INTEGER PRIMARY KEY,
  id                   TEXT    NOT NULL UNIQUE,
  name                 TEXT    NOT NULL,
  kind                 TEXT    NOT NULL CHECK (kind IN ('raster', 'vector')),
  format               TEXT    NOT NULL,
  info                 TEXT    NOT NULL CHECK (json_valid(info) AND json_extract(info, '$.kind') = kind),
  sha256               TEXT    NOT NULL CHECK (length(sha256) = 64),
  byte_size            INTEGER NOT NULL CHECK (byte_size >= 0),
  files                TEXT    NOT NULL CHECK (json_valid(files) AND json_type(files) = 'array'),
  display_key          TEXT    NOT NULL,
  display_content_type TEXT    NOT NULL,
  value_min            REAL,
  value_max            REAL,
  source_id            TEXT    REFERENCES datasets (id),
  status               TEXT    NOT NULL CHECK (status IN ('draft', 'reviewed', 'public-version', 'exported')),
  created_at           TEXT    NOT NULL,
  created_by           TEXT    NOT NULL,
  CHECK ((value_min IS NULL) = (value_max IS NULL))
) STRICT;
CREATE INDEX datasets_source ON datasets (source_id, created_at);

CREATE TABLE record_versions (
  dataset_id TEXT    NOT NULL REFERENCES datasets (id),
  version    INTEGER NOT NULL CHECK (version >= 1),
  title      TEXT    NOT NULL,
  abstract   TEXT    NOT NULL,
  level      TEXT    NOT NULL CHECK (level IN ('公开', '内部', '秘密', '机密', '绝密')),
  period     TEXT    NOT NULL,
  author     TEXT    NOT NULL,
  created_at TEXT    NOT NULL,
  PRIMARY KEY (dataset_id, version)
) STRICT;
CREATE TRIGGER record_versions_immutable BEFORE UPDATE ON record_versions
BEGIN
  SELECT RAISE(ABORT, 'record versions are immutable');
END;

CREATE TABLE reviews (
  pk              INTEGER PRIMARY KEY,
  id              TEXT    NOT NULL UNIQUE,
  dataset_id      TEXT    NOT NULL REFERENCES datasets (id),
  profile_id      TEXT    NOT NULL,
  profile_version INTEGER NOT NULL,
  profile_name    TEXT    NOT NULL,
  findings        TEXT    NOT NULL CHECK (json_valid(findings) AND json_type(findings) = 'array'),
  content_sha256  TEXT    NOT NULL,
  reviewer        TEXT    NOT NULL,
  created_at      TEXT    NOT NULL
) STRICT;
CREATE INDEX reviews_dataset ON reviews (dataset_id, pk);

CREATE TABLE lineage (
  dataset_id    TEXT NOT NULL PRIMARY KEY REFERENCES datasets (id),
  source_id     TEXT NOT NULL REFERENCES datasets (id),
  source_sha256 TEXT NOT NULL,
  steps         TEXT NOT NULL CHECK (json_valid(steps) AND json_type(steps) = 'array'),
  author        TEXT NOT NULL,
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX lineage_source ON lineage (source_id);

CREATE TABLE audit (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  subject   TEXT,
  details   TEXT NOT NULL CHECK (json_valid(details) AND json_type(details) = 'object'),
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash      TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;
-- Appends only at the tail and only onto the current head, whoever writes.
CREATE TRIGGER audit_append_at_tail BEFORE INSERT ON audit
WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM audit)
  OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit ORDER BY seq DESC LIMIT 1), '${'0'.repeat(64)}')
BEGIN
  SELECT RAISE(ABORT, 'audit entries append at the tail of the chain');
END;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE(ABORT, 'audit log is append-only');
END;
`,
};
