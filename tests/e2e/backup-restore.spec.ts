import path from 'node:path';
import { zhCN } from '../../src-renderer/i18n/zh-CN.js';
import { expect, openWorkstation, test } from './harness-fixture.js';
import { mineralPointsFile, worldFile } from './inputs.js';

test.use({ signedInAs: 'admin' });

test('an administrator backs up the catalogue from 账户管理 and restores it; a non-catalogue file is refused at the field', async ({
  page,
  harness,
}) => {
  // The administrator imports nothing: the curator does, from the command line beside the harness.
  const curator = harness.strataAs('curator');
  expect((await curator('import', await harness.stage(mineralPointsFile()))).code).toBe(0);
  const [first] = await harness.api.call('datasets.list', {});
  await openWorkstation(page, harness);
  await page.getByTestId('session-menu').click();
  await page.getByTestId('menu-accounts').click();
  const card = page.getByTestId('accounts-drawer').getByTestId('catalogue-backup');
  const file = path.join(harness.scratch, 'catalogue-backup.sqlite');
  await card.getByTestId('backup-file').fill(file);
  await card.getByTestId('backup-run').click();
  await expect(page.getByText(zhCN.backup.done.replace('{{file}}', file))).toBeVisible();

  expect((await curator('import', await harness.stage(worldFile()))).code).toBe(0);
  expect(await harness.api.call('datasets.list', {})).toHaveLength(2);

  // A file that is not a catalogue: refused, with the reason, and nothing changes.
  await card
    .getByTestId('backup-file')
    .fill(path.join(harness.scratch, 'inputs', path.basename(worldFile())));
  await card.getByTestId('restore-run').click();
  await page.getByRole('button', { name: zhCN.backup.restore, exact: true }).last().click();
  await expect(card.getByTestId('backup-error')).toContainText('不是');
  expect(await harness.api.call('datasets.list', {})).toHaveLength(2);

  await card.getByTestId('backup-file').fill(file);
  await card.getByTestId('restore-run').click();
  await page.getByRole('button', { name: zhCN.backup.restore, exact: true }).last().click();
  await expect(page.getByText(zhCN.backup.restored.replace('{{file}}', file))).toBeVisible();
  const listed = await harness.api.call('datasets.list', {});
  expect(listed.map((d) => d.id)).toEqual([first?.id]);
  await expect(page.getByTestId('audit-status')).toHaveAttribute('data-state', 'ok');
  const audit = await harness.api.call('audit.list', { limit: 1 });
  expect(audit[0]).toMatchObject({ action: 'catalogue.restore', actor: 'admin1' });
});
