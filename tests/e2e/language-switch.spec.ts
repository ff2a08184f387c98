import type { Page } from '@playwright/test';
import { en } from '../../src-renderer/i18n/en.js';
import { zhCN, type UiStrings } from '../../src-renderer/i18n/zh-CN.js';
import { expect, openWorkstation, selectDataset, test } from './harness-fixture.js';
import { demFile } from './inputs.js';

/** The top bar and the detail tabs read in one language. */
async function expectLanguage(page: Page, lang: 'zh-CN' | 'en', strings: UiStrings): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByTestId('app-title')).toHaveText(strings.app.title);
  await expect(page.getByTestId('import-button')).toHaveText(strings.app.import);
  for (const tab of ['catalogue', 'review', 'release', 'export'] as const) {
    await expect(page.getByTestId(`tab-${tab}`)).toHaveText(strings.detail.tabs[tab]);
  }
}

test('the language switch turns the workstation to English and back, and is remembered', async ({
  page,
  harness,
  shot,
}) => {
  const dem = await harness.importOne(demFile());
  await openWorkstation(page, harness);
  await selectDataset(page, dem.id);
  await expectLanguage(page, 'zh-CN', zhCN);

  await page.getByTestId('lang-switch').getByText('English').click();
  await expectLanguage(page, 'en', en);
  await page.getByTestId('tab-review').click();
  await shot('08-english');

  await page.reload();
  await expect(page.getByTestId('audit-status')).toHaveAttribute('data-state', 'ok');
  await selectDataset(page, dem.id);
  await expectLanguage(page, 'en', en);

  await page.getByTestId('lang-switch').getByText('中文').click();
  await expectLanguage(page, 'zh-CN', zhCN);
});
