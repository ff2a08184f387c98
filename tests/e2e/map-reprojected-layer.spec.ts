// Pixel test of a reprojected layer (issue 6): imagery in a CGCS2000 3° Gauss-Krüger zone
// (EPSG:4545, metres) drawn in the map's CGCS2000 degrees and in Web Mercator. The drawn pixels
// must cover exactly the box PROJ puts the image's corners in (found through the cursor readout,
// as a user would), and the map must match its reference image.
import type { Page } from '@playwright/test';
import { fixture } from '../fixtures/index.js';
import { gdalinfo } from '../support/gdal.js';
import { expect, openWorkstation, selectDataset, test } from './harness-fixture.js';
import { afterRender, mapPixels } from './map-pixels.js';
import { chooseCrs, positionOf, type XY } from './map-tools-support.js';

test.use({ viewport: { width: 1920, height: 1080 } });

const SHOT = { maxDiffPixelRatio: 0.01, animations: 'disabled', caret: 'hide' } as const;
const IMAGERY = (): string => fixture('chinese', 'raster', 'nanning_rgb_cgcs2000_cm108_0p5m.tif');

/** The page box [left, top, right, bottom] of the pixels that differ between two screenshots of the map. */
async function changedBox(page: Page, a: Buffer, b: Buffer): Promise<[number, number, number, number]> {
  const box = await page.getByTestId('map-container').boundingBox();
  if (!box) throw new Error('the map has no box');
  const [p, q] = [await mapPixels(page, a), await mapPixels(page, b)];
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < p.height; y++)
    for (let x = 0; x < p.width; x++) {
      const i = 4 * (y * p.width + x);
      const d =
        Math.abs((p.data[i] ?? 0) - (q.data[i] ?? 0)) +
        Math.abs((p.data[i + 1] ?? 0) - (q.data[i + 1] ?? 0)) +
        Math.abs((p.data[i + 2] ?? 0) - (q.data[i + 2] ?? 0));
      if (d <= 24) continue;
      left = Math.min(left, x);
      top = Math.min(top, y);
      right = Math.max(right, x + 1);
      bottom = Math.max(bottom, y + 1);
    }
  return [left + box.x, top + box.y, right + box.x, bottom + box.y];
}

/** The page box of the image's four corners, each placed through the cursor readout in EPSG:4545. */
async function cornersBox(page: Page, corners: readonly XY[]): Promise<[number, number, number, number]> {
  const at: XY[] = [];
  for (const corner of corners) at.push(await positionOf(page, corner));
  const xs = at.map(([x]) => x);
  const ys = at.map(([, y]) => y);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

test('imagery in a Gauss-Krüger zone is reprojected on the fly: drawn where PROJ puts its corners, in CGCS2000 degrees and Web Mercator', async ({
  page,
  harness,
  shot,
}) => {
  const file = IMAGERY();
  const info = await gdalinfo(file);
  const corners = info.cornerCoordinates ?? {};
  const four = ['upperLeft', 'upperRight', 'lowerRight', 'lowerLeft'].map((k) => {
    const corner = corners[k];
    if (!corner) throw new Error(`gdalinfo gives no ${k} corner`);
    return corner;
  });
  const image = await harness.importOne(file);
  await openWorkstation(page, harness);
  await selectDataset(page, image.id);
  await chooseCrs(page, 'cursor-crs-select', 'EPSG:4545');
  const map = page.getByTestId('map-container');

  for (const mapCrs of ['EPSG:4490', 'EPSG:3857']) {
    if (mapCrs !== 'EPSG:4490') await chooseCrs(page, 'map-crs-select', mapCrs);
    await expect(page.getByTestId('status-crs')).toHaveAttribute('data-crs', mapCrs);
    await afterRender(page, () => page.getByTestId(`layer-zoom-${image.id}`).click());
    await expect(page.getByTestId('map-loading')).toBeHidden();
    await page.mouse.move(0, 0);
    if (mapCrs === 'EPSG:4490') await expect(map).toHaveScreenshot('reprojected-gk-imagery.png', SHOT);
    await shot(`reprojected-gk-imagery-${mapCrs.replace(':', '')}`);
    // One step out, so no corner lies under the map's own controls when the mouse goes there.
    await afterRender(page, () => page.locator('.ol-zoom-out').click());
    // Its focus ring must not count as drawn pixels.
    await page.locator('.ol-zoom-out').blur();
    await expect(page.getByTestId('map-loading')).toBeHidden();
    await page.mouse.move(0, 0);
    const drawn = await map.screenshot({ animations: 'disabled' });
    await afterRender(page, () => page.getByTestId(`layer-visible-${image.id}`).click());
    await page.mouse.move(0, 0);
    const bare = await map.screenshot({ animations: 'disabled' });
    const painted = await changedBox(page, drawn, bare);
    const expected = await cornersBox(page, four);
    // A pixel or two of rounding, no more, at either edge.
    for (let i = 0; i < 4; i++) expect(Math.abs((painted[i] ?? NaN) - (expected[i] ?? NaN))).toBeLessThan(3);
    await afterRender(page, () => page.getByTestId(`layer-visible-${image.id}`).click());
  }
});
