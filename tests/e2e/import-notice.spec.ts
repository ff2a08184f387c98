import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pointsFromCsv } from '../support/gdal.js';
import { datasetRow, expect, openWorkstation, test } from './harness-fixture.js';
import { demFile, describedDem } from './inputs.js';

/** A shapefile set written by GDAL, then copied under `stem` without the sidecars in `leave`. */
async function setWithout(dir: string, stem: string, leave: readonly string[]): Promise<string> {
  const source = path.join(dir, 'full');
  const full = path.join(source, 'points');
  await mkdir(source, { recursive: true });
  const csv = path.join(dir, 'points.csv');
  await writeFile(csv, 'id,名称,x,y\n1,一号孔,110.05,24.9\n2,二号孔,110.1,24.95\n');
  await pointsFromCsv(csv, `${full}.shp`, { format: 'ESRI Shapefile', fields: 'id,名称' });
  const target = path.join(dir, stem);
  await mkdir(target, { recursive: true });
  for (const ext of ['shp', 'shx', 'dbf', 'prj', 'cpg'].filter((e) => !leave.includes(e))) {
    await copyFile(`${full}.${ext}`, path.join(target, `${stem}.${ext}`));
  }
  return path.join(target, `${stem}.shp`);
}

test('the import dialog tells a rebuilt .shx and refuses a set without .dbf', async ({ page, harness }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const noShx = await setWithout(harness.scratch, '无索引', ['shx']);
  const noDbf = await setWithout(harness.scratch, '无属性', ['dbf']);

  await page.goto(harness.url);
  await expect(page.getByTestId('audit-status')).toHaveAttribute('data-state', 'ok');

  // Only a notice: the set is imported, and the dialog stays open to say how it was read.
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-paths').fill(noShx);
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-result')).toContainText('读取时有以下情况请留意');
  await expect(page.getByTestId('import-notice')).toHaveAttribute('data-code', 'shapefile.shxMissing');
  await expect(page.getByTestId('import-notice')).toContainText('无索引.shp：缺少索引文件 .shx');
  await expect(page.getByTestId('import-failure')).toHaveCount(0);
  await page.getByTestId('import-cancel').click();
  await expect(page.locator('[data-testid^="dataset-row-"]', { hasText: '无索引' })).toBeVisible();

  // No .dbf: refused with the reason.
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-paths').fill(noDbf);
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-failure')).toHaveAttribute('data-code', 'CORRUPT_FILE');
  await expect(page.getByTestId('import-failure')).toContainText('缺少属性表 .dbf');
  await expect(page.getByTestId('import-notice')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('importing a file the archive holds already says so and opens the dataset holding it', async ({
  page,
  harness,
  shot,
}) => {
  const dem = await describedDem(harness, {
    title: '桂林幅 数字高程模型',
    abstract: '',
    level: '内部',
    period: '',
  });
  await openWorkstation(page, harness);
  const rows = page.locator('[data-testid^="dataset-row-"]');
  await expect(rows).toHaveCount(1);

  await page.getByTestId('import-button').click();
  await page.getByTestId('import-paths').fill(await harness.stage(demFile()));
  await page.getByTestId('import-submit').click();
  const duplicate = page.getByTestId('import-duplicate');
  await expect(duplicate).toHaveAttribute('data-code', 'import.duplicate');
  await expect(duplicate).toHaveAttribute('data-dataset', dem.id);
  await expect(duplicate).toContainText(
    `guilin_dem_xian80_gk40_5m.tif 已在馆藏中，未重复导入：内容（SHA-256）与已有资料“桂林幅 数字高程模型”（${dem.id}）相同`,
  );
  await expect(page.getByTestId('import-result')).toContainText('以下资料已在馆藏中，未重复导入');
  await expect(page.getByTestId('import-failure')).toHaveCount(0);
  await shot('import-duplicate');
  await expect(rows).toHaveCount(1);

  // 打开已有资料: the dialog closes on the dataset holding the bytes.
  await page.getByTestId('import-open-existing').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-dataset', dem.id);

  // A deliberate second record of the same bytes, asked for in the dialog.
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-submit').click();
  await page.getByTestId('import-allow-duplicate').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await expect(rows).toHaveCount(2);
  await expect(datasetRow(page, dem.id)).toBeVisible();
});
