import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installDatumShifts } from '../../../src-main/core/crs/index.js';
import { startHarness, type RunningHarness } from '../../../src-main/harness/server.js';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { clientOf, httpDispatch, type Client } from '../../support/contract-client.js';
import { copyFixture, ROOT, tempDir } from '../../support/samples.js';
import { ogrSummary } from '../../support/ogr-summary.js';
import { ogrLayers } from '../../support/ogr-layers.js';
import { boundGate, testDispatch } from '../../support/test-dispatch.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let home: string;
let ws: Workstation;
let local: Client;
let harness: RunningHarness;
let http: Client;

beforeAll(async () => {
  scratch = await tempDir('strata-crs-');
  home = path.join(scratch.dir, 'home');
  ws = await openWorkstation({ home });
  const dispatch = testDispatch(ws);
  local = clientOf(dispatch);
  harness = await startHarness({
    gate: boundGate(dispatch),
    resolveFile: (p) => ws.resolveFile(p),
    events: (listener) => ws.onEvent(listener),
    rendererDir: path.join(ROOT, 'dist', 'renderer'),
  });
  http = clientOf(httpDispatch(harness.origin, harness.token));
});
afterAll(async () => {
  installDatumShifts([]);
  await harness.close();
  await ws.close();
  await scratch.cleanup();
});

describe('crs.search', () => {
  it('answers over the loopback harness by code and by Chinese name', async () => {
    const [byCode] = await http.call('crs.search', { query: 'EPSG:31985', limit: 3 });
    expect(byCode).toMatchObject({
      code: 'EPSG:31985',
      name: 'SIRGAS 2000 / UTM zone 25S',
      geographic: false,
    });
    const byName = await http.call('crs.search', { query: '国家2000 3度带 中央经线117', limit: 5 });
    expect(byName[0]).toMatchObject({
      code: 'EPSG:4548',
      nameZh: '2000国家大地坐标系 / 3度带高斯-克吕格投影 中央经线117°E',
    });
    expect(await http.fail('crs.search', { query: 'x', limit: 0 })).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('dataset.assignCrs', () => {
  it('gives a dataset without CRS one, rewrites its display copy, audits it, and keeps it across a restart', async () => {
    const shp = path.join(await copyFixture(scratch.dir, 'crs', 'lonlat_noprj'), 'boreholes.shp');
    const gdal = await ogrSummary(shp);
    expect(gdal.epsg).toBeNull();
    const { datasets } = await local.call('datasets.import', { paths: [shp] });
    const [imported] = datasets;
    if (imported === undefined) throw new Error('import');
    expect(imported.crs).toBeNull();

    const detail = await local.call('dataset.assignCrs', { id: imported.id, code: 'EPSG:4490' });
    expect(detail.summary.crs).toBe('EPSG:4490');
    expect(detail.summary.crsName).toBe('China Geodetic Coordinate System 2000');
    expect(detail.summary.extent).toEqual(gdal.extent);
    expect(detail.crsAssignment).toMatchObject({ code: 'EPSG:4490', previous: null, by: 'curator' });
    expect(detail.crsDefinition).toEqual({ code: 'EPSG:4490', proj4: '+proj=longlat +ellps=GRS80' });
    expect(detail.display.contentType).toBe('application/vnd.flatgeobuf');
    const served = await ws.resolveFile(detail.display.path);
    const [display] = await ogrLayers(served && 'path' in served ? served.path : '');
    expect(display?.featureCount).toBe(gdal.featureCount);
    expect(display?.epsg).toBe('EPSG:4490');

    const [entry] = await local.call('audit.list', { limit: 1 });
    expect(entry).toMatchObject({
      action: 'dataset.assignCrs',
      subject: imported.id,
      details: { code: 'EPSG:4490', previous: null, replace: false },
    });

    expect(await local.fail('dataset.assignCrs', { id: imported.id, code: 'EPSG:4326' })).toEqual({
      code: 'INVALID_ARGUMENT',
      params: { detail: 'detail.crsAlreadySet', code: 'EPSG:4490' },
    });
    expect(
      await local.fail('dataset.assignCrs', { id: imported.id, code: 'EPSG:999999', replace: true }),
    ).toEqual({
      code: 'INVALID_ARGUMENT',
      params: { detail: 'detail.crsUnknownCode', code: 'EPSG:999999' },
    });
    const replaced = await local.call('dataset.assignCrs', {
      id: imported.id,
      code: 'EPSG:4326',
      replace: true,
    });
    expect(replaced.crsAssignment).toMatchObject({ code: 'EPSG:4326', previous: 'EPSG:4490' });
    expect((await local.call('audit.verify', {})).ok).toBe(true);

    await harness.close();
    await ws.close();
    ws = await openWorkstation({ home });
    local = clientOf(testDispatch(ws));
    harness = await startHarness({
      gate: boundGate(testDispatch(ws)),
      resolveFile: (p) => ws.resolveFile(p),
      events: (listener) => ws.onEvent(listener),
      rendererDir: path.join(ROOT, 'dist', 'renderer'),
    });
    const again = await local.call('datasets.get', { id: imported.id });
    expect(again.summary.crs).toBe('EPSG:4326');
    expect(again.crsAssignment?.previous).toBe('EPSG:4490');
  });
});

describe('crs.loadDatumShifts', () => {
  const SECRET = 123.456789;
  const file = (name: string, body: unknown): Promise<string> => {
    const target = path.join(scratch.dir, name);
    return writeFile(target, JSON.stringify(body)).then(() => target);
  };

  it('loads a shift file, answers with names only, and leaves no number in the audit log', async () => {
    const good = await file('shifts.json', {
      format: 'strata-datum-shifts/1',
      shifts: [
        {
          name: '北京54→2000 试验区',
          from: 'EPSG:4214',
          to: 'EPSG:4490',
          method: 'helmert-7',
          tx: SECRET,
          ty: -50.5,
          tz: 20.25,
          rx: 0.5,
          ry: -0.25,
          rz: 1.5,
          ds: 2.5,
          area: [110, 20, 120, 30],
        },
        {
          from: 'EPSG:4610',
          to: 'EPSG:4490',
          method: 'helmert-7',
          tx: 1,
          ty: 2,
          tz: 3,
          rx: 0,
          ry: 0,
          rz: 0,
          ds: 0,
        },
      ],
    });
    const loaded = await local.call('crs.loadDatumShifts', { path: good });
    expect(loaded).toEqual({
      count: 2,
      pairs: [
        { name: '北京54→2000 试验区', from: 'EPSG:4214', to: 'EPSG:4490', hasArea: true },
        { name: 'EPSG:4610 → EPSG:4490', from: 'EPSG:4610', to: 'EPSG:4490', hasArea: false },
      ],
    });
    expect(JSON.stringify(loaded)).not.toContain(String(SECRET));
    const audit = await local.call('audit.list', { limit: 100 });
    expect(JSON.stringify(audit)).not.toContain(String(SECRET));
  });

  it('refuses a malformed file naming the entry, never a value', async () => {
    const bad = await file('bad.json', {
      format: 'strata-datum-shifts/1',
      shifts: [
        {
          from: 'EPSG:4214',
          to: 'EPSG:4490',
          method: 'helmert-7',
          tx: SECRET,
          ty: 0,
          tz: 0,
          rx: 0.5,
          ry: 0,
          rz: 0,
          ds: 'x',
        },
      ],
    });
    const error = await local.fail('crs.loadDatumShifts', { path: bad });
    expect(error).toEqual({
      code: 'CORRUPT_FILE',
      params: { file: 'bad.json', problem: 'problem.datumShiftEntry', entry: 1 },
    });
    const sameDatum = await file('same.json', {
      format: 'strata-datum-shifts/1',
      shifts: [
        {
          from: 'EPSG:4326',
          to: 'EPSG:4326',
          method: 'helmert-7',
          tx: 0,
          ty: 0,
          tz: 0,
          rx: 0,
          ry: 0,
          rz: 0,
          ds: 0,
        },
      ],
    });
    expect((await local.fail('crs.loadDatumShifts', { path: sameDatum })).params).toMatchObject({
      problem: 'problem.datumShiftEnds',
    });
    const notJson = path.join(scratch.dir, 'notjson.json');
    await writeFile(notJson, `{"tx": ${String(SECRET)}`);
    expect(await local.fail('crs.loadDatumShifts', { path: notJson })).toEqual({
      code: 'CORRUPT_FILE',
      params: { file: 'notjson.json', problem: 'problem.datumShiftFormat', entry: 0 },
    });
    expect(
      (await local.fail('crs.loadDatumShifts', { path: path.join(scratch.dir, 'nope.json') })).code,
    ).toBe('FILE_NOT_FOUND');
  });
});

describe('crs.mapTransforms', () => {
  // Beijing 1954 / 3-degree GK CM 114E and CGCS2000 geographic, with proj4 as the map holds them.
  const beijing = {
    code: 'EPSG:2435',
    proj4:
      '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=krass +towgs84=15.8,-154.4,-82.3,0,0,0,0 +units=m +no_defs',
  };
  const cgcs = { code: 'EPSG:4490', proj4: '+proj=longlat +ellps=GRS80 +no_defs' };
  const web = {
    code: 'EPSG:3857',
    proj4:
      '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
  };
  const point = [495_000, 4_396_000] as const;
  const apply = (plan: {
    areas: readonly { from: string; to: string }[];
    otherwise: readonly [string, string];
  }) => {
    const [from, to] = plan.areas[0] ? [plan.areas[0].from, plan.areas[0].to] : plan.otherwise;
    return proj4(from, to).forward([point[0], point[1]]);
  };

  it('gives the map the plan the main process transforms with: unshifted until a shift is loaded, then PROJ’s', async () => {
    installDatumShifts([]);
    const [unknown] = await local.call('crs.mapTransforms', { pairs: [{ from: beijing, to: cgcs }] });
    expect(unknown).toMatchObject({ from: 'EPSG:2435', to: 'EPSG:4490', shift: 'unknown' });
    // Unshifted: the registry's 3-parameter approximation is not applied either.
    expect(JSON.stringify(unknown?.plan)).not.toContain('towgs84=15.8');
    const [lonA = 0, latA = 0] = apply(must(unknown).plan);
    const [plainLon, plainLat] = gdalXy(
      '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=krass',
      '+proj=longlat +ellps=GRS80',
      point,
    );
    expect(lonA).toBeCloseTo(plainLon, 9);
    expect(latA).toBeCloseTo(plainLat, 9);

    const params = [-12.5, 130.25, 48.75, 0.5, -1.25, 2.75, 3.5];
    const shifts = path.join(scratch.dir, 'map-shifts.json');
    const [tx, ty, tz, rx, ry, rz, ds] = params;
    await writeFile(
      shifts,
      JSON.stringify({
        format: 'strata-datum-shifts/1',
        shifts: [{ from: 'EPSG:4214', to: 'EPSG:4490', method: 'helmert-7', tx, ty, tz, rx, ry, rz, ds }],
      }),
    );
    await local.call('crs.loadDatumShifts', { path: shifts });
    const [there, back, other] = await local.call('crs.mapTransforms', {
      pairs: [
        { from: beijing, to: cgcs },
        { from: cgcs, to: beijing },
        { from: beijing, to: web },
      ],
    });
    expect(there?.shift).toBe('loaded');
    expect(back?.shift).toBe('loaded');
    expect(other?.shift).toBe('registry');
    const [lonB = 0, latB = 0] = apply(must(there).plan);
    const [gdalLon, gdalLat] = gdalXy(
      `+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=krass +towgs84=${params.join(',')}`,
      '+proj=longlat +ellps=GRS80 +towgs84=0,0,0',
      point,
    );
    expect(lonB).toBeCloseTo(gdalLon, 8);
    expect(latB).toBeCloseTo(gdalLat, 8);
    // The shift moves the point by more than a metre (1e-5° ≈ 1 m): the test would see it missing.
    expect(Math.hypot(lonB - lonA, latB - latA)).toBeGreaterThan(1e-5);
    installDatumShifts([]);
  });
});

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

/** gdaltransform (PROJ) between two proj strings: the reference for the numbers. */
function gdalXy(from: string, to: string, xy: readonly [number, number]): [number, number] {
  const out = execFileSync('gdaltransform', ['-s_srs', from, '-t_srs', to, '-output_xy'], {
    input: `${String(xy[0])} ${String(xy[1])}\n`,
    encoding: 'utf8',
  })
    .trim()
    .split(/\s+/)
    .map(Number);
  return [out[0] ?? NaN, out[1] ?? NaN];
}
