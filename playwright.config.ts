import { defineConfig } from '@playwright/test';

/** E2E: the real UI in Debian's Chromium, served by the loopback harness (see tests/e2e/fixtures.ts). */
export default defineConfig({
  testDir: 'tests/e2e',
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
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
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
