import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { en } from '../../src-renderer/i18n/en.js';
import { zhCN } from '../../src-renderer/i18n/zh-CN.js';
import { runCommand } from '../support/gdal.js';
import { CLI } from '../support/cli.js';
import { harnessApi } from './harness-api.js';
import { expect, startHarness, stopHarness, test } from './harness-fixture.js';
import { mineralPointsFile, worldFile } from './inputs.js';

test('a catalogue rolled back to an older copy opens read-only: a banner says why (zh/en), changes are off and refused', async ({
  page,
  harness,
}) => {
  // A home of its own, made with the CLI, then rolled back behind the head kept beside it.
  const home = path.join(harness.scratch, 'rolled-back');
  const strata = (...args: string[]) => runCommand(process.execPath, [CLI, '--home', home, ...args]);
  expect((await strata('import', await harness.stage(mineralPointsFile()))).code).toBe(0);
  const older = path.join(harness.scratch, 'older.sqlite');
  await copyFile(path.join(home, 'catalogue.sqlite'), older);
  expect((await strata('import', await harness.stage(worldFile()))).code).toBe(0);
  await rm(path.join(home, 'catalogue.sqlite-wal'), { force: true });
  await rm(path.join(home, 'catalogue.sqlite-shm'), { force: true });
  await copyFile(older, path.join(home, 'catalogue.sqlite'));

  const { child, url } = await startHarness(home, null);
  try {
    await page.goto(url);
    const banner = page.getByTestId('readonly-banner');
    await expect(banner).toContainText(zhCN.app.readOnly);
    await expect(banner).toContainText(zhCN.audit.problem.anchor);
    await expect(banner).toHaveAttribute('data-problem', 'anchor');
    await expect(page.getByTestId('audit-status')).toHaveAttribute('data-state', 'broken');
    await expect(page.getByTestId('import-button')).toBeDisabled();

    await page.getByTestId('lang-switch').getByText('English').click();
    await expect(banner).toContainText(en.app.readOnly);
    await expect(banner).toContainText(en.audit.problem.anchor);

    // The main process refuses a change whatever the page shows.
    const { origin, searchParams } = new URL(url);
    const api = harnessApi(origin, searchParams.get('token') ?? '');
    await expect(api.call('datasets.import', { paths: [await harness.stage(worldFile())] })).rejects.toThrow(
      /READ_ONLY/,
    );
  } finally {
    await stopHarness(child);
  }
});
