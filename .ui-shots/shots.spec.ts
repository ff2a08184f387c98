import { test, expect } from '@playwright/test';
import path from 'node:path';
import { startUiFakeServer, type UiFakeServer } from '../tests/support/ui-fake-server.js';

const OUT = '/tmp/ui-shots';
let server: UiFakeServer;
test.beforeAll(async () => {
  server = await startUiFakeServer({ rendererDir: path.resolve('dist/renderer') });
});
test.afterAll(async () => {
  await server.close();
});

test('workspace', async ({ page }) => {
  const problems: string[] = [];
  const fileRequests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => { console.log(`pageerror: ${e.message}\n${e.stack ?? ''}`); });
  page.on('request', (r) => { if (r.url().includes('/files/')) fileRequests.push(`${r.url().split('/files/')[1]} ${r.headers()['range'] ?? 'FULL'}`); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(server.url);
  await expect(page.getByTestId('app-title')).toHaveText('Strata 地质资料管理工作站');
  expect(page.url()).not.toContain('token=');
  const ids = server.datasetIds();
  const [dem, rgb, pts, polys] = ids;
  await expect(page.getByTestId(`dataset-row-${dem}`)).toBeVisible();
  await page.waitForTimeout(4000);
  await page.screenshot({ path: `${OUT}/01-start.png` });
  // Keyboard: focus the first row, arrow down, Enter selects.
  await page.getByTestId(`dataset-row-${dem}`).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-dataset', rgb!);

  // Vector: select points, click a feature.
  await page.getByTestId(`dataset-row-${polys}`).click();
  await page.waitForTimeout(1500);
  const box = (await page.getByTestId('map-container').boundingBox())!;
  await page.mouse.click(box.x + 45, box.y + 140);
  await expect(page.getByTestId('attribute-table')).toBeVisible();
  await page.getByTestId('tab-info').click();
  await page.screenshot({ path: `${OUT}/02-vector-attributes.png` });

  // DEM: review, release.
  await page.getByTestId(`dataset-row-${dem}`).click();
  await page.waitForTimeout(3000);
  await page.getByTestId('tab-review').click();
  await page.getByTestId('review-run').click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${OUT}/03a-review-debug.png` });
  await expect(page.getByTestId('findings-table')).toContainText('DEM 格网分辨率');
  await page.mouse.move(box.x + 300, box.y + 200);
  await page.screenshot({ path: `${OUT}/03-review.png` });
  await page.getByTestId('tab-release').click();
  await page.getByTestId('release-button').click();
  await expect(page.getByTestId('release-result')).toBeVisible();
  await page.screenshot({ path: `${OUT}/04-release.png` });

  // Export refused for the original, then export + verify the public version.
  await page.getByTestId('tab-export').click();
  await page.getByTestId('export-dir').fill('/tmp/outbox');
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-error')).toContainText('只能导出公开版');
  await page.screenshot({ path: `${OUT}/05-export-refused.png` });
  await page.getByTestId('tab-release').click();
  await page.getByTestId('release-open').click();
  await page.getByTestId('tab-export').click();
  await page.getByTestId('export-dir').fill('/tmp/outbox');
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-bag')).toContainText('/tmp/outbox/strata-');
  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-ok', 'true');
  await page.screenshot({ path: `${OUT}/06-export-verify.png` });

  // Catalogue: invalid period, conflict.
  await page.getByTestId(`dataset-row-${rgb}`).click();
  await page.waitForTimeout(3000);
  await page.getByTestId('tab-catalogue').click();
  await page.getByTestId('field-period').fill('20月');
  await page.getByTestId('save-button').click();
  await expect(page.getByText('保密期限格式应为')).toBeVisible();
  await page.getByTestId('field-period').fill('长期');
  await expect(page.getByTestId('marking')).toContainText('秘密★长期');
  server.bumpVersion(rgb!);
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('save-error')).toContainText('记录已被他人修改');
  await page.screenshot({ path: `${OUT}/07-conflict.png` });

  // English.
  await page.getByText('English').click();
  await expect(page.getByTestId('save-error')).toContainText('changed meanwhile');
  await page.screenshot({ path: `${OUT}/08-english.png` });
  await page.getByText('中文').click();

  // Import dialog.
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-paths').fill('/data/nope/missing.tif\n/data/in/cogeo.tif');
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-result')).toBeVisible();
  await page.screenshot({ path: `${OUT}/09-import.png` });

  console.log(problems.join('\n'));
  console.log(`file requests: ${fileRequests.length}; without Range: ${fileRequests.filter((r) => r.endsWith('FULL')).length}`);
  console.log(fileRequests.slice(0, 12).join('\n'));
});

test('testids present', async ({ page }) => {
  await page.goto(server.url);
  const ids = server.datasetIds();
  await page.getByTestId(`dataset-row-${ids[0]}`).click();
  await page.waitForTimeout(1500);
  for (const tab of ['catalogue', 'review', 'release', 'export']) {
    await page.getByTestId(`tab-${tab}`).click();
    await page.waitForTimeout(300);
  }
  await page.getByTestId('tab-catalogue').click();
  const found = await page.evaluate(() => [...document.querySelectorAll('[data-testid]')].map((e) => `${e.tagName}:${e.getAttribute('data-testid')}`));
  console.log(found.join('\n'));
});
