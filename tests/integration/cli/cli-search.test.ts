import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../support/gdal.js';
import { copyFixture, tempDir } from '../../support/samples.js';
import { CLI, requireBuiltCli } from '../../support/cli.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let home: string;

const strata = (...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> =>
  runCommand(process.execPath, [CLI, '--home', home, '--lang', 'en', ...args]);

async function strataJson<T>(...args: string[]): Promise<T> {
  const result = await strata(...args, '--json');
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

interface Found {
  results: { id: string; title: string; level: string; extent: number[] | null }[];
  total: number;
  page: number;
  facets: Record<string, { value: string; count: number }[]>;
}

beforeAll(async () => {
  requireBuiltCli();
  scratch = await tempDir('strata-cli-search-');
  home = path.join(scratch.dir, 'home');
});
afterAll(async () => {
  await scratch.cleanup();
});

describe('strata search', () => {
  it('finds a record by a 2-character Chinese query, with facets, a lon/lat box and pages', async () => {
    const dem = await copyFixture(scratch.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
    const [raster] = await strataJson<{ id: string }[]>('import', dem);
    if (!raster) throw new Error('import');
    await strataJson(
      'describe',
      raster.id,
      '--title',
      '桂林钨矿普查高程模型',
      '--level',
      '秘密',
      '--period',
      '10年',
    );

    const found = await strataJson<Found>('search', '钨矿');
    expect(found.total).toBe(1);
    expect(found.results.map((r) => [r.id, r.title, r.level])).toEqual([
      [raster.id, '桂林钨矿普查高程模型', '秘密'],
    ]);
    expect(found.facets['level']).toEqual([{ value: '秘密', count: 1 }]);
    // Xi'an 80 / GK zone 40 (CM 120°E), eastings 455–461 km: the extent comes back in degrees.
    const [lon, lat] = found.results[0]?.extent ?? [];
    expect(lon).toBeCloseTo(119.55, 1);
    expect(lat).toBeCloseTo(25.26, 1);

    expect(
      (await strataJson<Found>('search', '钨矿', '--facet', 'level=秘密', '--facet', 'level=公开')).total,
    ).toBe(1);
    expect((await strataJson<Found>('search', '钨矿', '--facet', 'level=公开')).total).toBe(0);
    expect((await strataJson<Found>('search', '--bbox', '100,30,101,31')).total).toBe(0);
    expect((await strataJson<Found>('search', '--bbox', '119,25,120,26')).total).toBe(1);
    const second = await strataJson<Found>('search', '钨矿', '--page', '2');
    expect([second.total, second.page, second.results]).toEqual([1, 2, []]);
    expect((await strataJson<Found>('search', '铜矿')).total).toBe(0);

    const text = await strata('search', '钨矿');
    expect(text.stdout).toContain('1 found, page 1');
    expect(text.stdout).toContain(raster.id);

    const badFacet = await strata('search', '钨矿', '--facet', 'colour=red');
    expect([badFacet.code, badFacet.stderr.trim()]).toEqual([
      1,
      'strata: Invalid argument: “colour=red” is not facet=value (facets: category, level, status, year, unit)',
    ]);
    const badBox = await strata('search', '--bbox', '110,25,oops', '--lang', 'zh-CN');
    expect(badBox.code).toBe(1);
    expect(badBox.stderr).toContain('不是 最小经度,最小纬度,最大经度,最大纬度');
    const reversed = await strata('search', '--bbox', '111,25,110,26');
    expect([reversed.code, reversed.stderr.trim()]).toEqual([1, 'strata: Invalid argument: bbox']);
  });
});
