import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../support/gdal.js';
import { tempDir } from '../../support/samples.js';
import { CLI, requireBuiltCli } from '../../support/cli.js';

let scratch: { dir: string; cleanup: () => Promise<void> };

const strata = (...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> =>
  runCommand(process.execPath, [CLI, '--home', path.join(scratch.dir, 'home'), ...args]);

beforeAll(async () => {
  requireBuiltCli();
  scratch = await tempDir('strata-cli-sheet-');
});
afterAll(async () => {
  await scratch.cleanup();
});

interface SheetJson {
  code: string;
  scale: number;
  bounds: number[];
  neighbours: Record<string, string | null>;
}

describe('strata sheet — GB/T 13989 sheet numbers from the command line', () => {
  it('gives a sheet’s scale, corners and neighbours, and the sheet holding a point', async () => {
    const byCode = await strata('sheet', 'J50E001001', '--json');
    expect(byCode.code, byCode.stderr).toBe(0);
    const sheet = JSON.parse(byCode.stdout) as SheetJson;
    expect(sheet).toMatchObject({ code: 'J50E001001', scale: 50_000 });
    expect(sheet.bounds).toEqual([114, 39 + 50 / 60, 114.25, 40]);
    expect(sheet.neighbours).toMatchObject({ north: 'K50E024001', west: 'J49E001024', east: 'J50E001002' });

    const byPoint = await strata('sheet', '--at', '114.5625,39.375', '--scale', '10000', '--json');
    expect(byPoint.code, byPoint.stderr).toBe(0);
    expect((JSON.parse(byPoint.stdout) as SheetJson).code).toBe('J50G015010');

    const text = await strata('sheet', 'J50');
    expect(text.stdout.split('\n').slice(0, 3)).toEqual([
      'J50  1:1000000',
      '[114, 36, 120, 40]  114°00′00″ 36°00′00″ 120°00′00″ 40°00′00″',
      'K49         K50         K51',
    ]);
  });

  it('refuses a wrong number, scale or point with the reason in the chosen language', async () => {
    const zh = await strata('--lang', 'zh-CN', 'sheet', 'J61E001001');
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('“J61E001001”不是 GB/T 13989 图幅号');
    const scale = await strata('--lang', 'en', 'sheet', '--at', '116,39', '--scale', '2000');
    expect(scale.code).toBe(1);
    expect(scale.stderr).toContain('the scale 1:2000 has no national basic-scale sheets');
    const point = await strata('--lang', 'en', 'sheet', '--at', '116,abc', '--scale', '50000');
    expect(point.code).toBe(1);
    expect(point.stderr).toMatch(/invalid argument/i);
    const usage = await strata('--lang', 'en', 'sheet');
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('strata sheet CODE | strata sheet --at LON,LAT --scale N');
  });
});
