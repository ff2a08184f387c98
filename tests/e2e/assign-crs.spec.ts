import { fixture } from '../fixtures/index.js';
import { ogrSummary } from '../support/ogr-summary.js';
import { expect, test } from './harness-fixture.js';

test('a dataset without CRS is given EPSG:4490 from the searchable picker, and the record shows it', async ({
  page,
  harness,
  shot,
}) => {
  const file = fixture('crs', 'lonlat_noprj', 'boreholes.shp');
  expect((await ogrSummary(file)).epsg).toBeNull();
  const dataset = await harness.importOne(file);
  expect(dataset.crs).toBeNull();

  await page.goto(harness.url);
  await expect(page.getByTestId('audit-status')).toHaveAttribute('data-state', 'ok');
  await page.getByTestId(`dataset-row-${dataset.id}`).click();
  await page.getByTestId('tab-info').click();
  await expect(page.getByTestId('info-crs')).toContainText('未知');

  await page.getByTestId('crs-assign-open').click();
  await expect(page.getByTestId('crs-assign-open')).toHaveCount(0);
  const picker = page.getByTestId('crs-assign-picker');
  await picker.click();
  await page.keyboard.type('国家2000');
  const option = page.locator('.ant-select-item-option', { hasText: 'EPSG:4490 · 2000国家大地坐标系' });
  await expect(option).toBeVisible();
  await shot('crs-picker-search');
  await option.click();
  await page.getByTestId('crs-assign-confirm').click();

  await expect(page.getByTestId('info-crs')).toContainText(
    'EPSG:4490 · China Geodetic Coordinate System 2000',
  );
  await expect(page.getByTestId('info-crs')).toContainText('由 curator 指定');
  await expect(page.getByTestId('crs-assign-open')).toHaveCount(0);
  const detail = await harness.api.call('datasets.get', { id: dataset.id });
  expect(detail.summary.crs).toBe('EPSG:4490');
  expect(detail.crsAssignment).toMatchObject({ code: 'EPSG:4490', previous: null, by: 'curator' });
  const [entry] = await harness.api.call('audit.list', { limit: 1 });
  expect(entry).toMatchObject({
    action: 'dataset.assignCrs',
    subject: dataset.id,
    details: { code: 'EPSG:4490' },
  });
});
