import type { Migration } from './migration.js';

/**
 * Local accounts (issue 7, ADR 0170): one row per user with their roles, scrypt password hash,
 * wrapped Ed25519 key and the workstation key's certificate over all of that; the login counters
 * are not certified. The audit index lets a login find the latest change of an account (its
 * revision must match the row's, so an older certified row copied back is refused).
 */
export const migration0012: Migration = {
  version: 12,
  name: 'accounts',
  sql: `
CREATE TABLE accounts (
  name            TEXT    PRIMARY KEY CHECK (name GLOB '[a-z0-9]*' AND length(name) BETWEEN 1 AND 64),
  display_name    TEXT    NOT NULL CHECK (length(display_name) <= 200),
  roles           TEXT    NOT NULL CHECK (json_valid(roles) AND json_type(roles) = 'array'),
  disabled        INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  password        TEXT    NOT NULL CHECK (json_valid(password)),
  public_key      TEXT    NOT NULL,
  wrapped_key     TEXT    NOT NULL CHECK (json_valid(wrapped_key)),
  revision        INTEGER NOT NULL CHECK (revision >= 1),
  created_at      TEXT    NOT NULL,
  created_by      TEXT    NOT NULL,
  certificate     TEXT    NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until    TEXT
) STRICT;
CREATE INDEX audit_subject ON audit (subject, seq);
`,
};
