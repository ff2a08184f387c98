// Stands in for src-main/node/raster/resample-worker-url.ts under Vitest (see vitest.config.ts).
import { builtWorker } from './built-worker.js';

export const RESAMPLE_WORKER_URL = builtWorker('resample-worker');
