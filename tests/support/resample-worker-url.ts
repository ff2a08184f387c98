// Stands in for src-main/node/raster/resample-worker-url.ts under Vitest (see vitest.config.ts):
// the sources have no built worker beside them, so point at the one the global setup built.
import { inject } from 'vitest';

const built = inject('resampleWorkerUrl') as string | undefined;
if (built === undefined)
  throw new Error('resample worker not built: tests/support/resample-worker-setup.ts did not run');

export const RESAMPLE_WORKER_URL = new URL(built);
