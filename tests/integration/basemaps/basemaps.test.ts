import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage, type MessageKey } from '../../../src-main/api/messages.js';
import type { Basemap } from '../../../src-main/api/types.js';
import { startHarness, type RunningHarness } from '../../../src-main/harness/server.js';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import { openCatalogue } from '../../../src-main/node/store/catalogue.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { fixture } from '../../fixtures/index.js';
import { BASEMAP_GPKG, BASEMAP_MBTILES, CHECKER_ULLR } from '../../fixtures/tile-sets.js';
import { clientOf, httpDispatch, type Client } from '../../support/contract-client.js';
import { gdalinfo } from '../../support/gdal.js';
import { ROOT, tempDir } from '../../support/samples.js';
import { boundGate, testDispatch } from '../../support/test-dispatch.js';

interface StoredTile {
  readonly zoom: number;
  readonly column: number;
  readonly row: number;
  readonly data: Buffer;
}

/** Runs statements on a SQLite file (node-sqlite3, read-write), for the hostile tile sets below. */
async function sql(file: string, statements: readonly string[], params: unknown[][] = []): Promise<void> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(file, (err) => {
      if (err) reject(err);
      else resolve(d);
    });
  });
  try {
    for (const [i, statement] of statements.entries())
      await new Promise<void>((resolve, reject) => {
        db.run(statement, params[i] ?? [], (err) => {
          if (err) reject(err);
          else resolve();
        });
      });
  } finally {
    await new Promise<void>((resolve) => {
      db.close(() => {
        resolve();
      });
    });
  }
}

/** Every tile as SQLite holds it (the file GDAL wrote), read independently of the code under test. */
async function storedTiles(file: string, table: string): Promise<StoredTile[]> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => {
      if (err) reject(err);
      else resolve(d);
    });
  });
  try {
    return await new Promise<StoredTile[]>((resolve, reject) => {
      db.all<{ zoom_level: number; tile_column: number; tile_row: number; tile_data: Buffer }>(
        `SELECT zoom_level, tile_column, tile_row, tile_data FROM "${table}" ORDER BY 1, 2, 3`,
        (err, rows) => {
          if (err) reject(err);
          else
            resolve(
              rows.map((r) => ({
                zoom: r.zoom_level,
                column: r.tile_column,
                row: r.tile_row,
                data: r.tile_data,
              })),
            );
        },
      );
    });
  } finally {
    db.close();
  }
}

let scratch: { dir: string; cleanup: () => Promise<void> };
let ws: Workstation;
let local: Client;
let harness: RunningHarness;
let http: Client;

const tileUrl = (id: string, z: number, x: number, y: number): string =>
  `${harness.origin}/files/basemaps/${id}/${String(z)}/${String(x)}/${String(y)}`;
const get = (url: string): Promise<Response> => fetch(url, { headers: { 'x-strata-token': harness.token } });

const mbtiles = (id: string, file: string): Basemap => ({
  kind: 'mbtiles',
  id,
  name: id,
  attribution: '',
  path: file,
});

beforeAll(async () => {
  scratch = await tempDir('strata-basemaps-');
  ws = await openWorkstation({ home: path.join(scratch.dir, 'home') });
  const dispatch = testDispatch(ws);
  local = clientOf(dispatch);
  harness = await startHarness({
    gate: boundGate(dispatch),
    resolveFile: (p) => ws.resolveFile(p),
    tileOrigins: () => ws.tileOrigins(),
    events: (listener) => ws.onEvent(listener),
    rendererDir: path.join(ROOT, 'dist', 'renderer'),
  });
  http = clientOf(httpDispatch(harness.origin, harness.token));
});
afterAll(async () => {
  await harness.close();
  await ws.close();
  await scratch.cleanup();
});

describe('local basemap tile sets', () => {
  it('serves every tile of the MBTiles and the GeoPackage GDAL wrote byte for byte, rows from the top', async () => {
    const mb = fixture(BASEMAP_MBTILES);
    const gpkg = fixture(BASEMAP_GPKG);
    expect(await local.call('basemaps.list', {})).toEqual([]);
    const views = await http.call('basemaps.set', {
      basemaps: [
        { kind: 'mbtiles', id: 'mb', name: '桂林 MBTiles', attribution: '审图号：GS(2026)0001号', path: mb },
        { kind: 'gpkg-tiles', id: 'gp', name: '桂林 GeoPackage', path: gpkg },
      ],
    });
    expect(views.map((v) => [v.basemap.id, v.problem])).toEqual([
      ['mb', null],
      ['gp', null],
    ]);
    const [mbView, gpView] = views;

    // The grids, against what GDAL reads from the same files.
    const mbInfo = await gdalinfo(mb);
    const mbSet = mbView?.tiles?.tileSet;
    expect(mbSet).toMatchObject({ kind: 'mbtiles', crs: { code: 'EPSG:3857' }, tileWidth: 256 });
    expect(mbSet?.levels.map((l) => l.zoom)).toEqual([7, 8, 9]);
    expect(mbSet?.levels.at(-1)?.resolution).toBeCloseTo(mbInfo.geoTransform?.[1] ?? 0, 6);
    // The bounds GDAL wrote into the metadata, back in Web Mercator: the image's corners.
    for (const [i, v] of [CHECKER_ULLR[0], CHECKER_ULLR[3], CHECKER_ULLR[2], CHECKER_ULLR[1]].entries())
      expect(Math.abs((mbSet?.extent[i] ?? 0) - v)).toBeLessThan(mbInfo.geoTransform?.[1] ?? 0);
    const gpInfo = await gdalinfo(gpkg);
    const gpSet = gpView?.tiles?.tileSet;
    expect(gpSet).toMatchObject({
      kind: 'gpkg-tiles',
      table: 'checker',
      crs: { code: 'EPSG:3857' },
      origin: [CHECKER_ULLR[0], CHECKER_ULLR[1]],
      extent: [CHECKER_ULLR[0], CHECKER_ULLR[3], CHECKER_ULLR[2], CHECKER_ULLR[1]],
    });
    expect(gpSet?.levels.map((l) => [l.zoom, l.matrixWidth])).toEqual([
      [0, 1],
      [1, 1],
      [2, 2],
    ]);
    expect(gpSet?.levels.at(-1)?.resolution).toBe(gpInfo.geoTransform?.[1]);

    // Tiles go out as stored: GDAL writes PNG in the MBTiles, and JPEG in the GeoPackage where a
    // tile is opaque (PNG at the image's transparent edges).
    const magic = (b: Buffer): string =>
      b.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
        ? 'image/png'
        : b[0] === 0xff && b[1] === 0xd8
          ? 'image/jpeg'
          : 'other';
    for (const [id, file, table, tms, types] of [
      ['mb', mb, 'tiles', true, ['image/png']],
      ['gp', gpkg, 'checker', false, ['image/jpeg', 'image/png']],
    ] as const) {
      const tiles = await storedTiles(file, table);
      expect(tiles.length).toBeGreaterThan(4);
      expect([...new Set(tiles.map((t) => magic(t.data)))].sort()).toEqual([...types].sort());
      for (const t of tiles) {
        const y = tms ? 2 ** t.zoom - 1 - t.row : t.row;
        const response = await get(tileUrl(id, t.zoom, t.column, y));
        expect(response.status, `${id} ${String(t.zoom)}/${String(t.column)}/${String(y)}`).toBe(200);
        expect(response.headers.get('content-type')).toBe(magic(t.data));
        expect(Buffer.from(await response.arrayBuffer()).equals(t.data)).toBe(true);
      }
    }
  });

  it('answers 404 outside the set, for unknown basemaps and without the run token', async () => {
    // MBTiles zoom 9 holds columns 412..414 of 512: column 0 is in the grid but has no tile.
    for (const url of [
      tileUrl('mb', 9, 0, 0),
      tileUrl('mb', 12, 3300, 1700),
      tileUrl('mb', 7, 128, 0),
      tileUrl('gp', 2, 2, 0),
      tileUrl('gp', 3, 0, 0),
      tileUrl('nosuch', 0, 0, 0),
      `${harness.origin}/files/basemaps/mb/9/413`,
    ])
      expect((await get(url)).status, url).toBe(404);
    expect((await fetch(tileUrl('gp', 0, 0, 0))).status).toBe(403);
  });

  it('records the change in the audit log, and stores the configuration in the catalogue', async () => {
    const [entry] = await local.call('audit.list', { limit: 1 });
    expect(entry).toMatchObject({
      action: 'basemaps.set',
      actor: 'curator',
      details: { basemaps: 'mb:mbtiles gp:gpkg-tiles', origins: '' },
    });
    // Stored in the catalogue (settings, migration 0006), as a second reader of the file sees it.
    const reader = await openCatalogue(path.join(scratch.dir, 'home', 'catalogue.sqlite'), {
      readOnly: true,
    });
    try {
      expect(((await reader.getSetting('basemaps')) as { path: string }[]).map((b) => b.path)).toEqual([
        fixture(BASEMAP_MBTILES),
        fixture(BASEMAP_GPKG),
      ]);
    } finally {
      await reader.close();
    }
    expect((await local.call('basemaps.list', {})).map((v) => v.basemap.id)).toEqual(['mb', 'gp']);
  });
});

describe('basemap configuration', () => {
  const refused = async (basemaps: unknown[]): Promise<string> => {
    const error = await local.fail('basemaps.set', { basemaps } as never);
    expect(error.code).not.toBe('INTERNAL');
    return renderMessage(`error.${error.code}` as MessageKey, error.params, 'zh-CN');
  };

  it('refuses URLs that are not plain http(s), credentials, and missing placeholders, naming the basemap', async () => {
    const grid = { crs: 'EPSG:3857' };
    expect(
      await refused([{ kind: 'xyz', id: 'ftp', name: 'f', url: 'ftp://10.0.0.5/{z}/{x}/{y}', grid }]),
    ).toBe('参数无效：底图 ftp 的地址须以 http:// 或 https:// 开头');
    expect(
      await refused([{ kind: 'xyz', id: 'cred', name: 'c', url: 'http://u:p@10.0.0.5/{z}/{x}/{y}', grid }]),
    ).toBe('参数无效：底图 cred 的地址不得包含用户名或密码');
    expect(
      await refused([{ kind: 'xyz', id: 'ph', name: 'p', url: 'http://10.0.0.5/{z}/{x}.png', grid }]),
    ).toContain('底图 ph 的 XYZ 地址须包含');
    expect(await refused([mbtiles('rel', 'tiles/a.mbtiles')])).toContain('底图 rel 的文件路径须为绝对路径');
    expect(await refused([{ kind: 'xyz', id: 'Bad Id', name: 'b', url: 'http://h/{z}/{x}/{y}', grid }])).toBe(
      '参数无效：basemaps.0.id',
    );
    // Nothing was saved by any refused call.
    expect((await local.call('basemaps.list', {})).map((v) => v.basemap.id)).toEqual(['mb', 'gp']);
  });

  it('is an administrator’s act: a caller without the role is refused', async () => {
    const { createDispatcher } = await import('../../../src-main/api/dispatcher.js');
    const dispatch = createDispatcher(
      {
        ...ws.handlers,
        'system.info': () => Promise.reject(new Error('unused')),
        'system.pickFiles': () => Promise.reject(new Error('unused')),
      },
      { readOnly: () => false, onInternalError: () => undefined },
    );
    const result = await dispatch(
      'basemaps.set',
      { basemaps: [] },
      { user: 'c', roles: ['curator', 'reviewer', 'mapmaker'] },
    );
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', params: {} } });
    expect(await dispatch('basemaps.list', {}, { user: 'c', roles: ['mapmaker'] })).toMatchObject({
      ok: true,
    });
  });

  it('puts exactly the configured service origins in the page’s CSP, none before', async () => {
    const csp = async (): Promise<string> => {
      const response = await fetch(`${harness.origin}/?token=${harness.token}`);
      return response.headers.get('content-security-policy') ?? '';
    };
    expect(await csp()).not.toMatch(/img-src[^;]*http/);
    await local.call('basemaps.set', {
      basemaps: [
        {
          kind: 'xyz',
          id: 'svc',
          name: '内网',
          url: 'http://127.0.0.1:9/{z}/{x}/{y}.png',
          grid: { crs: 'EPSG:3857' },
        },
      ],
    });
    expect(await csp()).toMatch(/img-src 'self' data: blob: http:\/\/127\.0\.0\.1:9;/);
    expect(ws.tileOrigins()).toEqual(['http://127.0.0.1:9']);
    const [entry] = await local.call('audit.list', { limit: 1 });
    expect(entry?.details).toMatchObject({ basemaps: 'svc:xyz', origins: 'http://127.0.0.1:9' });
    await local.call('basemaps.set', { basemaps: [] });
    expect(await csp()).not.toMatch(/img-src[^;]*http/);
    expect(ws.tileOrigins()).toEqual([]);
  });
});

describe('hostile tile sets', () => {
  const refusal = async (file: string, kind: 'mbtiles' | 'gpkg-tiles' = 'mbtiles') => {
    const error = await local.fail('basemaps.set', {
      basemaps: [{ kind, id: 'bad', name: 'bad', path: file }],
    });
    return { error, text: renderMessage(`error.${error.code}` as MessageKey, error.params, 'en') };
  };

  it('refuses a file that is not SQLite, has no tile table, or names absurd zoom levels', async () => {
    const text = path.join(scratch.dir, 'not-sqlite.mbtiles');
    await writeFile(text, '这不是瓦片集。\n'.repeat(100));
    expect(await refusal(text)).toMatchObject({
      error: {
        code: 'CORRUPT_FILE',
        params: { file: 'not-sqlite.mbtiles', problem: 'problem.sqliteNotDatabase' },
      },
    });
    const empty = path.join(scratch.dir, 'empty.mbtiles');
    await sql(empty, ['CREATE TABLE metadata (name TEXT, value TEXT)']);
    expect((await refusal(empty)).text).toBe(
      'Corrupt or unreadable file: empty.mbtiles (not a tile set: the tile table tiles is missing)',
    );
    const gpkg = path.join(scratch.dir, 'no-matrix.gpkg');
    await sql(gpkg, ['CREATE TABLE gpkg_contents (table_name TEXT, data_type TEXT, srs_id INTEGER)']);
    expect((await refusal(gpkg, 'gpkg-tiles')).error.params).toMatchObject({
      problem: 'problem.gpkgNoContents',
      table: 'gpkg_tile_matrix_set',
    });
    const zoom = path.join(scratch.dir, 'zoom.mbtiles');
    await copyFile(fixture(BASEMAP_MBTILES), zoom);
    await sql(zoom, ["UPDATE metadata SET value = '99' WHERE name = 'maxzoom'"]);
    expect((await refusal(zoom)).text).toBe(
      'Corrupt or unreadable file: zoom.mbtiles (zoom level 99 is not valid (0 to 30))',
    );
    const matrix = path.join(scratch.dir, 'matrix.gpkg');
    await copyFile(fixture(BASEMAP_GPKG), matrix);
    await sql(matrix, [
      'DROP TRIGGER gpkg_tile_matrix_matrix_width_update',
      'UPDATE gpkg_tile_matrix SET matrix_width = 0 WHERE zoom_level = 1',
    ]);
    expect((await refusal(matrix, 'gpkg-tiles')).text).toContain('zoom level 1 has an invalid size');
    expect((await refusal(path.join(scratch.dir, 'missing.mbtiles'))).error).toEqual({
      code: 'FILE_NOT_FOUND',
      params: { file: 'missing.mbtiles' },
    });
  });

  it('answers a huge tile and a tile that is no image with the reason, as the contract error body', async () => {
    const huge = path.join(scratch.dir, 'huge.mbtiles');
    await copyFile(fixture(BASEMAP_MBTILES), huge);
    const [first] = await storedTiles(huge, 'tiles');
    if (!first) throw new Error('no tile');
    await sql(
      huge,
      [
        'UPDATE tiles SET tile_data = ? WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?',
        'INSERT INTO tiles VALUES (?, ?, ?, ?)',
      ],
      [
        [Buffer.alloc(3 * 1024 * 1024, 7), first.zoom, first.column, first.row],
        [9, 0, 0, Buffer.from('<html>not a tile</html>')],
      ],
    );
    await local.call('basemaps.set', { basemaps: [mbtiles('huge', huge)] });
    const response = await get(tileUrl('huge', first.zoom, first.column, 2 ** first.zoom - 1 - first.row));
    expect(response.status).toBe(422);
    const body = (await response.json()) as {
      ok: false;
      error: { code: string; params: Record<string, string> };
    };
    expect(body.error.code).toBe('TOO_LARGE');
    expect(renderMessage('error.TOO_LARGE', body.error.params, 'zh-CN')).toBe(
      `文件超出处理上限：huge.mbtiles（瓦片 ${String(first.zoom)}/${String(first.column)}/${String(2 ** first.zoom - 1 - first.row)} 超过 2 MB 上限）`,
    );
    const notImage = await get(tileUrl('huge', 9, 0, 511));
    expect(notImage.status).toBe(422);
    expect(((await notImage.json()) as { error: { params: { problem: string } } }).error.params.problem).toBe(
      'problem.tileImageType',
    );
    await local.call('basemaps.set', { basemaps: [] });
  });
});
