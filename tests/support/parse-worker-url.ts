// Stands in for src-main/node/isolation/parse-worker-url.ts under Vitest (see vitest.config.ts).
import { builtWorker } from './built-worker.js';

export const PARSE_WORKER_URL = builtWorker('parse-worker');
