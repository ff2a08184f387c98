import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { fixture } from '../fixtures/index.js';
import { strayHan, strayLatin } from '../support/scripts.js';
import { expect, test } from './harness-fixture.js';
import { TEAM } from '../support/team.js';

// The curator li.na works in the UI; the reviewer wang.shen approves from the command line (ADR 0176).
test.use({ signedInAs: 'curator' });

type Lang = 'zh-CN' | 'en';

interface Violation {
  readonly screen: string;
  readonly lang: Lang;
  readonly stray: readonly string[];
}

/** What the harness knows about the data on screen: names, titles, CRS names, ids (shown as is). */
interface DataOnScreen {
  readonly strings: string[];
}

const row = (page: Page, text: string): Locator =>
  page.locator('[data-testid^="dataset-row-"]', { hasText: text }).first();

/** A TIFF whose only IFD points back at itself as the next one ("IFD chain loops"). */
function loopingTiff(): Uint8Array {
  const bytes = new Uint8Array(8 + 2 + 12 + 4);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49]);
  view.setUint16(2, 42, true);
  view.setUint32(4, 8, true);
  view.setUint16(8, 1, true);
  view.setUint16(10, 256, true); // ImageWidth, SHORT, 1
  view.setUint16(12, 3, true);
  view.setUint32(14, 1, true);
  view.setUint16(18, 1, true);
  view.setUint32(22, 8, true);
  return bytes;
}

/** Calls the harness like the page does (token from the URL), to learn the data the screens show. */
async function rpc<T>(harnessUrl: string, method: string, args: object): Promise<T> {
  const url = new URL(harnessUrl);
  const response = await fetch(new URL('/rpc', url.origin), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-strata-token': url.searchParams.get('token') ?? '',
      origin: url.origin,
    },
    body: JSON.stringify({ method, args }),
  });
  const result = (await response.json()) as { ok: boolean; value: T };
  if (!result.ok) throw new Error(`${method} failed`);
  return result.value;
}

async function dataOnScreen(harnessUrl: string, extra: readonly string[]): Promise<DataOnScreen> {
  const list = await rpc<
    { id: string; name: string; title: string; crs: string | null; crsName: string | null; sha256: string }[]
  >(harnessUrl, 'datasets.list', {});
  const strings = [...extra];
  for (const d of list) {
    strings.push(d.id, d.name, d.title, d.sha256, path.parse(d.name).name);
    if (d.crs) strings.push(d.crs);
    if (d.crsName) strings.push(d.crsName);
    const detail = await rpc<{
      record: { fields: { abstract: string; attribution: string } };
      review: { id: string; findings: { ruleId: string }[] } | null;
      fields: { name: string }[];
    }>(harnessUrl, 'datasets.get', { id: d.id });
    strings.push(
      detail.record.fields.abstract,
      detail.record.fields.attribution,
      ...detail.fields.map((f) => f.name),
    );
    if (detail.review) strings.push(detail.review.id, ...detail.review.findings.map((f) => f.ruleId));
  }
  // Longest first, so a name is removed whole before a shorter one that it contains.
  return { strings: strings.filter((s) => s !== '').sort((a, b) => b.length - a.length) };
}

/**
 * Text that is data or an identifier, never UI wording: ids, hashes, paths, times, numbers with
 * units, EPSG codes, raster data types; and the other language's name on the language switch.
 */
const NOT_WORDING: readonly RegExp[] = [
  /\b(?:ds|rv)_[0-9a-f]+\b/g,
  /\b[0-9a-f]{16,}\b/g,
  /(?:[A-Za-z]:)?[\w.\-~\u4e00-\u9fff]*\/[^\s，。；、）)]*/g,
  /\bEPSG:\d+\b/g,
  /\b(?:Byte|UInt16|Int16|UInt32|Int32|Float32|Float64)\b/g,
  /\bv\d+(?:\.\d+)*\b/g,
];

function strip(text: string, data: DataOnScreen, lang: Lang): string {
  let rest = text;
  for (const s of data.strings) rest = rest.split(s).join(' ');
  for (const re of NOT_WORDING) rest = rest.replace(re, ' ');
  // Each language is offered on the switch in its own name.
  return rest.split(lang === 'en' ? '中文' : 'English').join(' ');
}

/**
 * The text a sighted user sees: body.innerText, without zero-size boxes (antd's screen-reader-only
 * option lists, which carry option values rather than labels).
 */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const hidden: HTMLElement[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      if (el.offsetWidth === 0 && el.offsetHeight === 0 && el.getClientRects().length > 0) hidden.push(el);
    }
    const before = hidden.map((el) => el.style.display);
    for (const el of hidden) el.style.display = 'none';
    const text = document.body.innerText;
    hidden.forEach((el, i) => {
      el.style.display = before[i] ?? '';
    });
    return text;
  });
}

/** Switches the UI language with the switch in the top bar and waits until the page shows it. */
async function useLang(page: Page, lang: Lang): Promise<void> {
  const label = lang === 'en' ? 'English' : '中文';
  await page.getByTestId('lang-switch').getByText(label, { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByTestId('import-button')).toHaveText(lang === 'en' ? 'Import data' : '导入数据');
}

/**
 * Closes what `open` opened and waits until it is gone: a closing popup keeps its old content
 * while it fades, and would otherwise pass for the next language's one.
 */
async function closePopups(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
  await expect(page.locator('.ant-tooltip:visible, .ant-select-dropdown:visible')).toHaveCount(0);
}

test('every screen and every error reads in one language, in Chinese and in English', async ({
  page,
  harness,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const violations: Violation[] = [];
  let data: DataOnScreen;

  const dem = path.join(harness.scratch, 'guilin_dem_xian80_gk40_5m.tif');
  await cp(fixture('chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif'), dem);
  const kuangdianDir = path.join(harness.scratch, 'kuangdian');
  await cp(path.dirname(fixture('chinese', 'shapefile', 'kuangdian_gbk_cpg', '矿点.shp')), kuangdianDir, {
    recursive: true,
  });
  const kuangdian = path.join(kuangdianDir, '矿点.shp');
  const world = path.join(harness.scratch, 'world.zh.json');
  await cp(fixture('geojson', 'world.zh.json'), world);
  const missing = path.join(harness.scratch, 'missing.tif');
  const looping = path.join(harness.scratch, 'looping.tif');
  await writeFile(looping, loopingTiff());
  const truncated = path.join(harness.scratch, 'truncated.tif');
  await writeFile(truncated, (await readFile(dem)).subarray(0, 4096));
  const typed = {
    title: '桂林幅数字高程模型（语言测试）',
    abstract: '语言测试用的摘要。',
    attribution: '广西壮族自治区地质调查院（语言测试）',
  };
  const outDir = path.join(harness.scratch, 'outbox');
  // Data the screens show as is besides the datasets': the user's name and the files the test made.
  const fileNames = [TEAM.curator.name, 'missing.tif', 'looping.tif', 'truncated.tif', 'outbox'];

  /** Checks the page as it is now, in `lang`: nothing of the other script outside data. */
  const check = async (screen: string, lang: Lang): Promise<string> => {
    const text = await visibleText(page);
    const rest = strip(text, data, lang);
    const stray = lang === 'en' ? strayHan(rest) : strayLatin(rest);
    if (stray.length > 0) violations.push({ screen, lang, stray: [...new Set(stray)] });
    return text;
  };
  /** The screen as it is, in Chinese and then in English (the language it started in last). */
  const bothLanguages = async (screen: string, open?: () => Promise<void>): Promise<void> => {
    for (const lang of ['en', 'zh-CN'] as const) {
      await useLang(page, lang);
      if (open) await open();
      await check(screen, lang);
      if (open) await closePopups(page);
    }
  };

  await page.goto(harness.url);
  await expect(page.getByTestId('audit-status')).toHaveAttribute('data-state', 'ok');
  // The harness may already hold other tests' datasets (one per worker): their names are data too.
  data = await dataOnScreen(harness.url, fileNames);
  await check('start', 'zh-CN');

  // Import dialog: three good files, a missing one, and two corrupt TIFFs (written here).
  const importFailing = async (paths: readonly string[]): Promise<string> => {
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-paths').fill(paths.join('\n'));
    await page.getByTestId('import-submit').click();
    await expect(page.getByTestId('import-result')).toBeVisible();
    await expect(page.getByTestId('import-failure')).toHaveCount(3);
    return page.getByTestId('import-result').innerText();
  };
  const zhFailures = await importFailing([dem, kuangdian, world, missing, looping, truncated]);
  expect(zhFailures).toContain('IFD 链成环');
  data = await dataOnScreen(harness.url, fileNames);
  await check('import dialog with failed and corrupt files', 'zh-CN');
  await page.getByTestId('import-cancel').click();
  await useLang(page, 'en');
  const enFailures = await importFailing([missing, looping, truncated]);
  expect(enFailures).toContain('IFD chain loops');
  await check('import dialog with failed and corrupt files', 'en');
  await page.getByTestId('import-cancel').click();

  // Layer list and map, with a layer selected and the zoom tooltip open.
  await row(page, 'guilin_dem').click();
  await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-dataset', /^ds_/);
  await bothLanguages('layer list and map', async () => {
    await page.getByTestId('layer-tree').locator('[data-testid^="layer-zoom-"]').first().hover();
    await expect(page.locator('.ant-tooltip').last()).toBeVisible();
  });

  // 信息 of a vector and a raster: formats, geometry types, sizes.
  await row(page, '矿点').click();
  await page.getByTestId('tab-info').click();
  await bothLanguages('信息 tab of a shapefile');
  await row(page, 'guilin_dem').click();
  await page.getByTestId('tab-info').click();
  await bothLanguages('信息 tab of a GeoTIFF');

  // 著录: a title and abstract the test types, 秘密 with a 10-year period, saved as version 2.
  await useLang(page, 'zh-CN');
  await page.getByTestId('tab-catalogue').click();
  await page.getByTestId('field-title').fill(typed.title);
  await page.getByTestId('field-abstract').fill(typed.abstract);
  await page.getByTestId('field-attribution').fill(typed.attribution);
  await page.getByTestId('field-level').click();
  await page.locator('.ant-select-item-option', { hasText: '秘密' }).click();
  await page.getByTestId('field-period').fill('10年');
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('save-result')).toBeVisible();
  await expect(page.getByTestId('version-history').locator('tbody tr.ant-table-row')).toHaveCount(2);
  data = await dataOnScreen(harness.url, fileNames);
  await bothLanguages('著录 tab');
  await useLang(page, 'en');
  await expect(page.getByTestId('marking')).toHaveText('Confidential (秘密) ★ 10 years');
  await expect(page.getByTestId('field-period')).toHaveValue('10 years');
  await bothLanguages('著录 tab, level list open', async () => {
    await page.getByTestId('field-level').click();
    await expect(page.locator('.ant-select-dropdown').last()).toBeVisible();
  });

  // 审查: the 5 m DEM grid is blocking.
  await page.getByTestId('tab-review').click();
  await page.getByTestId('review-run').click();
  await expect(page.getByTestId('review-summary')).toHaveAttribute('data-passed', 'false');
  data = await dataOnScreen(harness.url, fileNames);
  await bothLanguages('审查 tab with findings');
  await useLang(page, 'en');
  await expect(page.getByTestId('findings-table')).toContainText('DEM grid resolution 5 m');

  // The reviewer decides and approves from the command line (a release needs a signed approval).
  const demId = (await harness.api.call('datasets.list', {})).find((d) => d.name === path.basename(dem))?.id;
  if (demId === undefined) throw new Error('the DEM is not in the catalogue');
  await harness.readyForRelease(demId);
  await page.getByTestId(`dataset-row-${demId}`).click();

  // 公开版: produced, with its lineage and re-review.
  await page.getByTestId('tab-release').click();
  await page.getByTestId('release-button').click();
  await expect(page.getByTestId('release-result')).toBeVisible();
  data = await dataOnScreen(harness.url, fileNames);
  await bothLanguages('公开版 tab');
  await page.getByTestId('release-open').click();
  await expect(page.getByTestId('detail-title')).toContainText(typed.title);
  await bothLanguages('公开版 selected');
  const publicId = await page.getByTestId('detail-panel').getAttribute('data-dataset');
  if (publicId === null) throw new Error('no public version selected');
  await harness.approve(publicId);

  // 导出: the package is exported, then a payload file removed, so verify fails.
  await page.getByTestId('tab-export').click();
  await page.getByTestId('export-dir').fill(outDir);
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-bag')).toContainText('outbox');
  const [bagName] = await readdir(outDir);
  if (bagName === undefined) throw new Error('no bag written');
  const dataDir = path.join(outDir, bagName, 'data');
  const [payload] = (await readdir(dataDir)).filter((f) => f.endsWith('.tif'));
  if (payload === undefined) throw new Error('no payload file');
  await rm(path.join(dataDir, payload));
  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('verify-step-complete')).toHaveAttribute('data-ok', 'false');
  data = await dataOnScreen(harness.url, [...fileNames, bagName, payload]);
  await bothLanguages('导出 tab with a failed verify');
  await useLang(page, 'zh-CN');
  await expect(page.getByTestId('verify-step-complete')).toContainText('Payload-Oxum 与载荷不符');
  await expect(page.getByTestId('verify-step-signature')).toContainText('已跳过');
  await useLang(page, 'en');
  await expect(page.getByTestId('verify-step-signature')).toContainText('skipped');

  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});
