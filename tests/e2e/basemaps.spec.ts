import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import sqlite3 from 'sqlite3';
import type { Basemap } from '../../src-main/api/types.js';
import { fixture } from '../fixtures/index.js';
import { BASEMAP_GPKG, BASEMAP_MBTILES, CHECKER_COLOURS } from '../fixtures/tile-sets.js';
import { expect, openWorkstation, selectDataset, test, type Harness } from './harness-fixture.js';
import { afterRender, mapPixels, shareNearColours } from './map-pixels.js';
import { chooseCrs, positionOf, type XY } from './map-tools-support.js';

// Basemaps (ADR 0106): the archive's own tile sets and an intranet tile service, drawn under the
// data layers; and, with none configured, not one request for anything but the app's own origin.

/** The boreholes of the containers' GeoPackage (CGCS2000 lon/lat), which lie on the checker tile sets. */
async function importBoreholes(harness: Harness): Promise<{ id: string; points: XY[] }> {
  const file = fixture('containers', '矿产地质.gpkg');
  const datasets = await harness.importFiles(file);
  const boreholes = datasets.find((d) => d.layer === '钻孔');
  if (!boreholes) throw new Error('no borehole layer');
  const features = await harness.api.call('datasets.features', { id: boreholes.id });
  const points = features.features.flatMap((f) =>
    f.geometry?.type === 'Point' ? [[f.geometry.coordinates[0], f.geometry.coordinates[1]] as XY] : [],
  );
  return { id: boreholes.id, points };
}

/**
 * Share of the map's pixels near a checker colour (JPEG tiles and resampling blur them a little);
 * a few of the symbols and controls come near them too, so an empty map is under 2 %.
 */
const checkerShare = async (page: Page): Promise<number> =>
  shareNearColours(await mapPixels(page), CHECKER_COLOURS, 30);

/**
 * An intranet tile service on a loopback port that answers every request with `tile`, telling
 * `onRequest` the path and query asked for; `run` gets its origin, and the server is closed after.
 */
async function withTileServer(
  tile: Buffer,
  onRequest: (url: string) => void,
  run: (origin: string) => Promise<void>,
): Promise<void> {
  const server: Server = createServer((req, res) => {
    onRequest(req.url ?? '/');
    res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': String(tile.length) });
    res.end(tile);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${String((server.address() as AddressInfo).port)}`);
  } finally {
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => {
        resolve();
      });
    });
  }
}

/** The colour on screen at a page position (from a screenshot of one pixel). */
async function colourAt(page: Page, [x, y]: XY): Promise<[number, number, number]> {
  const shot = await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } });
  const [r = 0, g = 0, b = 0] = (await mapPixels(page, shot)).data;
  return [r, g, b];
}

const isChecker = ([r, g, b]: readonly number[]): boolean =>
  CHECKER_COLOURS.some(
    ([cr, cg, cb]) => Math.abs((r ?? 0) - cr) + Math.abs((g ?? 0) - cg) + Math.abs((b ?? 0) - cb) < 30,
  );

async function chooseBasemap(page: Page, name: string): Promise<void> {
  await afterRender(page, async () => {
    await page.getByTestId('basemap-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).click();
    await expect(page.getByTestId('basemap-select')).toContainText(name);
  });
}

/** Origins of every request the page made (data: and blob: URLs have none). */
function recordOrigins(page: Page): Set<string> {
  const origins = new Set<string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'http:' || url.protocol === 'https:') origins.add(url.origin);
    else if (url.protocol !== 'data:' && url.protocol !== 'blob:') origins.add(url.protocol);
  });
  return origins;
}

test('with no basemap configured, the chooser offers none and no request leaves for another origin', async ({
  page,
  harness,
}) => {
  const origins = recordOrigins(page);
  const { id } = await importBoreholes(harness);
  await openWorkstation(page, harness);
  await selectDataset(page, id);
  await page.getByTestId(`layer-zoom-${id}`).click();
  await page.getByTestId('basemap-select').click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options).toHaveText(['无底图']);
  await page.keyboard.press('Escape');
  await page.mouse.wheel(0, -600);
  await page.waitForTimeout(500);
  expect(await checkerShare(page)).toBeLessThan(0.02);
  expect([...origins]).toEqual([harness.origin]);
});

test('a local MBTiles and GeoPackage basemap draw under the vector layer, reprojected into CGCS2000, with their 审图号', async ({
  page,
  harness,
  shot,
}) => {
  const basemaps: Basemap[] = [
    {
      kind: 'mbtiles',
      id: 'guilin-mb',
      name: '桂林底图（MBTiles）',
      attribution: '审图号：GS(2026)0001号',
      path: await harness.stage(fixture(BASEMAP_MBTILES)),
    },
    {
      kind: 'gpkg-tiles',
      id: 'guilin-gpkg',
      name: '桂林底图（GeoPackage）',
      attribution: '审图号：GS(2026)0002号',
      path: await harness.stage(fixture(BASEMAP_GPKG)),
    },
  ];
  await harness.api.call('basemaps.set', { basemaps });
  const origins = recordOrigins(page);
  const { id, points } = await importBoreholes(harness);
  await openWorkstation(page, harness);
  await expect(page.getByTestId('status-crs')).toHaveAttribute('data-crs', 'EPSG:4490');
  await selectDataset(page, id);
  await page.getByTestId(`layer-zoom-${id}`).click();
  await expect(page.getByTestId('basemap-attribution')).toBeHidden();
  expect(await checkerShare(page)).toBeLessThan(0.02);

  await chooseBasemap(page, '桂林底图（MBTiles）');
  await expect(page.getByTestId('basemap-attribution')).toHaveText('审图号：GS(2026)0001号');
  await expect.poll(() => checkerShare(page)).toBeGreaterThan(0.5);
  // A borehole is drawn over the basemap: its symbol, not the checker, at its position; the
  // basemap beside it.
  const point = points[0];
  if (!point) throw new Error('no borehole');
  const at = await positionOf(page, point);
  await page.mouse.move(1, 1);
  expect(isChecker(await colourAt(page, at))).toBe(false);
  expect(await page.getByTestId('basemap-problem').count()).toBe(0);
  await shot('basemap-mbtiles-under-boreholes');

  await chooseBasemap(page, '桂林底图（GeoPackage）');
  await expect(page.getByTestId('basemap-attribution')).toHaveText('审图号：GS(2026)0002号');
  await expect.poll(() => checkerShare(page)).toBeGreaterThan(0.5);
  expect(isChecker(await colourAt(page, at))).toBe(false);
  // In the tile sets' own CRS the basemap is drawn again, now without reprojection.
  await chooseCrs(page, 'map-crs-select', 'EPSG:3857');
  await expect(page.getByTestId('status-crs')).toHaveAttribute('data-crs', 'EPSG:3857');
  await expect.poll(() => checkerShare(page)).toBeGreaterThan(0.5);
  await chooseCrs(page, 'map-crs-select', 'EPSG:4490');

  // The choice is remembered, and "none" takes the basemap away.
  await page.reload();
  await expect(page.getByTestId('basemap-select')).toContainText('桂林底图（GeoPackage）');
  await chooseBasemap(page, '无底图');
  await expect(page.getByTestId('basemap-attribution')).toBeHidden();
  expect([...origins]).toEqual([harness.origin]);
});

/**
 * One checker tile of the MBTiles (zoom 9, column 413, TMS row 291: wholly inside the image), as
 * PNG bytes: what the stand-in tile server answers for every tile.
 */
async function checkerTile(): Promise<Buffer> {
  const db = new sqlite3.Database(fixture(BASEMAP_MBTILES), sqlite3.OPEN_READONLY);
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      db.get(
        'SELECT tile_data FROM tiles WHERE zoom_level = 9 AND tile_column = 413 AND tile_row = 291',
        (err: Error | null, row: { tile_data: Buffer } | undefined) => {
          if (err || !row) reject(err ?? new Error('no tile'));
          else resolve(row.tile_data);
        },
      );
    });
  } finally {
    db.close();
  }
}

test('an XYZ basemap from an intranet tile server is drawn, and only its origin is reached', async ({
  page,
  harness,
  shot,
}) => {
  const tile = await checkerTile();
  const asked: string[] = [];
  await withTileServer(
    tile,
    (url) => asked.push(url),
    async (tileOrigin) => {
      await harness.api.call('basemaps.set', {
        basemaps: [
          {
            kind: 'xyz',
            id: 'intranet',
            name: '内网 XYZ 底图',
            attribution: '内网地图服务 审图号：GS(2026)0003号',
            url: `${tileOrigin}/vec_w/{z}/{x}/{y}.png`,
            grid: { crs: 'EPSG:3857', minZoom: 0, maxZoom: 18 },
          },
        ],
      });
      const origins = recordOrigins(page);
      const { id } = await importBoreholes(harness);
      await openWorkstation(page, harness);
      await selectDataset(page, id);
      await page.getByTestId(`layer-zoom-${id}`).click();
      expect(asked).toEqual([]);
      await chooseBasemap(page, '内网 XYZ 底图');
      await expect.poll(() => checkerShare(page)).toBeGreaterThan(0.5);
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.every((url) => /^\/vec_w\/\d+\/\d+\/\d+\.png$/.test(url))).toBe(true);
      await expect(page.getByTestId('basemap-attribution')).toHaveText('内网地图服务 审图号：GS(2026)0003号');
      await shot('basemap-xyz-intranet');
      expect([...origins].sort()).toEqual([harness.origin, tileOrigin].sort());
    },
  );
});

test('a basemap whose tile set went bad says why, in the user’s language, instead of drawing', async ({
  page,
  harness,
}) => {
  const file = await harness.stage(fixture(BASEMAP_MBTILES));
  await harness.api.call('basemaps.set', {
    basemaps: [{ kind: 'mbtiles', id: 'gone-bad', name: '损坏的底图', path: file }],
  });
  // Replaced after it was configured (a copy interrupted, a disk fault): no longer SQLite.
  await writeFile(file, '不是瓦片集\n'.repeat(200));
  await openWorkstation(page, harness);
  await chooseBasemap(page, '损坏的底图');
  await expect(page.getByTestId('basemap-problem')).toContainText(
    '文件已损坏或无法解析：guilin_checker.mbtiles（不是可读取的 SQLite 数据库',
  );
  expect(await checkerShare(page)).toBeLessThan(0.02);
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('basemap-problem')).toContainText(
    'Corrupt or unreadable file: guilin_checker.mbtiles',
  );
});

test('a WMTS basemap on the national geographic grid (天地图 style, matrices from 1) asks for the tiles in view', async ({
  page,
  harness,
}) => {
  const tile = await checkerTile();
  const asked: URLSearchParams[] = [];
  const onRequest = (url: string): void => {
    const query = new URL(url, 'http://127.0.0.1').searchParams;
    asked.push(new URLSearchParams([...query].map(([k, v]) => [k.toLowerCase(), v])));
  };
  await withTileServer(tile, onRequest, async (tileOrigin) => {
    await harness.api.call('basemaps.set', {
      basemaps: [
        {
          kind: 'wmts',
          id: 'tdt-vec-c',
          name: '天地图矢量（经纬度）',
          attribution: '审图号：GS(2026)0004号',
          url: `${tileOrigin}/vec_c/wmts`,
          layer: 'vec',
          matrixSet: 'c',
          grid: { crs: 'EPSG:4490', minZoom: 0, maxZoom: 17, matrixIdOffset: 1 },
        },
      ],
    });
    const { id } = await importBoreholes(harness);
    await openWorkstation(page, harness);
    await selectDataset(page, id);
    await page.getByTestId(`layer-zoom-${id}`).click();
    await chooseBasemap(page, '天地图矢量（经纬度）');
    await expect.poll(() => checkerShare(page)).toBeGreaterThan(0.5);
    expect(asked.length).toBeGreaterThan(0);
    for (const query of asked) {
      expect(query.get('service')).toBe('WMTS');
      expect(query.get('request')).toBe('GetTile');
      expect(query.get('layer')).toBe('vec');
      expect(query.get('tilematrixset')).toBe('c');
      // Matrix "1" is zoom 0 (2 × 1 tiles of 180°): each tile asked for lies around the boreholes
      // (lon 110.1–111.6, lat 24.2–25.2), as the geographic quadtree places it.
      const zoom = Number(query.get('tilematrix')) - 1;
      const span = 180 / 2 ** zoom;
      const west = -180 + Number(query.get('tilecol')) * span;
      const north = 90 - Number(query.get('tilerow')) * span;
      expect(zoom).toBeGreaterThanOrEqual(0);
      expect(west).toBeLessThan(114);
      expect(west + span).toBeGreaterThan(108);
      expect(north).toBeGreaterThan(22);
      expect(north - span).toBeLessThan(27);
    }
  });
});
