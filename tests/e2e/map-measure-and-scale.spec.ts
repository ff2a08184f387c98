import type { Page } from '@playwright/test';
import { fixture } from '../fixtures/index.js';
import { projArea, spatialite, wktPositions } from '../support/proj-geodesic.js';
import { expect, openWorkstation, test } from './harness-fixture.js';
import { mineralPointsFile } from './inputs.js';
import { cursorAt, type XY } from './map-tools-support.js';

/** Page positions on the map, as fractions of its box. */
async function onMap(page: Page, fractions: readonly XY[]): Promise<XY[]> {
  const box = await page.getByTestId('map-container').boundingBox();
  if (!box) throw new Error('the map has no box');
  return fractions.map(([fx, fy]) => [box.x + fx * box.width, box.y + fy * box.height] as const);
}

/** Clicks the vertices (the last one twice to finish), reading each one's lon/lat from the cursor readout first. */
async function drawByMouse(page: Page, vertices: readonly XY[]): Promise<XY[]> {
  const lonLats: XY[] = [];
  for (const [i, p] of vertices.entries()) {
    lonLats.push(await cursorAt(page, p));
    await page.mouse.click(...p);
    if (i === vertices.length - 1) await page.mouse.click(...p);
  }
  return lonLats;
}

test('distance and area measured by mouse are geodesic on CGCS2000 (as SpatiaLite and PROJ compute them); scale selector and shortcuts', async ({
  page,
  harness,
  shot,
}) => {
  const points = await harness.importOne(mineralPointsFile());
  await openWorkstation(page, harness);
  await page.getByTestId(`dataset-row-${points.id}`).click();
  await page.getByTestId(`layer-zoom-${points.id}`).click();
  // The map (default CGCS2000) and cursor in CGCS2000 degrees.
  await expect(page.getByTestId('status-crs')).toHaveAttribute('data-crs', 'EPSG:4490');
  await expect(page.getByTestId('cursor-crs-select')).toContainText('EPSG:4490');

  // Distance: M, three vertices, double-click on the last.
  await page.getByTestId('map-container').focus();
  await page.keyboard.press('m');
  await expect(page.getByTestId('tool-measureLength')).toBeChecked();
  const line = await drawByMouse(
    page,
    await onMap(page, [
      [0.2, 0.3],
      [0.6, 0.25],
      [0.7, 0.7],
    ]),
  );
  const length = page.getByTestId('measure-length');
  await expect(page.getByTestId('measure-panel')).toHaveAttribute('data-done', 'true');
  const reference = await spatialite(
    'ST_Length',
    `LINESTRING(${wktPositions(line)})`,
    fixture('geojson', 'world.zh.json'),
  );
  // The readout rounds each vertex to 1e-6° (≤ 0.08 m): three vertices move the length by < 0.5 m.
  expect(Math.abs(Number(await length.getAttribute('data-metres')) - reference)).toBeLessThan(0.5);
  // Shown in km to the metre, with the unit: e.g. "23.456 千米".
  const shown = /^([\d,]+\.\d{3}) 千米$/.exec(await length.innerText());
  expect(Math.abs(Number(shown?.[1]?.replace(/,/g, '')) * 1000 - reference)).toBeLessThan(1);
  await shot('measure-length');

  // Esc drops the result and the tool stays on; a second Esc returns to identify.
  await page.keyboard.press('Escape');
  await expect(length).toHaveCount(0);
  await expect(page.getByTestId('tool-measureLength')).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tool-identify')).toBeChecked();
  await expect(page.getByTestId('measure-panel')).toHaveCount(0);

  // Area: Shift+M, a quadrilateral.
  await page.getByTestId('map-container').focus();
  await page.keyboard.press('Shift+M');
  await expect(page.getByTestId('tool-measureArea')).toBeChecked();
  const ring = await drawByMouse(
    page,
    await onMap(page, [
      [0.25, 0.25],
      [0.65, 0.3],
      [0.7, 0.75],
      [0.3, 0.7],
    ]),
  );
  await expect(page.getByTestId('measure-panel')).toHaveAttribute('data-done', 'true');
  const area = page.getByTestId('measure-area');
  const areaReference = Math.abs(await projArea(ring));
  const perimeter = await spatialite(
    'ST_Length',
    `LINESTRING(${wktPositions([...ring, ring[0] as XY])})`,
    fixture('geojson', 'world.zh.json'),
  );
  const measured = Number(await area.getAttribute('data-square-metres'));
  expect(Number(await page.getByTestId('measure-length').getAttribute('data-metres'))).toBeCloseTo(
    perimeter,
    -1,
  );
  // Vertex rounding (≤ 0.08 m) shifts the area by at most perimeter × 0.08 m.
  expect(Math.abs(measured - areaReference)).toBeLessThan(perimeter * 0.08);
  await expect(area).toContainText('平方千米');
  await expect(area).toContainText('公顷');
  await shot('measure-area');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tool-identify')).toBeChecked();

  // Scale: pick 1:50,000 from the series, then type 1:2.5万; nonsense is refused with a reason.
  const scale = page.getByTestId('scale-input');
  await scale.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '1:50,000' }).click();
  await expect(page.getByTestId('status-scale')).toContainText('1:50,000');
  await scale.locator('input').fill('1:2.5万');
  await scale.locator('input').press('Enter');
  await page.getByTestId('map-container').focus();
  await expect(scale.locator('input')).toHaveValue('1:25,000');
  await scale.locator('input').fill('一比五万');
  await scale.locator('input').press('Enter');
  await expect(page.getByTestId('scale-error')).toContainText('不是比例尺');
  await page.getByTestId('map-container').focus();

  // +/- zoom (OpenLayers' keys on the focused map): one step doubles or halves the scale.
  await page.keyboard.press('-');
  await expect(scale.locator('input')).toHaveValue('1:50,000');
  await page.keyboard.press('+');
  await expect(scale.locator('input')).toHaveValue('1:25,000');

  // ? opens the shortcut list, Esc closes it.
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcut-help')).toBeVisible();
  await expect(page.getByTestId('shortcut-help')).toContainText('测量面积');
  await shot('shortcut-help');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcut-help')).toBeHidden();
  // A scale bar is drawn on the map.
  await expect(page.locator('.ol-scale-bar')).toBeVisible();
});
