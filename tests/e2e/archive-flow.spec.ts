import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { fixture } from '../fixtures/index.js';
import { ROOT } from '../support/samples.js';
import { expect, test } from './harness-fixture.js';

const SHOTS = path.join(ROOT, 'docs', 'screenshots');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

const row = (page: Page, text: string): Locator =>
  page.locator('[data-testid^="dataset-row-"]', { hasText: text }).first();

/** Reads the status bar's cursor longitude/latitude after moving the mouse to a map pixel. */
async function lonLatAt(page: Page, map: Locator, x: number, y: number): Promise<[number, number]> {
  const box = await map.boundingBox();
  if (!box) throw new Error('map has no box');
  await page.mouse.move(box.x + x, box.y + y);
  const text = await page.getByTestId('status-lonlat').innerText();
  const numbers = text.match(/-?\d+\.\d+/g)?.map(Number) ?? [];
  if (numbers.length < 2) throw new Error(`no coordinates in status bar: ${text}`);
  return [numbers[0] ?? NaN, numbers[1] ?? NaN];
}

/** Clicks the map where a longitude/latitude is, locating it as a person would: by the cursor readout. */
async function clickLonLat(page: Page, lon: number, lat: number): Promise<void> {
  const map = page.getByTestId('map-container');
  const box = await map.boundingBox();
  if (!box) throw new Error('map has no box');
  const [x0, y0, x1, y1] = [box.width * 0.3, box.height * 0.3, box.width * 0.7, box.height * 0.7];
  const a = await lonLatAt(page, map, x0, y0);
  const b = await lonLatAt(page, map, x1, y1);
  const x = x0 + ((lon - a[0]) / (b[0] - a[0])) * (x1 - x0);
  const y = y0 + ((lat - a[1]) / (b[1] - a[1])) * (y1 - y0);
  await page.mouse.click(box.x + x, box.y + y);
}

test('a curator takes a DEM and a geological map through the whole flow in the UI', async ({
  page,
  harness,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });

  const dem = path.join(harness.scratch, 'guilin_dem_xian80_gk40_5m.tif');
  await cp(fixture('chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif'), dem);
  const dizhiDir = path.join(harness.scratch, 'dizhi');
  await cp(fixture('chinese', 'shapefile', 'dizhi_gbk_nocpg'), dizhiDir, { recursive: true });
  const dizhi = path.join(dizhiDir, 'dizhi.shp');

  await page.goto(harness.url);
  await expect(page.getByTestId('app-title')).toContainText('Strata');
  await expect(page.getByTestId('audit-status')).toHaveAttribute('data-state', 'ok');
  await shot(page, '01-start');

  // 1. Import (one bad path among the good ones: named, the rest still imported).
  await page.getByTestId('import-button').click();
  await page
    .getByTestId('import-paths')
    .fill([dem, dizhi, path.join(harness.scratch, '不存在.tif')].join('\n'));
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-result')).toBeVisible();
  await expect(page.getByTestId('import-failure')).toHaveAttribute('data-code', 'FILE_NOT_FOUND');
  await expect(page.getByTestId('import-failure')).toContainText('不存在.tif');
  await shot(page, '02-import');
  await page.getByTestId('import-cancel').click();
  await expect(row(page, 'dizhi')).toBeVisible();
  await expect(row(page, 'guilin_dem')).toBeVisible();

  // 2. Map: the geological map is drawn; clicking a unit shows its attributes (GBK text decoded).
  await row(page, 'dizhi').click();
  await row(page, 'dizhi').locator('[data-testid^="dataset-zoom-"]').click();
  await expect(page.getByTestId('status-crs')).toContainText('EPSG:3857');
  await page.waitForTimeout(1000);
  await clickLonLat(page, 112.164867, 26.098232);
  await expect(page.getByTestId('attribute-table')).toContainText('白垩系');
  await shot(page, '03-map-vector-attributes');

  // 3. Describe: 著录 saved as a new version with its marking.
  await row(page, 'guilin_dem').click();
  await row(page, 'guilin_dem').locator('[data-testid^="dataset-zoom-"]').click();
  await page.getByTestId('tab-catalogue').click();
  await page.getByTestId('field-title').fill('桂林幅 1:5万 数字高程模型');
  await page.getByTestId('field-abstract').fill('西安 1980 坐标系 3 度带第 40 带，5 米格网。');
  await page.getByTestId('field-level').click();
  await page.locator('.ant-select-item-option', { hasText: '机密' }).click();
  await page.getByTestId('field-period').fill('20年');
  await expect(page.getByTestId('marking')).toContainText('机密★20年');
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('save-result')).toBeVisible();
  await expect(page.getByTestId('version-history')).toContainText('机密★20年');
  await expect(page.getByTestId('version-history').locator('tbody tr.ant-table-row')).toHaveCount(2);
  await page.waitForTimeout(1500);
  await shot(page, '04-catalogue-raster-on-map');

  // 4. Review: the 5 m DEM grid is a blocking finding.
  await page.getByTestId('tab-review').click();
  await page.getByTestId('review-run').click();
  await expect(page.getByTestId('review-summary')).toHaveAttribute('data-passed', 'false');
  await expect(page.getByTestId('findings-table')).toContainText('raster-resolution');
  await expect(page.getByTestId('findings-table')).toContainText('DEM 格网分辨率 5 米');
  await shot(page, '05-review');

  // Export of the original is refused with the reason.
  await page.getByTestId('tab-export').click();
  await expect(page.getByTestId('export-only-public')).toBeVisible();

  // 5. Public version: block-averaged to 100 m, re-reviewed from the written file.
  await page.getByTestId('tab-release').click();
  await page.getByTestId('release-button').click();
  await expect(page.getByTestId('release-result')).toBeVisible();
  await expect(page.getByTestId('release-lineage')).toContainText('100');
  await expect(page.getByTestId('release-review')).toBeVisible();
  await shot(page, '06-release');
  await page.getByTestId('release-open').click();
  await expect(page.getByTestId('detail-title')).toContainText('公开版');

  // 6. Export and verify the signed package.
  await page.getByTestId('tab-export').click();
  const outDir = path.join(harness.scratch, 'gateway-out');
  await page.getByTestId('export-dir').fill(outDir);
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-bag')).toContainText('gateway-out');
  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-ok', 'true');
  for (const step of ['paths', 'complete', 'checksums', 'signature']) {
    await expect(page.getByTestId(`verify-step-${step}`)).toHaveAttribute('data-ok', 'true');
  }
  await shot(page, '07-export-verify');
  const bags = await readdir(outDir);
  expect(bags).toHaveLength(1);

  // The same workstation in English.
  await page.getByTestId('lang-switch').getByText('English').click();
  await page.getByTestId('tab-review').click();
  await expect(page.getByTestId('tab-review')).toContainText('Secrecy review');
  await shot(page, '08-english');

  expect(errors).toEqual([]);
});
