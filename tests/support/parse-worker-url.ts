// Stands in for src-main/node/isolation/parse-worker-url.ts under Vitest (see vitest.config.ts):
// the sources have no built worker beside them, so point at the one the global setup built.
import { inject } from 'vitest';

const built = inject('parseWorkerUrl') as string | undefined;
if (built === undefined)
  throw new Error('parse worker not built: tests/support/parse-worker-setup.ts did not run');

export const PARSE_WORKER_URL = new URL(built);
