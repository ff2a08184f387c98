/**
 * The built resample worker entry, next to whichever bundle file holds this module (dist/main and
 * dist/bench alike; see parse-worker-url.ts). Vitest points this module at a worker built for the
 * test run (vitest.config.ts).
 */
export const RESAMPLE_WORKER_URL = new URL('./resample-worker.mjs', import.meta.url);
