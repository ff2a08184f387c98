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
  // On the map the layer cannot be placed yet, and the status line says why.
  const notice = page.getByTestId('map-notice');
  await expect(notice).toContainText('没有可识别的坐标参考系');
  await page.getByTestId('tab-info').click();
  await expect(page.getByTestId('info-crs')).toContainText('未知');

  await page.getByTestId('crs-assign-open').click();
  await expect(page.getByTestId('crs-assign-open')).toHaveCount(0);
  const picker = page.getByTestId('crs-assign-picker');
  await picker.click();
  await page.keyboard.type('国家2000');
  const option = page.locator('.ant-select-item-option', { hasText: 'EPSG:4490 · 2000国家大地坐标系' });
  await expect(option).toBeVisible();
  await shot('09-assign-crs');
  await option.click();
  await page.getByTestId('crs-assign-confirm').click();

  await expect(page.getByTestId('info-crs')).toContainText(
    'EPSG:4490 · China Geodetic Coordinate System 2000',
  );
  await expect(page.getByTestId('info-crs')).toContainText('由 curator 指定');
  // Placed now: the notice went with the problem, without a reload.
  await expect(notice).not.toContainText('坐标参考系');
  await expect(page.getByTestId('crs-assign-open')).toHaveCount(0);

  // The same record in English: the picker's words and the assignment read in the UI's language.
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('info-crs')).toContainText('assigned by curator');
  await page.waitForLoadState('networkidle');

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

test('in English the picker finds a CRS by its English name and shows English names', async ({
  page,
  harness,
}) => {
  const dataset = await harness.importOne(fixture('crs', 'gk3_zone39_noprj', 'boreholes.shp'));
  await page.goto(harness.url);
  await expect(page.getByTestId('audit-status')).toHaveAttribute('data-state', 'ok');
  await page.getByTestId('lang-switch').getByText('English').click();
  await page.getByTestId(`dataset-row-${dataset.id}`).click();
  await page.getByTestId('tab-info').click();
  await page.getByTestId('crs-assign-open').click();
  await page.getByTestId('crs-assign-picker').click();
  await page.keyboard.type('Xian 1980 3-degree zone 39');
  const option = page.locator('.ant-select-item-option', {
    hasText: 'EPSG:2363 · Xian 1980 / 3-degree Gauss-Kruger zone 39',
  });
  await expect(option).toBeVisible();
  await option.click();
  await page.getByTestId('crs-assign-confirm').click();
  await expect(page.getByTestId('info-crs')).toContainText(
    'EPSG:2363 · Xian 1980 / 3-degree Gauss-Kruger zone 39',
  );
  expect((await harness.api.call('datasets.get', { id: dataset.id })).summary.crs).toBe('EPSG:2363');
  // The layer can now be placed: let the map fetch its new display copy before the harness stops.
  await page.waitForLoadState('networkidle');
});
