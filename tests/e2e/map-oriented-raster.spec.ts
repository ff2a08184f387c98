// A rotated grid is drawn rotated (ADR 0173): its north-up display copy puts each pixel where GDAL
// places it, so clicking the centre of a source pixel, located through the cursor readout in the
// grid's CRS, names that pixel's column and row in the source grid and shows the value
// gdallocationinfo reads for it (or, the copy being resampled by nearest neighbour on a grid as
// fine as the source's, for one of its eight neighbours).
import { fixture } from '../fixtures/index.js';
import { expect, openWorkstation, test } from './harness-fixture.js';
import { chooseCrs, gdalValues, pixelCentre, positionOf } from './map-tools-support.js';

test('a 30° rotated grid is drawn where GDAL places its pixels', async ({ page, harness, shot }) => {
  const file = await harness.stage(fixture('raster', 'geo', 'rotated_30deg.tif'));
  const [grid] = (await harness.api.call('datasets.import', { paths: [file] })).datasets;
  if (!grid?.crs) throw new Error('import');
  await openWorkstation(page, harness);
  await page.getByTestId(`dataset-row-${grid.id}`).click();
  await page.getByTestId(`layer-zoom-${grid.id}`).click();
  await chooseCrs(page, 'cursor-crs-select', grid.crs);
  const panel = page.getByTestId(`identify-raster-${grid.id}`);
  // Towards three corners of the grid (clear of the map's toolbar): drawn north-up, the same
  // pixels would lie a few hundred metres from where GDAL places them, on other values.
  for (const pixel of [
    { column: 30, row: 25 },
    { column: 150, row: 40 },
    { column: 50, row: 115 },
  ]) {
    const around: string[] = [];
    for (const dr of [-1, 0, 1])
      for (const dc of [-1, 0, 1])
        around.push(String((await gdalValues(file, { column: pixel.column + dc, row: pixel.row + dr }))[0]));
    const shown = panel.getByTestId('identify-band-1');
    const where = panel.getByTestId('identify-pixel');
    await expect(async () => {
      // The identify panel a click opens takes room from the map: the whole grid in view again.
      await page.getByTestId(`layer-zoom-${grid.id}`).click();
      await page.mouse.click(...(await positionOf(page, await pixelCentre(file, pixel))));
      await expect(shown).toHaveAttribute('data-value', /./, { timeout: 3_000 });
      expect(around).toContain(await shown.getAttribute('data-value'));
      await expect(where).toHaveAttribute('data-column', String(pixel.column));
      await expect(where).toHaveAttribute('data-row', String(pixel.row));
    }).toPass();
  }
  await shot('map-rotated-grid');
});
