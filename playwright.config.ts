import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium (CHROMIUM_PATH, else `chromium` on PATH): Playwright's own browser download is not used. */
function chromium(): string {
  const explicit = process.env['CHROMIUM_PATH'];
  if (explicit) return explicit;
  const found = (process.env['PATH'] ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, 'chromium'))
    .find((candidate) => existsSync(candidate));
  return found ?? 'chromium';
}

/**
 * E2E: the real UI in Debian's Chromium, served by the loopback harness: one independent scenario
 * per file, each with its own harness and data home (tests/e2e/harness-fixture.ts).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // Git-ignored: screenshots and failure context land here, so a run leaves the working tree clean
  // (`npm run screenshots` writes docs/screenshots/ instead).
  outputDir: 'test-results',
  // Committed reference images of the pixel tests (toHaveScreenshot), one folder per spec.
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}{ext}',
  globalSetup: './tests/fixtures/global-setup.ts',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1600, height: 960 },
    locale: 'zh-CN',
    launchOptions: {
      executablePath: chromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
