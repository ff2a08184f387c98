import { expect, openWorkstation, selectDataset, test } from './harness-fixture.js';
import { demFile } from './inputs.js';

test('a record saved in 著录 becomes a new version with its marking; a stale save is refused and can give way', async ({
  page,
  harness,
  shot,
}) => {
  const dem = await harness.importOne(demFile());

  await openWorkstation(page, harness);
  await selectDataset(page, dem.id);
  await page.getByTestId('tab-catalogue').click();
  const history = page.getByTestId('version-history').locator('tbody tr.ant-table-row');
  await expect(history).toHaveCount(1);
  // Nothing to save while the form shows the version unchanged: no empty version.
  const saveButton = page.getByTestId('save-button');
  await expect(saveButton).toBeDisabled();

  await page.getByTestId('field-title').fill('桂林幅 1:5万 数字高程模型');
  await expect(saveButton).toBeEnabled();
  await page.getByTestId('field-abstract').fill('西安 1980 坐标系 3 度带第 40 带，5 米格网。');
  await page.getByTestId('field-level').click();
  await page.locator('.ant-select-item-option', { hasText: '机密' }).click();
  // A period that is not one shows no mark, never a valid-looking 机密★ without a period.
  await page.getByTestId('field-period').fill('abc');
  await expect(page.getByTestId('marking-invalid')).toHaveText('保密期限无效，无法给出标志');
  await expect(page.getByTestId('marking')).not.toContainText('★');
  await page.getByTestId('field-period').fill('20年');
  await expect(page.getByTestId('marking')).toContainText('机密★20年');
  await saveButton.click();
  await expect(page.getByTestId('save-result')).toBeVisible();
  await expect(saveButton).toBeDisabled();
  // An edit typed back to what is saved is no change either.
  await page.getByTestId('field-abstract').fill('另一段摘要');
  await expect(saveButton).toBeEnabled();
  await page.getByTestId('field-abstract').fill('西安 1980 坐标系 3 度带第 40 带，5 米格网。');
  await expect(saveButton).toBeDisabled();

  // Newest first: v2 with the new title and marking above the imported v1.
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText('v2');
  await expect(history.nth(0)).toContainText('桂林幅 1:5万 数字高程模型');
  await expect(history.nth(0)).toContainText('机密★20年');
  await expect(history.nth(1)).toContainText('v1');
  await shot('04-catalogue-raster-on-map');

  // Someone else (another window, the CLI) saves v3 meanwhile: this form's save, based on v2, is
  // refused as a conflict instead of overwriting; giving up the edit leaves their version in the form.
  await harness.api.call('catalogue.save', {
    id: dem.id,
    baseVersion: 2,
    fields: { title: '桂林幅 数字高程模型（复核）', abstract: '', level: '秘密', period: '10年' },
  });
  await page.getByTestId('field-title').fill('我的修改');
  await saveButton.click();
  await expect(page.getByTestId('conflict-view')).toBeVisible();
  await page.getByTestId('conflict-discard').click();
  await expect(page.getByTestId('conflict-view')).toHaveCount(0);
  await expect(page.getByTestId('field-title')).toHaveValue('桂林幅 数字高程模型（复核）');
  await expect(history).toHaveCount(3);
  await expect(history.nth(0)).toContainText('秘密★10年');

  const detail = await harness.api.call('datasets.get', { id: dem.id });
  expect(detail.versions.map((v) => v.version).sort()).toEqual([1, 2, 3]);

  // History: tick v2 and v3 and compare them field by field, then restore v2 as a new version 4.
  await expect(page.getByTestId('compare-versions')).toBeDisabled();
  await history.nth(1).locator('input[type=checkbox]').check();
  await history.nth(0).locator('input[type=checkbox]').check();
  await page.getByTestId('compare-versions').click();
  const diff = page.getByTestId('record-diff');
  await expect(diff).toContainText('第 2 版 → 第 3 版');
  await expect(diff.locator('tbody tr.ant-table-row', { hasText: '题名' })).toContainText(
    '桂林幅 1:5万 数字高程模型',
  );
  await expect(diff.locator('tbody tr.ant-table-row', { hasText: '题名' })).toContainText(
    '桂林幅 数字高程模型（复核）',
  );
  await expect(diff.locator('tbody tr.ant-table-row', { hasText: '密级' })).toContainText('机密');
  await expect(page.getByTestId('restore-version-3')).toHaveCount(0);
  await page.getByTestId('restore-version-2').click();
  await expect(page.getByTestId('restore-result')).toContainText('已恢复第 2 版的内容，保存为第 4 版');
  await expect(history).toHaveCount(4);
  await expect(history.nth(0)).toContainText('机密★20年');
  await expect(page.getByTestId('field-title')).toHaveValue('桂林幅 1:5万 数字高程模型');
  const audit = await harness.api.call('audit.list', { limit: 1 });
  expect(audit[0]).toMatchObject({ action: 'catalogue.restoreVersion', subject: dem.id });
});
