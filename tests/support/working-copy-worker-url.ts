// Stands in for src-main/node/raster/working-copy-worker-url.ts under Vitest (see vitest.config.ts).
import { builtWorker } from './built-worker.js';

export const WORKING_COPY_WORKER_URL = builtWorker('working-copy-worker');
