import type { Page } from '@playwright/test';
import { fixture } from '../fixtures/index.js';
import { expect, openWorkstation, test } from './harness-fixture.js';
import { demFile, mineralPointsFile } from './inputs.js';
import {
  chooseCrs,
  gdalTransform,
  gdalValues,
  identifyPixel,
  parseDms,
  positionOf,
  readCursor,
  tool,
  type XY,
} from './map-tools-support.js';

interface NativePoint {
  readonly xy: XY;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** The layer's points in their own CRS with their attributes, as GDAL reads them. */
async function nativePoints(file: string): Promise<NativePoint[]> {
  const out = await tool('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file]);
  const collection = JSON.parse(out) as {
    features: { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[];
  };
  return collection.features.map((f) => ({ xy: f.geometry.coordinates, properties: f.properties }));
}

/** The point farthest from its nearest neighbour: a click on it cannot pick another one. */
function loneliest(points: readonly NativePoint[]): NativePoint {
  const gap = (p: NativePoint): number =>
    Math.min(...points.filter((q) => q !== p).map((q) => Math.hypot(q.xy[0] - p.xy[0], q.xy[1] - p.xy[1])));
  const best = [...points].sort((a, b) => gap(b) - gap(a))[0];
  if (!best) throw new Error('no points');
  return best;
}

/** Clicks the map where the cursor readout (set to the point's CRS) reads the point's coordinates. */
async function expectAttributesAt(page: Page, point: NativePoint): Promise<void> {
  const table = page.getByTestId('attribute-table');
  const label = Object.values(point.properties).find((v) => typeof v === 'string' && v !== '');
  if (typeof label !== 'string') throw new Error('the feature has no text attribute to recognise it by');
  const clear = page.getByTestId('attribute-clear');
  if ((await clear.count()) > 0) await clear.click();
  await expect(table).toHaveCount(0);
  await expect(async () => {
    const [x, y] = await positionOf(page, point.xy);
    await page.mouse.click(x, y);
    await expect(table).toContainText(label, { timeout: 3_000 });
  }).toPass();
  for (const [field, value] of Object.entries(point.properties)) {
    await expect(table).toContainText(field);
    if (typeof value === 'string') await expect(table).toContainText(value);
  }
}

test('the map CRS is the user’s choice (CGCS2000 by default, kept after a reload); layers stay placed and the cursor reads any CRS', async ({
  page,
  harness,
  shot,
}) => {
  const points = await harness.importOne(mineralPointsFile());
  const file = await harness.stage(mineralPointsFile());
  const dataCrs = 'EPSG:4545';
  const target = loneliest(await nativePoints(file));

  await openWorkstation(page, harness);
  await expect(page.getByTestId('status-crs')).toHaveAttribute('data-crs', 'EPSG:4490');
  await page.getByTestId(`dataset-row-${points.id}`).click();
  await page.getByTestId(`layer-zoom-${points.id}`).click();

  // Cursor in the data's own CGCS2000 3° zone (metres): the point is clicked by its own coordinates.
  await chooseCrs(page, 'cursor-crs-select', dataCrs);
  await expectAttributesAt(page, target);
  await shot('map-crs-4490-identify');

  // The same point, with the map in Web Mercator and then in WGS 84.
  for (const mapCrs of ['EPSG:3857', 'EPSG:4326']) {
    await chooseCrs(page, 'map-crs-select', mapCrs);
    await expect(page.getByTestId('status-crs')).toHaveAttribute('data-crs', mapCrs);
    await expectAttributesAt(page, target);
  }
  await shot('map-crs-4326-identify');

  // At one mouse position, the readout in CGCS2000 degrees says what GDAL says of the metres the
  // readout showed there in the data's zone.
  const there = await positionOf(page, target.xy);
  const metres = await readCursor(page);
  const expected = await gdalTransform(dataCrs, 'EPSG:4490', metres);
  await chooseCrs(page, 'cursor-crs-select', 'EPSG:4490');
  await page.mouse.move(1, 1);
  await page.mouse.move(...there);
  const degrees = await readCursor(page);
  expect(Math.abs(degrees[0] - expected[0])).toBeLessThan(1e-6);
  expect(Math.abs(degrees[1] - expected[1])).toBeLessThan(1e-6);
  await expect(page.getByTestId('status-cursor')).toContainText('°');
  await page.getByTestId('cursor-format-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '度分秒' }).click();
  await page.mouse.move(...there);
  await expect(page.getByTestId('status-cursor')).toContainText('″');
  const dms = parseDms(await page.getByTestId('status-cursor').innerText());
  expect(Math.abs(dms[0] - degrees[0])).toBeLessThan(5e-6);
  expect(Math.abs(dms[1] - degrees[1])).toBeLessThan(5e-6);
  await expect(page.getByTestId('status-cursor')).toContainText(
    /\d+°\d{2}′\d{2}\.\d{2}″E, \d+°\d{2}′\d{2}\.\d{2}″N/,
  );
  await shot('cursor-dms');

  // The choice persists: after a reload the map is still in WGS 84, the readout still in DMS.
  await page.reload();
  await expect(page.getByTestId('audit-status')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('status-crs')).toHaveAttribute('data-crs', 'EPSG:4326');
  await expect(page.getByTestId('map-crs-select')).toContainText('EPSG:4326');
  await expect(page.getByTestId('cursor-format-select')).toContainText('度分秒');
});

/** A pixel GDAL reads as nodata: the first of the XYZ dump whose value is the band's nodata. */
async function firstNodataPixel(file: string): Promise<{ column: number; row: number }> {
  const info = JSON.parse(await tool('gdalinfo', ['-json', file])) as {
    size: [number, number];
    bands: { noDataValue?: number }[];
  };
  const nodata = info.bands[0]?.noDataValue;
  const xyz = await tool('gdal_translate', ['-q', '-of', 'XYZ', file, '/vsistdout/']);
  const index = xyz.split('\n').findIndex((line) => Number(line.split(' ')[2]) === nodata);
  if (index < 0) throw new Error('the raster has no nodata pixel');
  return { column: index % info.size[0], row: Math.floor(index / info.size[0]) };
}

test('clicking a raster shows the values gdallocationinfo reads at that pixel, nodata said as such', async ({
  page,
  harness,
  shot,
}) => {
  const dem = await harness.importOne(demFile());
  const file = await harness.stage(demFile());
  const own = dem.crs ?? '';
  expect(own).toBe('EPSG:2364');

  await openWorkstation(page, harness);
  await page.getByTestId(`dataset-row-${dem.id}`).click();
  await page.getByTestId(`layer-zoom-${dem.id}`).click();
  await chooseCrs(page, 'cursor-crs-select', own);

  const nodata = await firstNodataPixel(file);
  // Near the middle, a pixel with data (checked against GDAL below), and one GDAL calls nodata.
  for (const pixel of [{ column: 611, row: 487 }, { column: 250, row: 730 }, nodata]) {
    const values = await gdalValues(file, pixel);
    const panel = await identifyPixel(page, dem.id, file, pixel);
    await expect(panel.locator('[data-testid^="identify-band-"]')).toHaveCount(values.length);
    for (const [index, value] of values.entries()) {
      const band = panel.getByTestId(`identify-band-${String(index + 1)}`);
      if (pixel === nodata) {
        expect(value).toBe(-32768);
        await expect(band).toHaveAttribute('data-value', 'nodata');
        await expect(band).toHaveText('无数据');
      } else {
        expect(value).not.toBe(-32768);
        const shown = Number(await band.getAttribute('data-value'));
        // The file holds float32: the same float32 as GDAL's (which prints its double widening).
        expect(Math.fround(shown)).toBe(Math.fround(value));
      }
    }
    await shot(`raster-identify-${String(pixel.column)}-${String(pixel.row)}`);
  }
});

// A losslessly compressed image: for YCbCr JPEG, geotiff.js's decoder (what the map draws with)
// differs from GDAL's libjpeg by a level or a few until native decoders are registered.
test('clicking an RGB image shows all three bands as gdallocationinfo reads them', async ({
  page,
  harness,
  shot,
}) => {
  const rgbFile = fixture('raster', 'rgb_lzw.tif');
  const rgb = await harness.importOne(rgbFile);
  const file = await harness.stage(rgbFile);
  await openWorkstation(page, harness);
  await page.getByTestId(`dataset-row-${rgb.id}`).click();
  await page.getByTestId(`layer-zoom-${rgb.id}`).click();
  await chooseCrs(page, 'cursor-crs-select', rgb.crs ?? '');
  const pixel = { column: 200, row: 180 };
  const values = await gdalValues(file, pixel);
  expect(values).toHaveLength(3);
  const panel = await identifyPixel(page, rgb.id, file, pixel);
  for (const [index, value] of values.entries())
    await expect(panel.getByTestId(`identify-band-${String(index + 1)}`)).toHaveAttribute(
      'data-value',
      String(value),
    );
  await shot('raster-identify-rgb');
});
