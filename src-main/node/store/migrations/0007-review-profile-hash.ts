import type { Migration } from './migration.js';

/**
 * What judged a review (ADR 0160): the SHA-256 of the profile document and the rules it ran, as a
 * JSON array of `{id, version}` (also those that found nothing). NULL in reviews recorded before
 * this step, which named the profile by id and version only.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'review-profile-hash',
  sql: `
ALTER TABLE reviews ADD COLUMN profile_sha256 TEXT
  CHECK (profile_sha256 IS NULL OR (length(profile_sha256) = 64 AND profile_sha256 NOT GLOB '*[^0-9a-f]*'));
ALTER TABLE reviews ADD COLUMN rules TEXT
  CHECK (rules IS NULL OR (json_valid(rules) AND json_type(rules) = 'array'));
`,
};
