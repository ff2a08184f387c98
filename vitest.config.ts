import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
// The test processes inherit the pool size the hosts run with.
import './src-main/hosting/threadpool.js';

/** Builds the generated test fixtures (tests/fixtures, ADR 0090) before any test of a project runs. */
const FIXTURES_SETUP = 'tests/fixtures/global-setup.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          setupFiles: ['tests/support/crs-registry-setup.ts'],
          globalSetup: [FIXTURES_SETUP],
        },
      },
      {
        // Untrusted files are parsed in a built worker thread (ADR 0080): the global setup builds it
        // from the current sources and the alias points the parse client at that build.
        resolve: {
          alias: [
            {
              find: /^\.\/parse-worker-url\.js$/,
              replacement: fileURLToPath(new URL('./tests/support/parse-worker-url.ts', import.meta.url)),
            },
            {
              // The public-version resample runs in a built worker too (ADR 0085).
              find: /^\.\/resample-worker-url\.js$/,
              replacement: fileURLToPath(new URL('./tests/support/resample-worker-url.ts', import.meta.url)),
            },
            {
              // So is the display working copy (ADR 0125).
              find: /^\.\/working-copy-worker-url\.js$/,
              replacement: fileURLToPath(
                new URL('./tests/support/working-copy-worker-url.ts', import.meta.url),
              ),
            },
          ],
        },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['tests/support/worker-setup.ts', FIXTURES_SETUP],
          setupFiles: ['tests/support/crs-registry-setup.ts'],
        },
      },
      {
        // The real-world corpus beside the checkout (tests/corpus/corpus.ts): skipped, with one line
        // saying where it looked, when absent.
        test: {
          name: 'corpus',
          include: ['tests/corpus/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          globalSetup: ['tests/corpus/global-setup.ts'],
          setupFiles: ['tests/support/crs-registry-setup.ts'],
        },
      },
    ],
  },
});
