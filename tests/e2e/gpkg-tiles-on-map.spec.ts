// A GeoPackage tile table on the map (ADR 0181): drawn from its GeoTIFF working copy where its tile
// matrix puts it (CGCS2000 3° CM 114E); clicking a pixel's centre, located through the cursor
// readout in the raster's CRS, shows the values GDAL reads from the tiles there.
import { fixture } from '../fixtures/index.js';
import { TILES_DIR } from '../fixtures/gpkg-tiles.js';
import { expect, openWorkstation, test } from './harness-fixture.js';
import { chooseCrs, gdalValues, identifyPixel } from './map-tools-support.js';

test('a GeoPackage tile raster is drawn where GDAL places it, with GDAL’s pixel values', async ({
  page,
  harness,
}) => {
  const gpkg = await harness.stage(fixture(TILES_DIR, 'rgb_png.gpkg'));
  const result = await harness.api.call('datasets.import', { paths: [gpkg] });
  expect(result.failures).toEqual([]);
  const [raster] = result.datasets;
  if (!raster) throw new Error('import');
  expect(raster).toMatchObject({ format: 'GeoPackage', layer: '地形图', crs: 'EPSG:4547' });

  await openWorkstation(page, harness);
  await page.getByTestId(`dataset-row-${raster.id}`).click();
  await page.getByTestId(`layer-zoom-${raster.id}`).click();
  await chooseCrs(page, 'cursor-crs-select', 'EPSG:4547');
  const table = `GPKG:${gpkg}:地形图`;
  // One pixel in the first tile, one in the partial last column and row of tiles.
  for (const pixel of [
    { column: 120, row: 77 },
    { column: 650, row: 480 },
  ]) {
    const values = await gdalValues(table, pixel);
    expect(values).toHaveLength(3);
    const panel = await identifyPixel(page, raster.id, table, pixel);
    for (const [index, value] of values.entries())
      await expect(panel.getByTestId(`identify-band-${String(index + 1)}`)).toHaveAttribute(
        'data-value',
        String(value),
      );
  }
  await expect(page.getByTestId('map-notice').getByRole('img', { name: 'warning' })).toHaveCount(0);
});
