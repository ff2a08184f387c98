/**
 * The built worker entry. The main bundle puts every entry and chunk in one folder (dist/main), so
 * the worker sits next to whichever bundle file holds this module. Vite leaves `new URL(…,
 * import.meta.url)` alone in SSR builds. Vitest runs the TypeScript sources, where no .mjs exists:
 * vitest.config.ts points this module at a worker built for the test run.
 */
export const PARSE_WORKER_URL = new URL('./parse-worker.mjs', import.meta.url);
