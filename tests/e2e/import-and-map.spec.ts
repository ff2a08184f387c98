import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, openWorkstation, test } from './harness-fixture.js';
import { demFile, mineralPointsFile, worldFile } from './inputs.js';
import { cursorAt } from './map-tools-support.js';

const run = promisify(execFile);

interface Point {
  readonly lonLat: readonly [number, number];
  readonly properties: Readonly<Record<string, unknown>>;
}

/** The layer's points in WGS 84 with their attributes, as GDAL reads them (the reference reader). */
async function pointsByGdal(file: string): Promise<Point[]> {
  const { stdout } = await run('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '/vsistdout/', file], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const collection = JSON.parse(stdout) as {
    features: { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[];
  };
  return collection.features.map((f) => ({ lonLat: f.geometry.coordinates, properties: f.properties }));
}

type Ring = readonly (readonly [number, number])[];

/**
 * A country of the GeoJSON and a spot inside it that no other country's bounding box covers: the
 * middle of its first outer ring (the fixture's rings are convex).
 */
async function lonelyCountry(file: string): Promise<Point> {
  const collection = JSON.parse(await readFile(file, 'utf8')) as {
    features: {
      properties: Record<string, unknown>;
      geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
    }[];
  };
  const countries = collection.features.map((f) => {
    const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const all = rings.flatMap((polygon) => polygon.flat());
    const outer = rings[0]?.[0] ?? [];
    const middle: [number, number] = [
      outer.reduce((sum, p) => sum + p[0], 0) / outer.length,
      outer.reduce((sum, p) => sum + p[1], 0) / outer.length,
    ];
    const xs = all.map((p) => p[0]);
    const ys = all.map((p) => p[1]);
    return {
      properties: f.properties,
      middle,
      box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const,
    };
  });
  const free = countries.find(
    (c) =>
      !countries.some(
        (o) =>
          o !== c &&
          c.middle[0] >= o.box[0] &&
          c.middle[0] <= o.box[2] &&
          c.middle[1] >= o.box[1] &&
          c.middle[1] <= o.box[3],
      ),
  );
  if (!free) throw new Error(`no country of ${file} can be clicked alone`);
  return { lonLat: free.middle, properties: free.properties };
}

/** The point farthest from its nearest neighbour: a click on it cannot pick another one. */
function loneliest(points: readonly Point[]): Point {
  const gap = (p: Point): number =>
    Math.min(
      ...points
        .filter((q) => q !== p)
        .map((q) => Math.hypot(q.lonLat[0] - p.lonLat[0], q.lonLat[1] - p.lonLat[1])),
    );
  const best = [...points].sort((a, b) => gap(b) - gap(a))[0];
  if (!best) throw new Error('no points');
  return best;
}

/**
 * Clicks the map where a longitude/latitude is, locating it as a person would: by the cursor
 * readout. The map's default CRS is CGCS2000 geographic, so the screen is linear in both.
 */
async function clickLonLat(page: Page, [lon, lat]: readonly [number, number]): Promise<void> {
  const box = await page.getByTestId('map-container').boundingBox();
  if (!box) throw new Error('map has no box');
  const [x0, y0] = [box.x + box.width * 0.3, box.y + box.height * 0.3];
  const [x1, y1] = [box.x + box.width * 0.7, box.y + box.height * 0.7];
  // The cursor readout is in CGCS2000 degrees, the default.
  const a = await cursorAt(page, [x0, y0]);
  const b = await cursorAt(page, [x1, y1]);
  await page.mouse.click(
    x0 + ((lon - a[0]) / (b[0] - a[0])) * (x1 - x0),
    y0 + ((lat - a[1]) / (b[1] - a[1])) * (y1 - y0),
  );
}

/** Clicks a feature until the attribute table shows it (the layer's features arrive asynchronously). */
async function expectAttributesOnClick(page: Page, feature: Point): Promise<void> {
  const table = page.getByTestId('attribute-table');
  const label = Object.values(feature.properties).find((v) => typeof v === 'string' && v !== '');
  if (typeof label !== 'string') throw new Error('the feature has no text attribute to recognise it by');
  await expect(async () => {
    await clickLonLat(page, feature.lonLat);
    await expect(table).toContainText(label, { timeout: 2_000 });
  }).toPass();
  for (const [field, value] of Object.entries(feature.properties)) {
    await expect(table).toContainText(field);
    if (typeof value === 'string') await expect(table).toContainText(value);
  }
}

test('import names the file it could not read and imports the rest; a click on a point or a country shows its attributes', async ({
  page,
  harness,
  shot,
}) => {
  const dem = await harness.stage(demFile());
  const points = await harness.stage(mineralPointsFile());
  const world = await harness.stage(worldFile());
  const missing = path.join(harness.scratch, '不存在.tif');

  await openWorkstation(page, harness);
  await expect(page.locator('[data-testid^="dataset-row-"]')).toHaveCount(0);
  await shot('01-start');

  await page.getByTestId('import-button').click();
  await page.getByTestId('import-paths').fill([dem, points, world, missing].join('\n'));
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-result')).toBeVisible();
  await expect(page.getByTestId('import-failure')).toHaveCount(1);
  await expect(page.getByTestId('import-failure')).toHaveAttribute('data-code', 'FILE_NOT_FOUND');
  await expect(page.getByTestId('import-failure')).toContainText('不存在.tif');
  await shot('02-import');
  await page.getByTestId('import-cancel').click();

  await expect(page.locator('[data-testid^="dataset-row-"]')).toHaveCount(3);
  const datasets = await harness.api.call('datasets.list', {});
  const byFormat = (format: string) => {
    const found = datasets.find((d) => d.format === format);
    if (!found) throw new Error(`no ${format} imported`);
    return found;
  };
  const [raster, pointLayer, countries] = [byFormat('GeoTIFF'), byFormat('Shapefile'), byFormat('GeoJSON')];
  await expect(page.getByTestId(`dataset-row-${raster.id}`)).toContainText(path.basename(dem, '.tif'));
  await expect(page.getByTestId(`dataset-row-${pointLayer.id}`)).toContainText('矿点');
  await expect(page.getByTestId(`dataset-row-${countries.id}`)).toContainText('world.zh');

  // The point layer: clicking its most isolated point shows that point's attributes, GBK text
  // decoded, exactly as GDAL reads them.
  const reference = await pointsByGdal(points);
  expect(reference).toHaveLength(pointLayer.featureCount ?? -1);
  await page.getByTestId(`dataset-row-${pointLayer.id}`).click();
  await page.getByTestId(`layer-zoom-${pointLayer.id}`).click();
  await expectAttributesOnClick(page, loneliest(reference));
  await shot('03-map-vector-attributes');

  // The GeoJSON countries, with the points hidden: a click inside a country shows its Chinese names.
  await page.getByTestId('attribute-clear').click();
  await expect(page.getByTestId('attribute-table')).toHaveCount(0);
  await page.getByTestId(`layer-visible-${pointLayer.id}`).click();
  await page.getByTestId(`dataset-row-${countries.id}`).click();
  await page.getByTestId(`layer-zoom-${countries.id}`).click();
  await expectAttributesOnClick(page, await lonelyCountry(world));
  // No layer reported a drawing problem (a warning in the status bar).
  await expect(page.getByTestId('map-notice').getByRole('img', { name: 'warning' })).toHaveCount(0);
});
