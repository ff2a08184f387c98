/**
 * The built working-copy worker entry, next to whichever bundle file holds this module (as
 * resample-worker-url.ts). Vitest points this module at a worker built for the test run.
 */
export const WORKING_COPY_WORKER_URL = new URL('./working-copy-worker.mjs', import.meta.url);
