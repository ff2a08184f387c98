import type { Page } from '@playwright/test';
import { ogrLayers } from '../support/ogr-layers.js';
import { expect, openWorkstation, test } from './harness-fixture.js';
import { mineralPointsFile } from './inputs.js';
import { chooseCrs, cursorAt, positionOf, tool, type XY } from './map-tools-support.js';
import { inside, overlaps, useLang, type Box } from './workspace-support.js';

interface Point {
  readonly fid: number;
  readonly xy: XY;
  readonly properties: Readonly<Record<string, string | number | null>>;
}

/** The layer's points as GDAL reads them, numbered in file order as OGR numbers a shapefile's (0..N-1). */
async function gdalPoints(file: string, where?: string): Promise<Point[]> {
  const out = await tool('ogr2ogr', [
    ...['-f', 'GeoJSON', '-lco', 'RFC7946=NO', '-preserve_fid', '/vsistdout/', file],
    ...(where === undefined ? [] : ['-where', where]),
  ]);
  const collection = JSON.parse(out) as {
    features: { id: number; properties: Point['properties']; geometry: { coordinates: [number, number] } }[];
  };
  return collection.features.map((f) => ({
    fid: f.id,
    xy: f.geometry.coordinates,
    properties: f.properties,
  }));
}

/** The point farthest from its nearest neighbour: a click on it cannot pick another one. */
function loneliest(points: readonly Point[]): Point {
  const gap = (p: Point): number =>
    Math.min(...points.filter((q) => q !== p).map((q) => Math.hypot(q.xy[0] - p.xy[0], q.xy[1] - p.xy[1])));
  const best = [...points].sort((a, b) => gap(b) - gap(a))[0];
  if (!best) throw new Error('no points');
  return best;
}

const row = (page: Page, index: number) =>
  page.locator(`[data-testid="feature-row"][data-index="${String(index)}"]`);
const map = (page: Page) => page.getByTestId('map-container');

async function boxOf(page: Page, testId: string): Promise<Box> {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} not on screen`);
  return box;
}

test('issue 6: the attribute table sorts and filters as GDAL does, a selected row is drawn on the map, and a feature clicked on the map selects its row', async ({
  page,
  harness,
  shot,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const points = await harness.importOne(mineralPointsFile());
  const file = await harness.stage(mineralPointsFile());
  const all = await gdalPoints(file);
  const [layer] = await ogrLayers(file);

  await openWorkstation(page, harness);
  await page.getByTestId(`layer-row-${points.id}`).click();
  await page.getByTestId(`layer-zoom-${points.id}`).click();
  await page.getByTestId('layer-open-table').click();

  // One row per feature, the count ogrinfo -so gives; columns are the layer's fields.
  const table = page.getByTestId('feature-table');
  const counts = page.getByTestId('feature-table-counts');
  await expect(counts).toHaveAttribute('data-total', String(layer?.featureCount));
  await expect(counts).toHaveAttribute('data-matched', String(layer?.featureCount));
  for (const field of layer?.fields ?? [])
    await expect(page.getByTestId(`feature-table-sort-${field.name}`)).toBeVisible();
  await expect(row(page, 0)).toHaveAttribute('data-fid', '0');
  // Virtualised: only the rows in view and a few more are in the page.
  const inDom = await page.getByTestId('feature-row').count();
  expect(inDom).toBeGreaterThan(5);
  expect(inDom).toBeLessThan(layer?.featureCount ?? 0);

  // Docked below the map at 1366×768: it covers neither the map, the layer tree nor the 著录 form.
  const boxes: Record<string, Box> = {};
  for (const id of ['feature-table', 'map-container', 'layer-panel', 'detail-panel', 'status-bar'])
    boxes[id] = await boxOf(page, id);
  for (const [a, boxA] of Object.entries(boxes)) {
    for (const [b, boxB] of Object.entries(boxes))
      if (a < b) expect(overlaps(boxA, boxB), `${a} and ${b} overlap`).toBe(false);
    expect(inside(boxA, { x: 0, y: 0, width: 1366, height: 768 }), `${a} inside the window`).toBe(true);
  }
  expect(boxes['map-container']?.height, 'the map keeps a usable height').toBeGreaterThan(300);
  for (const id of ['field-title', 'save-button']) {
    const field = page.getByTestId(id);
    const box = await boxOf(page, id);
    expect(inside(box, boxes['detail-panel'] ?? box), `${id} in the right panel`).toBe(true);
    await expect(field).toBeInViewport({ ratio: 1 });
  }

  // Sorted by 储量, descending (second click): the first rows are those ORDER BY 储量 DESC gives.
  const byReserve = [...all].sort((a, b) => Number(b.properties['储量']) - Number(a.properties['储量']));
  await page.getByTestId('feature-table-sort-储量').click();
  await page.getByTestId('feature-table-sort-储量').click();
  await expect(page.getByTestId('feature-table-sort-储量')).toHaveAttribute('aria-sort', 'descending');
  for (const [index, point] of byReserve.slice(0, 3).entries())
    await expect(row(page, index)).toHaveAttribute('data-fid', String(point.fid));

  // Filtered to 矿种 = 钨矿: as many rows as ogrinfo -where finds, still in that order.
  const tungsten = await gdalPoints(file, `"矿种" = '钨矿'`);
  expect(tungsten.length).toBeGreaterThan(1);
  await page.getByTestId('feature-table-filter-field').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="矿种"]').click();
  await page.getByTestId('feature-table-filter-value').fill('钨矿');
  await page.getByTestId('feature-table-filter-apply').click();
  await expect(counts).toHaveAttribute('data-matched', String(tungsten.length));
  const tungstenByReserve = byReserve.filter((p) => p.properties['矿种'] === '钨矿');
  await expect(row(page, 0)).toHaveAttribute('data-fid', String(tungstenByReserve[0]?.fid));

  // Selecting a row draws that feature in the map's selection layer; zoom to selection centres it.
  await row(page, 0).click();
  await expect(row(page, 0)).toHaveAttribute('aria-selected', 'true');
  await expect(map(page)).toHaveAttribute('data-selected', '1');
  await expect(map(page)).toHaveAttribute('data-selected-layer', points.id);
  await page.getByTestId('feature-table-zoom').click();
  await chooseCrs(page, 'cursor-crs-select', 'EPSG:4545');
  const box = await map(page).boundingBox();
  if (!box) throw new Error('no map');
  const centre = await cursorAt(page, [box.x + box.width / 2, box.y + box.height / 2]);
  const chosen = tungstenByReserve[0];
  if (!chosen) throw new Error('no row');
  expect(
    Math.hypot(centre[0] - chosen.xy[0], centre[1] - chosen.xy[1]),
    'metres off the selection',
  ).toBeLessThan(5);
  // Ctrl-click adds a second row to the selection.
  await row(page, 1).click({ modifiers: ['Control'] });
  await expect(map(page)).toHaveAttribute('data-selected', '2');
  await expect(counts).toHaveAttribute('data-selected', '2');
  await shot('attribute-table-selection');

  // Back to every feature, sorted so that the point to click has its row far down the table.
  await page.getByTestId('feature-table-filter-clear').click();
  await expect(counts).toHaveAttribute('data-matched', String(layer?.featureCount));
  const target = loneliest(all);
  const downAt = byReserve.findIndex((p) => p.fid === target.fid);
  if (downAt < all.length / 2) {
    // Ascending puts it in the lower half (descending, then the file's order, then ascending).
    await page.getByTestId('feature-table-sort-储量').click();
    await page.getByTestId('feature-table-sort-储量').click();
    await expect(page.getByTestId('feature-table-sort-储量')).toHaveAttribute('aria-sort', 'ascending');
  }
  const expectedIndex = downAt < all.length / 2 ? all.length - 1 - downAt : downAt;
  expect(expectedIndex).toBeGreaterThanOrEqual(all.length / 2);
  await page.getByTestId(`layer-zoom-${points.id}`).click();
  await expect(async () => {
    await page.mouse.click(...(await positionOf(page, target.xy)));
    await expect(page.locator('[data-testid="feature-row"][aria-selected="true"]')).toHaveAttribute(
      'data-fid',
      String(target.fid),
      { timeout: 3_000 },
    );
  }).toPass();
  const picked = page.locator('[data-testid="feature-row"][aria-selected="true"]');
  await expect(picked).toHaveCount(1);
  await expect(picked).toHaveAttribute('data-index', String(expectedIndex));
  await expect(picked).toBeInViewport();
  await expect(map(page)).toHaveAttribute('data-selected', '1');
  await expect(table).toContainText(String(target.properties['名称']));
  await shot('attribute-table-picked-on-map');

  // The identify panel is a switch away; closing the table clears the selection on the map.
  await table.getByTestId('dock-view').getByText('识别结果').click();
  await expect(page.getByTestId('attribute-table')).toContainText(String(target.properties['名称']));
  await page.getByTestId('attribute-panel').getByTestId('dock-view').getByText('属性表').click();
  await expect(table).toBeVisible();
  await page.getByTestId('feature-table-close').click();
  await expect(table).toHaveCount(0);
  await expect(map(page)).toHaveAttribute('data-selected', '0');
  await expect(page.getByTestId('attribute-panel')).toBeVisible();

  // The layer's row opens it too, from its context menu (right-click, as in QGIS).
  await page.getByTestId(`layer-row-${points.id}`).click({ button: 'right' });
  await page.getByTestId(`layer-menu-table-${points.id}`).click();
  await expect(counts).toHaveAttribute('data-total', String(layer?.featureCount));

  // In English, every part of the header and toolbar still fits beside the form.
  await useLang(page, 'en');
  await expect(counts).toContainText(`of ${String(layer?.featureCount)} shown`);
  for (const id of ['feature-table-zoom', 'feature-table-close', 'feature-table-filter-clear'])
    expect(inside(await boxOf(page, id), await boxOf(page, 'feature-table')), `${id} inside the table`).toBe(
      true,
    );
  // A number the field cannot take is refused with the reason, and the table stays usable.
  await page.getByTestId('feature-table-filter-field').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="储量"]').click();
  await page.getByTestId('feature-table-filter-value').fill('lots');
  await page.getByTestId('feature-table-filter-apply').click();
  await expect(page.getByTestId('feature-table-error')).toContainText(
    'Invalid argument: the field “储量” is numeric and “lots” is not a number',
  );
  await shot('attribute-table-en');
  await page.getByTestId('feature-table-filter-clear').click();
  await expect(page.getByTestId('feature-table-error')).toHaveCount(0);
  await expect(row(page, 0)).toHaveAttribute('data-fid', '0');
});
