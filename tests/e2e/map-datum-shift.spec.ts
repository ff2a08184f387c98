// The map draws national datums as the main process transforms them (ADR 0105): a Beijing 1954
// grid on the CGCS2000 map is drawn unshifted, and says so, until the user loads the secret
// 7-parameter shift; then its pixels move to where PROJ puts them with that shift.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { fixture } from '../fixtures/index.js';
import { expect, openWorkstation, test } from './harness-fixture.js';
import { gdalTransform, pixelCentre, positionOf, type XY } from './map-tools-support.js';

// EPSG:2435 (the fixture's name says CM 117E; EPSG's CM 117E is 2436).
const BEIJING_GK_114 = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=krass +units=m';
const CGCS2000 = '+proj=longlat +ellps=GRS80';
/** Made-up parameters moving points by about a kilometre: ten of the grid's 100 m pixels. */
const PARAMS = [-800, 600, 300, 0.5, -1.25, 2.75, 3.5] as const;

/**
 * Clicks the map where the CGCS2000 cursor reads `at`, after a click off the grid that clears the
 * identify panel (so the pixel read is this click's); the pixel identify names there.
 */
async function pixelShownAt(page: Page, id: string, at: XY): Promise<{ column: number; row: number }> {
  const panel = page.getByTestId(`identify-raster-${id}`);
  const box = await page.getByTestId('map-container').boundingBox();
  if (!box) throw new Error('the map has no box');
  const target = await positionOf(page, at);
  await page.mouse.click(box.x + box.width - 12, box.y + box.height - 12);
  await expect(panel).toHaveCount(0);
  // Two clicks within 250 ms are a double-click to OpenLayers (a zoom), not two identifies.
  await page.waitForTimeout(400);
  await page.mouse.click(...target);
  const shown = panel.getByTestId('identify-pixel');
  await expect(shown).toHaveAttribute('data-column', /\d/);
  return {
    column: Number(await shown.getAttribute('data-column')),
    row: Number(await shown.getAttribute('data-row')),
  };
}

test('a Beijing 1954 grid moves to PROJ’s position once the datum shift is loaded', async ({
  page,
  harness,
  shot,
}) => {
  const file = await harness.stage(fixture('chinese', 'raster', 'crs', 'beijing54_gk3_cm117_2435.tif'));
  const [grid] = (await harness.api.call('datasets.import', { paths: [file] })).datasets;
  if (!grid) throw new Error('import');
  await openWorkstation(page, harness);
  await page.getByTestId(`dataset-row-${grid.id}`).click();
  await page.getByTestId(`layer-zoom-${grid.id}`).click();
  await expect(page.getByTestId('datum-shift-unknown')).toHaveAttribute('title', /EPSG:2435 → EPSG:4490/);

  const pixel = { column: 50, row: 40 };
  const centre = await pixelCentre(file, pixel);
  const unshifted = await gdalTransform(BEIJING_GK_114, CGCS2000, centre);
  const shifted = await gdalTransform(
    `${BEIJING_GK_114} +towgs84=${PARAMS.join(',')}`,
    `${CGCS2000} +towgs84=0,0,0`,
    centre,
  );
  await expect(async () => {
    expect(await pixelShownAt(page, grid.id, unshifted)).toEqual(pixel);
  }).toPass();

  const shifts = path.join(harness.scratch, 'shifts.json');
  const [tx, ty, tz, rx, ry, rz, ds] = PARAMS;
  await writeFile(
    shifts,
    JSON.stringify({
      format: 'strata-datum-shifts/1',
      shifts: [
        {
          name: '北京54→2000',
          from: 'EPSG:4214',
          to: 'EPSG:4490',
          method: 'helmert-7',
          tx,
          ty,
          tz,
          rx,
          ry,
          rz,
          ds,
        },
      ],
    }),
  );
  await page.getByTestId('datum-shift-open').click();
  await page.getByTestId('datum-shift-path').fill(shifts);
  await page.getByTestId('datum-shift-load').click();
  await expect(page.getByTestId('datum-shift-pairs')).toContainText('北京54→2000：EPSG:4214 → EPSG:4490');
  await shot('map-datum-shift-loaded');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('datum-shift-unknown')).toHaveCount(0);
  await expect(page.getByTestId('datum-shift-open')).toContainText('1');

  await expect(async () => {
    expect(await pixelShownAt(page, grid.id, shifted)).toEqual(pixel);
  }).toPass();
  // Where the pixel was drawn before, another one is now: about ten pixels away.
  const there = await pixelShownAt(page, grid.id, unshifted);
  expect(Math.hypot(there.column - pixel.column, there.row - pixel.row)).toBeGreaterThan(5);
});
