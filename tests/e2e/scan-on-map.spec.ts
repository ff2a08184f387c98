// A world-file scan on the map (ADR 0136): a PNG placed by its .pgw and .prj (CGCS2000 3° CM
// 117E) is drawn from its GeoTIFF working copy where the world file puts it: clicking a pixel's
// centre, located through the cursor readout in the scan's CRS, shows the values GDAL reads there.
import path from 'node:path';
import { fixture } from '../fixtures/index.js';
import { expect, openWorkstation, test } from './harness-fixture.js';
import { chooseCrs, gdalValues, identifyPixel } from './map-tools-support.js';

test('a PNG scan with its world file is drawn where GDAL places it, with GDAL’s pixel values', async ({
  page,
  harness,
  shot,
}) => {
  const name = 'rgb_cgcs2000_cm117';
  const [png] = await Promise.all(
    ['png', 'pgw', 'prj'].map((ext) => harness.stage(fixture('scans', `${name}.${ext}`))),
  );
  if (png === undefined) throw new Error('stage');
  const result = await harness.api.call('datasets.import', { paths: [png] });
  expect(result.failures).toEqual([]);
  const [scan] = result.datasets;
  if (!scan) throw new Error('import');
  expect(scan).toMatchObject({ format: 'PNG', crs: 'EPSG:4548' });

  await openWorkstation(page, harness);
  await page.getByTestId(`dataset-row-${scan.id}`).click();
  await page.getByTestId(`layer-zoom-${scan.id}`).click();
  await chooseCrs(page, 'cursor-crs-select', 'EPSG:4548');
  for (const pixel of [
    { column: 200, row: 180 },
    { column: 37, row: 311 },
  ]) {
    const values = await gdalValues(png, pixel);
    expect(values).toHaveLength(3);
    const panel = await identifyPixel(page, scan.id, png, pixel);
    for (const [index, value] of values.entries())
      await expect(panel.getByTestId(`identify-band-${String(index + 1)}`)).toHaveAttribute(
        'data-value',
        String(value),
      );
  }
  // Nothing about the layer was reported as a drawing problem.
  await expect(page.getByTestId('map-notice').getByRole('img', { name: 'warning' })).toHaveCount(0);
  await shot(`scan-${path.basename(png, '.png')}`);
});

test('a PNG scan without .prj is placed once the user gives it a CRS, and shows GDAL’s values', async ({
  page,
  harness,
}) => {
  const [png] = await Promise.all(
    ['png', 'wld'].map((ext) => harness.stage(fixture('scans', `dem16_no_prj.${ext}`))),
  );
  if (png === undefined) throw new Error('stage');
  const [scan] = (await harness.api.call('datasets.import', { paths: [png] })).datasets;
  if (!scan) throw new Error('import');
  expect(scan.crs).toBeNull();
  await harness.api.call('dataset.assignCrs', { id: scan.id, code: 'EPSG:4545' });

  await openWorkstation(page, harness);
  await page.getByTestId(`dataset-row-${scan.id}`).click();
  await page.getByTestId(`layer-zoom-${scan.id}`).click();
  await chooseCrs(page, 'cursor-crs-select', 'EPSG:4545');
  const pixel = { column: 150, row: 90 };
  const [value] = await gdalValues(png, pixel);
  const panel = await identifyPixel(page, scan.id, png, pixel);
  await expect(panel.getByTestId('identify-band-1')).toHaveAttribute('data-value', String(value));
});
