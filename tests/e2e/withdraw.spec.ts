import { datasetRow, expect, openWorkstation, selectDataset, test } from './harness-fixture.js';
import { demFile } from './inputs.js';

test('a dataset withdrawn from its panel, with a reason, leaves the catalogue list and the map, and its record says why', async ({
  page,
  harness,
}) => {
  const dem = await harness.importOne(demFile());

  await openWorkstation(page, harness);
  await selectDataset(page, dem.id);
  // On the map from the first start, as every imported dataset is.
  await expect(page.getByTestId(`layer-row-${dem.id}`)).toBeVisible();
  await page.getByTestId('standing-open').click();
  // No reason, no withdrawal: the field says so and nothing is sent.
  await page.getByTestId('standing-withdraw').click();
  await expect(page.getByTestId('standing-section')).toContainText('请写明理由');
  await expect(datasetRow(page, dem.id)).toBeVisible();

  await page.getByTestId('standing-reason').fill('坐标系登记错误，待重新汇交');
  await page.getByTestId('standing-withdraw').click();
  await expect(datasetRow(page, dem.id)).toHaveCount(0);
  await expect(page.getByTestId(`layer-row-${dem.id}`)).toHaveCount(0);
  const state = page.getByTestId('standing-state');
  await expect(state).toContainText('已撤回');
  await expect(state).toContainText('坐标系登记错误，待重新汇交');
  await expect(page.getByTestId('standing-section')).toHaveAttribute('data-standing', 'withdrawn');
  // Review, release and export are not offered for it.
  for (const tab of ['保密审查', '公开版', '导出'])
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('tab', { name: '著录' })).not.toHaveAttribute('aria-disabled', 'true');

  // Still findable: the list shows it on request, marked, and it stays off the map.
  await page.getByTestId('list-all').click();
  await expect(datasetRow(page, dem.id)).toContainText('已撤回');
  await expect(datasetRow(page, dem.id)).toHaveAttribute('data-on-map', 'false');
  await expect(page.getByTestId(`layer-row-${dem.id}`)).toHaveCount(0);

  // The audit log names who withdrew it and why.
  const all = await harness.api.call('datasets.list', { all: true });
  expect(all.map((d) => [d.id, d.standing])).toEqual([[dem.id, 'withdrawn']]);
  const [entry] = await harness.api.call('audit.list', { limit: 1 });
  expect(entry).toMatchObject({
    action: 'datasets.withdraw',
    subject: dem.id,
    details: { reason: '坐标系登记错误，待重新汇交' },
  });
});
