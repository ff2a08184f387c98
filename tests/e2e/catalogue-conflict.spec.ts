import { expect, openWorkstation, selectDataset, test } from './harness-fixture.js';
import { describedDem } from './inputs.js';

test('an edit refused by a save that landed first shows 我的 and 最新 per field and saves the chosen mix', async ({
  page,
  harness,
  shot,
}) => {
  const dem = await describedDem(harness, {
    title: '桂林幅 数字高程模型',
    abstract: '5 米格网。',
    level: '秘密',
    period: '10年',
  });
  await openWorkstation(page, harness);
  await selectDataset(page, dem.id);
  await page.getByTestId('tab-catalogue').click();
  await expect(page.getByTestId('field-title')).toHaveValue('桂林幅 数字高程模型');

  // The user edits title, abstract and level on v2 ...
  await page.getByTestId('field-title').fill('桂林幅 1:5万 数字高程模型');
  await page.getByTestId('field-abstract').fill('西安 1980 坐标系，5 米格网。');
  await page.getByTestId('field-level').click();
  await page.locator('.ant-select-item-option', { hasText: '机密' }).click();
  // ... while someone else saves v3 with another title and period.
  await harness.api.call('catalogue.save', {
    id: dem.id,
    baseVersion: 2,
    fields: { title: '桂林幅 数字高程模型（复核）', abstract: '5 米格网。', level: '秘密', period: '20年' },
  });
  await page.getByTestId('save-button').click();

  const view = page.getByTestId('conflict-view');
  await expect(view).toHaveAttribute('data-latest', '3');
  await expect(view).toContainText('已先保存了第 3 版');
  // Only the differing fields, each with both values; the period the user left is marked so.
  await expect(page.locator('[data-testid^="conflict-field-"]')).toHaveCount(4);
  const title = page.getByTestId('conflict-field-title');
  await expect(title.getByTestId('conflict-title-mine-text')).toContainText('我的桂林幅 1:5万 数字高程模型');
  await expect(title.getByTestId('conflict-title-latest-text')).toContainText(
    '最新桂林幅 数字高程模型（复核）',
  );
  await expect(page.getByTestId('conflict-level-mine-text')).toContainText('机密');
  await expect(page.getByTestId('conflict-level-latest-text')).toContainText('秘密');
  await expect(page.getByTestId('conflict-period-mine-text')).toContainText('我的（未改）10年');
  await expect(page.getByTestId('conflict-period-latest-text')).toContainText('20年');
  // What each side changed is chosen at first: the user's edits, the other save's period.
  await expect(page.getByTestId('conflict-title-mine')).toBeChecked();
  await expect(page.getByTestId('conflict-period-latest')).toBeChecked();
  await shot('catalogue-conflict');

  // Take their title, keep my abstract and level, and their period.
  await page.getByTestId('conflict-title-latest-text').click();
  await page.getByTestId('conflict-save').click();
  await expect(view).toHaveCount(0);
  await expect(page.getByTestId('save-result')).toContainText('已保存为第 4 版');
  await expect(page.getByTestId('field-title')).toHaveValue('桂林幅 数字高程模型（复核）');

  const detail = await harness.api.call('datasets.get', { id: dem.id });
  expect(detail.record.version).toBe(4);
  expect(detail.record.fields).toEqual({
    title: '桂林幅 数字高程模型（复核）',
    abstract: '西安 1980 坐标系，5 米格网。',
    attribution: '',
    level: '机密',
    period: '20年',
  });

  // A merge saved on top of a version that is no longer the latest is refused again and shown again.
  await page.getByTestId('field-abstract').fill('第二次修改');
  await harness.api.call('catalogue.save', {
    id: dem.id,
    baseVersion: 4,
    fields: { ...detail.record.fields, abstract: '他人的摘要' },
  });
  await page.getByTestId('save-button').click();
  await expect(view).toHaveAttribute('data-latest', '5');
  await harness.api.call('catalogue.save', {
    id: dem.id,
    baseVersion: 5,
    fields: { ...detail.record.fields, abstract: '又一次他人的摘要' },
  });
  await page.getByTestId('conflict-save').click();
  await expect(view).toHaveAttribute('data-latest', '6');
  await expect(page.getByTestId('conflict-abstract-latest-text')).toContainText('又一次他人的摘要');
  await expect(page.getByTestId('conflict-abstract-mine-text')).toContainText('第二次修改');
  await page.getByTestId('conflict-save').click();
  await expect(page.getByTestId('save-result')).toContainText('已保存为第 7 版');
  const last = await harness.api.call('datasets.get', { id: dem.id });
  expect(last.record.fields.abstract).toBe('第二次修改');
});
