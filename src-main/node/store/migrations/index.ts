import { migration0001 } from './0001-init.js';
import { migration0002 } from './0002-search-indexes.js';
import { migration0003 } from './0003-dataset-layer.js';
import { migration0004 } from './0004-crs-assignment.js';
import { migration0005 } from './0005-open-options.js';
import { migration0006 } from './0006-settings.js';
import { migration0007 } from './0007-review-profile-hash.js';
import { migration0008 } from './0008-finding-locations.js';
import { migration0009 } from './0009-finding-decisions.js';
import { migration0010 } from './0010-dataset-status.js';
import { migration0011 } from './0011-dataset-content-index.js';
import { migration0012 } from './0012-accounts.js';
import { migration0013 } from './0013-record-attribution.js';
import { migration0014 } from './0014-review-verdicts.js';
import { migration0015 } from './0015-signed-approvals.js';
import { migration0016 } from './0016-catalogue-search.js';
import { migration0017 } from './0017-receipts.js';
import { migration0018 } from './0018-audit-keys.js';
import { migration0019 } from './0019-search-tags.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';
export { STRATA_APPLICATION_ID } from './application-id.js';

/** Every schema step, in order; `version` is the `user_version` after the step. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
];

/** The `user_version` of a catalogue with every step applied (steps are numbered 1..N, no gaps). */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
