import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodArgs } from '../../../src-main/api/contract.js';
import { renderMessage } from '../../../src-main/api/messages.js';
import type { FeaturePageResult } from '../../../src-main/api/types.js';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import { headlessDispatcher } from '../../../src-main/hosting/system-handlers.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { fixture } from '../../fixtures/index.js';
import { gdal } from '../../support/gdal.js';
import { clientOf, type Client } from '../../support/contract-client.js';
import { ogrLayers } from '../../support/ogr-layers.js';
import { tempDir } from '../../support/samples.js';
import { testDispatch } from '../../support/test-dispatch.js';

const run = promisify(execFile);

/** Mineral occurrences: GBK text with a .cpg, a Real 储量 and Chinese 名称/矿种. */
const minerals = (): string => fixture('chinese', 'shapefile', 'kuangdian_gbk_cpg', '矿点.shp');
/** 1,200 places: many fields, nulls, Latin and CJK names. */
const places = (): string => fixture('geojson', 'ne_50m_populated_places.json');
/**
 * Written by ogr2ogr in the test: nulls in a text and a numeric field, and text whose code point
 * order (！ U+FF01 before 𠀀 U+20000) differs from JavaScript's UTF-16 order.
 */
let withNulls = '';
const NULLS_CSV = [
  'x,y,名称,储量',
  '108.1,22.1,甲矿,12.5',
  '108.2,22.2,,3',
  '108.3,22.3,𠀀矿,',
  '108.4,22.4,！号,7',
  '108.5,22.5,乙矿,',
  '108.6,22.6,abc,-1',
  '108.7,22.7,,12.5',
].join('\n');
const fileOf = (name: string): string =>
  name === 'minerals' ? minerals() : name === 'places' ? places() : withNulls;

/** One field's values of the features `ogrinfo -sql` (OGR SQL: ORDER BY, WHERE) returns, in its order. */
async function ogrColumn(file: string, sql: string, field: string): Promise<unknown[]> {
  const { stdout } = await run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file, '-sql', sql], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const collection = JSON.parse(stdout) as { features: { properties: Record<string, unknown> }[] };
  return collection.features.map((f) => f.properties[field] ?? null);
}

/** Feature ids `ogrinfo -where` lists (OGR numbers a shapefile's and a GeoJSON's features 0..N-1 as we do). */
async function ogrWhereFids(file: string, where: string): Promise<number[]> {
  const { stdout } = await run('ogrinfo', ['-al', '-q', '-geom=NO', '-where', where, file], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...stdout.matchAll(/^OGRFeature\([^)]*\):(\d+)$/gm)].map((m) => Number(m[1]));
}

let scratch: { dir: string; cleanup: () => Promise<void> };
let ws: Workstation;
let api: Client;
const ids: Record<string, string> = {};

type PageArgs = MethodArgs<'datasets.featurePage'>;

/** Every matching row, page by page (`limit` a page), as the table scrolls through them. */
async function allRows(args: Omit<PageArgs, 'offset' | 'limit'>, limit = 100): Promise<FeaturePageResult> {
  const first = await api.call('datasets.featurePage', { ...args, offset: 0, limit });
  const rows = [...first.rows];
  for (let offset = limit; offset < first.matched; offset += limit)
    rows.push(...(await api.call('datasets.featurePage', { ...args, offset, limit })).rows);
  return { ...first, rows };
}

const column = (page: FeaturePageResult, field: string): unknown[] => {
  const at = page.fields.findIndex((f) => f.name === field);
  return page.rows.map((r) => r.values[at]);
};

beforeAll(async () => {
  scratch = await tempDir('strata-feature-page-');
  ws = await openWorkstation({ home: path.join(scratch.dir, 'home') });
  api = clientOf(testDispatch(ws));
  const csv = path.join(scratch.dir, 'p.csv');
  await writeFile(csv, `${NULLS_CSV}\n`);
  withNulls = path.join(scratch.dir, 'p.geojson');
  await gdal('ogr2ogr', [
    ...['-f', 'GeoJSON', withNulls, csv, '-a_srs', 'EPSG:4490'],
    ...['-oo', 'X_POSSIBLE_NAMES=x', '-oo', 'Y_POSSIBLE_NAMES=y', '-oo', 'KEEP_GEOM_COLUMNS=NO'],
    ...['-oo', 'EMPTY_STRING_AS_NULL=YES', '-oo', 'AUTODETECT_TYPE=YES'],
  ]);
  for (const [name, file] of [
    ['minerals', minerals()],
    ['places', places()],
    ['nulls', withNulls],
    ['many', fixture('csv', 'many_points.csv')],
    ['dem', fixture('chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif')],
  ] as const) {
    const result = await api.call('datasets.import', { paths: [file] });
    const id = result.datasets[0]?.id;
    if (id === undefined) throw new Error(`${name} not imported`);
    ids[name] = id;
  }
});

afterAll(async () => {
  await ws.close();
  await scratch.cleanup();
});

const id = (name: string): string => {
  const value = ids[name];
  if (value === undefined) throw new Error(name);
  return value;
};

describe('datasets.featurePage against GDAL', () => {
  it('counts the features ogrinfo -so counts and lists the fields it lists, ids in file order', async () => {
    for (const name of ['minerals', 'places', 'nulls']) {
      const file = fileOf(name);
      const [layer] = await ogrLayers(file);
      const page = await allRows({ id: id(name) });
      expect(page.total).toBe(layer?.featureCount);
      expect(page.matched).toBe(layer?.featureCount);
      expect(page.fields.map((f) => f.name)).toEqual(layer?.fields.map((f) => f.name));
      expect(page.rows.map((r) => r.fid)).toEqual([...Array(page.total).keys()]);
    }
    const page = await api.call('datasets.featurePage', { id: id('minerals'), offset: 0, limit: 1 });
    expect(page.crs).toBe('EPSG:4545');
    expect(page.rows[0]?.geometry?.type).toBe('Point');
  });

  it('sorts a numeric and a Chinese text field as ORDER BY does, both ways', async () => {
    for (const [name, layer, field] of [
      ['minerals', '矿点', '储量'],
      ['minerals', '矿点', '名称'],
      ['minerals', '矿点', '矿种'],
      ['places', 'ne_50m_populated_places', 'POP_MAX'],
      ['places', 'ne_50m_populated_places', 'NAME_ZH'],
      ['nulls', 'p', '名称'],
      ['nulls', 'p', '储量'],
    ] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const file = fileOf(name);
        const sql = `SELECT "${field}" FROM "${layer}" ORDER BY "${field}" ${order.toUpperCase()}`;
        const gdal = await ogrColumn(file, sql, field);
        const page = await allRows({ id: id(name), sort: { field, order } });
        expect(column(page, field), `${field} ${order}`).toEqual(gdal);
      }
    }
  });

  it('filters as ogrinfo -where does, and searches the text of every field', async () => {
    const cases: [string, PageArgs['filter'], string][] = [
      ['minerals', { field: '储量', op: '>', value: '3000' }, '"储量" > 3000'],
      ['minerals', { field: '储量', op: '<=', value: '2917.22' }, '"储量" <= 2917.22'],
      ['minerals', { field: '矿种', op: '=', value: '钨矿' }, `"矿种" = '钨矿'`],
      ['minerals', { field: '矿种', op: '<>', value: '钨矿' }, `"矿种" <> '钨矿'`],
      ['minerals', { field: '名称', op: 'contains', value: '山' }, `"名称" LIKE '%山%'`],
      ['places', { field: 'NAME', op: 'contains', value: 'CE 11' }, `"NAME" LIKE '%ce 11%'`],
      ['places', { field: 'NAME_ZH', op: 'contains', value: '地点2' }, `"NAME_ZH" LIKE '%地点2%'`],
      ['places', { field: 'POP_MAX', op: '>=', value: '5000000' }, '"POP_MAX" >= 5000000'],
      ['nulls', { field: '名称', op: 'isNull' }, '"名称" IS NULL'],
      ['nulls', { field: '储量', op: 'notNull' }, '"储量" IS NOT NULL'],
      ['nulls', { field: '储量', op: '<>', value: '12.5' }, '"储量" <> 12.5'],
      ['nulls', { field: '名称', op: '>', value: '乙' }, `"名称" > '乙'`],
    ];
    for (const [name, filter, where] of cases) {
      const file = fileOf(name);
      const expected = await ogrWhereFids(file, where);
      const page = await allRows({ id: id(name), filter });
      expect(
        page.rows.map((r) => r.fid),
        where,
      ).toEqual(expected);
      expect(page.matched).toBe(expected.length);
      // Each case keeps some rows and drops some: a filter that passed all or none would prove nothing.
      expect(expected.length, where).toBeGreaterThan(0);
      expect(expected.length, where).toBeLessThan(page.total);
      expect(page.total).toBe((await ogrLayers(file))[0]?.featureCount);
    }
    // A search over all fields: no number holds 钨, so the text fields decide.
    const searched = await allRows({ id: id('minerals'), search: '钨' });
    expect(searched.rows.map((r) => r.fid)).toEqual(
      await ogrWhereFids(minerals(), `"名称" LIKE '%钨%' OR "矿种" LIKE '%钨%'`),
    );
    expect(searched.matched).toBeGreaterThan(0);
    // Filter, search and sort together: the filtered rows in the sorted order.
    const both = await allRows({
      id: id('minerals'),
      filter: { field: '储量', op: '>', value: '3000' },
      search: '钨',
      sort: { field: '储量', order: 'desc' },
    });
    expect(column(both, '储量')).toEqual(
      await ogrColumn(
        minerals(),
        `SELECT "储量" FROM "矿点" WHERE "储量" > 3000 AND ("名称" LIKE '%钨%' OR "矿种" LIKE '%钨%') ORDER BY "储量" DESC`,
        '储量',
      ),
    );
  });

  it('tells where a feature is among the matching rows, null when filtered out', async () => {
    const sort = { field: '储量', order: 'asc' } as const;
    const sorted = await allRows({ id: id('minerals'), sort });
    const fid = 7;
    const page = await api.call('datasets.featurePage', {
      id: id('minerals'),
      sort,
      offset: 0,
      limit: 1,
      locate: fid,
    });
    expect(page.located).toBe(sorted.rows.findIndex((r) => r.fid === fid));
    const value = Number(column(sorted, '储量')[page.located ?? -1]);
    const out = await api.call('datasets.featurePage', {
      id: id('minerals'),
      filter: { field: '储量', op: '>', value: String(value) },
      offset: 0,
      limit: 1,
      locate: fid,
    });
    expect(out.located).toBeNull();
  });

  it('refuses an unknown field, a non-number for a numeric field and a raster, with translated reasons', async () => {
    const unknown = await api.fail('datasets.featurePage', {
      id: id('minerals'),
      offset: 0,
      limit: 10,
      sort: { field: '不存在', order: 'asc' },
    });
    expect(unknown.code).toBe('INVALID_ARGUMENT');
    expect(renderMessage('error.INVALID_ARGUMENT', unknown.params, 'zh-CN')).toBe(
      '参数无效：图层没有字段“不存在”',
    );
    const notNumber = await api.fail('datasets.featurePage', {
      id: id('minerals'),
      offset: 0,
      limit: 10,
      filter: { field: '储量', op: '>', value: '很多' },
    });
    expect(renderMessage('error.INVALID_ARGUMENT', notNumber.params, 'en')).toBe(
      'Invalid argument: the field “储量” is numeric and “很多” is not a number',
    );
    const raster = await api.fail('datasets.featurePage', { id: id('dem'), offset: 0, limit: 10 });
    expect(raster.params['detail']).toBe('detail.notVector');
    const tooMany = await api.fail('datasets.featurePage', { id: id('minerals'), offset: 0, limit: 5000 });
    expect(tooMany.code).toBe('INVALID_ARGUMENT');
  });

  it('reads the stored file once, then serves pages of a kept order from the cache', async () => {
    const file = fixture('csv', 'many_points.csv');
    const count = (await ogrLayers(file))[0]?.featureCount ?? 0;
    expect(count).toBe(30_000);
    const sort = { field: 'name', order: 'desc' } as const;
    const timed = async (offset: number): Promise<{ ms: number; page: FeaturePageResult }> => {
      const start = performance.now();
      const page = await api.call('datasets.featurePage', { id: id('many'), sort, offset, limit: 200 });
      return { ms: performance.now() - start, page };
    };
    const first = await timed(0);
    expect(first.page.total).toBe(count);
    const later = [await timed(15_000), await timed(29_800), await timed(100)];
    for (const { ms, page } of later) {
      expect(ms, 'a page of a kept order').toBeLessThan(250);
      expect(page.rows).toHaveLength(200);
    }
    // The first call parsed the file; the later ones did not (far below its cost).
    expect(Math.max(...later.map((l) => l.ms))).toBeLessThan(first.ms);
    const names = (await allRows({ id: id('many'), sort }, 1000)).rows.map((r) => r.values[1]);
    // GDAL's ORDER BY on a CSV re-reads the file for every feature (minutes for 30,000): sorted from a GeoPackage copy.
    const gpkg = path.join(scratch.dir, 'many_points.gpkg');
    await gdal('ogr2ogr', ['-f', 'GPKG', gpkg, file]);
    expect(names).toEqual(await ogrColumn(gpkg, 'SELECT name FROM many_points ORDER BY name DESC', 'name'));
  });

  it('serves the roles that work on the archive, not the administrator alone', async () => {
    const as = (roles: ('curator' | 'reviewer' | 'mapmaker' | 'admin')[]): Client =>
      clientOf(
        headlessDispatcher(ws, 'harness', 'test', { user: 'u', roles }, (_method, error) => {
          throw error;
        }),
      );
    const args = { id: id('minerals'), offset: 0, limit: 5 };
    for (const role of ['curator', 'reviewer', 'mapmaker'] as const)
      expect((await as([role]).call('datasets.featurePage', args)).rows).toHaveLength(5);
    expect((await as(['admin']).fail('datasets.featurePage', args)).code).toBe('FORBIDDEN');
  });
});
