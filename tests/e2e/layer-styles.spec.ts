import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { fixture } from '../fixtures/index.js';
import { gdalinfo } from '../support/gdal.js';
import { expect, openWorkstation, selectDataset, test } from './harness-fixture.js';
import { demFile, mineralPointsFile } from './inputs.js';
import { afterRender, mapPixels, shareInColours } from './map-pixels.js';

const run = promisify(execFile);

/** Distinct values of a field as GDAL reads the layer (the reference reader). */
async function distinctByGdal(file: string, field: string): Promise<Set<unknown>> {
  const { stdout } = await run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const collection = JSON.parse(stdout) as { features: { properties: Record<string, unknown> }[] };
  return new Set(collection.features.map((f) => f.properties[field]));
}

// Pixel tests of layer styling (ADR 0121): the map alone, at a fixed window size, compared with the
// reference images under tests/e2e/__screenshots__/ once the map has finished drawing.
test.use({ viewport: { width: 1920, height: 1080 } });

const SHOT = { maxDiffPixelRatio: 0.01, animations: 'disabled', caret: 'hide' } as const;

/** Picks an option of an Ant Design select by its visible title. */
async function choose(page: Page, testId: string, title: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
}

/** Imports one file, shows it alone and zoomed to, with its style panel open. */
async function showAndStyle(page: Page, id: string): Promise<void> {
  await selectDataset(page, id);
  await page.getByTestId(`layer-zoom-${id}`).click();
  await page.getByTestId(`dataset-style-${id}`).click();
  await expect(page.getByTestId('style-panel')).toBeVisible();
}

async function closePanel(page: Page): Promise<void> {
  await page.locator('.ant-drawer-close').click();
  await expect(page.getByTestId('style-panel')).toHaveCount(0);
  await page.mouse.move(0, 0);
}

test('a DEM in the terrain ramp with hillshade, percentile stretch, its histogram, kept after a reload', async ({
  page,
  harness,
  shot,
}) => {
  const dem = await harness.importOne(demFile());
  await openWorkstation(page, harness);
  await showAndStyle(page, dem.id);

  // The histogram is drawn from the sampled values, nodata left out: its ends lie inside GDAL's range.
  const histogram = page.getByTestId('style-histogram');
  await expect(histogram).toBeVisible();
  // -mm computes the true range without writing a .aux.xml beside the fixture.
  const band = (await gdalinfo(demFile(), '-mm')).bands[0] as { computedMin?: number; computedMax?: number };
  const sampledMin = Number((await page.getByTestId('style-histogram-min').innerText()).replace(/,/g, ''));
  const sampledMax = Number((await page.getByTestId('style-histogram-max').innerText()).replace(/,/g, ''));
  expect(sampledMin).toBeGreaterThanOrEqual((band.computedMin ?? NaN) - 0.01);
  expect(sampledMax).toBeLessThanOrEqual((band.computedMax ?? NaN) + 0.01);
  expect(sampledMax).toBeGreaterThan(sampledMin);

  await choose(page, 'style-ramp', '地形');
  await page.getByTestId('style-stretch').getByText('百分比截断').click();
  await afterRender(page, () => page.getByTestId('style-hillshade').click());
  await expect(page.getByTestId('style-hillshade-azimuth')).toHaveValue('315');
  await shot('style-panel-dem');
  await closePanel(page);
  await expect(page.getByTestId('map-container')).toHaveScreenshot('dem-terrain-hillshade.png', SHOT);

  // Saved per dataset in the renderer: a reload draws the same map.
  await page.reload();
  await expect(page.getByTestId('audit-status')).toHaveAttribute('data-state', 'ok');
  await selectDataset(page, dem.id);
  await afterRender(page, () => page.getByTestId(`layer-zoom-${dem.id}`).click());
  await page.mouse.move(0, 0);
  await expect(page.getByTestId('map-container')).toHaveScreenshot('dem-terrain-hillshade.png', SHOT);
});

test('RGB band mapping: BGRA imagery shown with red, green, blue from bands 3, 2, 1, alpha transparent', async ({
  page,
  harness,
}) => {
  const file = fixture('raster', 'RGBA.uint16.tif');
  const image = await harness.importOne(file);
  expect(
    (await gdalinfo(file)).bands.map((b) => (b as { colorInterpretation?: string }).colorInterpretation),
  ).toEqual(['Blue', 'Green', 'Red', 'Alpha']);
  await openWorkstation(page, harness);
  await showAndStyle(page, image.id);
  await expect(page.getByTestId('style-raster-kind').getByText('多波段彩色')).toBeVisible();
  await choose(page, 'style-rgb-red', '波段 3');
  await choose(page, 'style-rgb-blue', '波段 1');
  await afterRender(page, () => page.getByTestId('style-stretch').getByText('百分比截断').click());
  await expect(page.getByTestId('style-percentile-low')).toHaveValue(/^2(\.0)?$/);
  await expect(page.getByTestId('style-percentile-high')).toHaveValue(/^98(\.0)?$/);
  await closePanel(page);
  await expect(page.getByTestId('map-container')).toHaveScreenshot('rgb-bands-321-stretch.png', SHOT);
});

test('a palette GeoTIFF is drawn in its own colour table', async ({ page, harness }) => {
  const file = fixture('raster', 'worldPalette.tiff');
  const classes = await harness.importOne(file);
  await openWorkstation(page, harness);
  await showAndStyle(page, classes.id);
  await expect(
    page.getByTestId('style-raster-kind').locator('.ant-radio-button-wrapper-checked'),
  ).toContainText('调色板');
  await closePanel(page);
  await expect(page.getByTestId('map-container')).toHaveScreenshot('palette-colour-table.png', SHOT);
  // The map shows the colours of the table GDAL reads (all but the zoom buttons' corner).
  const band = (await gdalinfo(file)).bands[0] as { colorTable?: { entries: number[][] } };
  const table = band.colorTable?.entries ?? [];
  expect(table.length).toBe(256);
  expect(shareInColours(await mapPixels(page), table)).toBeGreaterThan(0.97);
});

test('points categorised by mineral with Chinese labels from a field', async ({ page, harness, shot }) => {
  const points = await harness.importOne(mineralPointsFile());
  await openWorkstation(page, harness);
  await showAndStyle(page, points.id);
  await page.getByTestId('style-vector-kind').getByText('分类').click();
  await choose(page, 'style-field', '矿种');
  await page.getByTestId('style-classify').click();
  // One class per distinct value GDAL reads, plus "other".
  const minerals = await distinctByGdal(mineralPointsFile(), '矿种');
  const legend = page.getByTestId('style-legend').locator('li');
  await expect(legend).toHaveCount(minerals.size + 1);
  for (const mineral of minerals)
    await expect(page.getByTestId('style-legend')).toContainText(String(mineral));
  await afterRender(page, () => page.getByTestId('style-labels').click());
  await expect(page.getByTestId('style-label-field')).toContainText('名称');
  await shot('style-panel-categorised');
  await closePanel(page);
  await expect(page.getByTestId('map-container')).toHaveScreenshot('points-categorised-labels.png', SHOT);
});
