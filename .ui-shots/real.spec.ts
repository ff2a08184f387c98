import { test, expect } from '@playwright/test';

const OUT = '/tmp/ui-shots';
const URL = process.env['STRATA_URL'] ?? '';
const IN = process.env['STRATA_IN'] ?? '';

test('real harness', async ({ page }) => {
  test.skip(!URL);
  page.on('console', (m) => { if (m.type() === 'error') console.log(`console: ${m.text()}`); });
  page.on('pageerror', (e) => { console.log(`pageerror: ${e.message}`); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(URL);
  await expect(page.getByTestId('app-title')).toBeVisible();
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-paths').fill(`${IN}/guilin_dem_xian80_gk40_5m.tif\n${IN}/矿点.shp\n${IN}/cogeo.tif\n${IN}/missing.tif`);
  await page.getByTestId('import-submit').click();
  await page.waitForTimeout(8000);
  await page.screenshot({ path: `${OUT}/r1-import.png` });
  await page.keyboard.press('Escape');
  await page.waitForTimeout(3000);
  await page.screenshot({ path: `${OUT}/r2-map.png` });
  await page.getByTestId('tab-review').click();
  await page.getByTestId('review-run').click();
  await page.waitForTimeout(5000);
  await page.screenshot({ path: `${OUT}/r3-review.png` });
  await page.getByTestId('tab-release').click();
  await page.getByTestId('release-button').click();
  await page.waitForTimeout(15000);
  await page.screenshot({ path: `${OUT}/r4-release.png` });
  const open = page.getByTestId('release-open');
  if (await open.isVisible()) {
    await open.click();
    await page.getByTestId('tab-export').click();
    await page.getByTestId('export-dir').fill(`${IN}/../out`);
    await page.getByTestId('export-button').click();
    await page.waitForTimeout(8000);
    await page.getByTestId('verify-button').click();
    await page.waitForTimeout(4000);
    await page.screenshot({ path: `${OUT}/r5-export.png` });
  }
});
