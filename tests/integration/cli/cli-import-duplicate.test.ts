import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../support/gdal.js';
import { ROOT, copyFixture, tempDir } from '../../support/samples.js';

const CLI = path.join(ROOT, 'bin', 'strata.js');
let scratch: { dir: string; cleanup: () => Promise<void> };
let home: string;

const strata = (...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> =>
  runCommand(process.execPath, [CLI, '--home', home, ...args]);

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'main', 'cli.mjs')))
    throw new Error('run "npm run build" before the integration tests');
  scratch = await tempDir();
  home = path.join(scratch.dir, 'home');
});
afterAll(async () => {
  await scratch.cleanup();
});

describe('strata import of a file the archive holds already', () => {
  it('says so, names the dataset holding it, exits 3; --allow-duplicate makes a second one', async () => {
    const file = await copyFixture(scratch.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
    const first = await strata('import', file, '--json');
    expect(first.code, first.stderr).toBe(0);
    const [dem] = JSON.parse(first.stdout) as { id: string; title: string }[];
    if (!dem) throw new Error('import');

    const again = await strata('import', file, '--json', '--lang', 'en');
    expect(again.code).toBe(3);
    expect(JSON.parse(again.stdout)).toEqual([]);
    const said = JSON.parse(again.stderr) as { notice: Record<string, unknown> };
    expect(said.notice).toMatchObject({
      code: 'import.duplicate',
      file: 'guilin_dem_xian80_gk40_5m.tif',
      layer: null,
      duplicateOf: { id: dem.id, title: 'guilin_dem_xian80_gk40_5m' },
    });
    expect(said.notice['message']).toBe(
      `guilin_dem_xian80_gk40_5m.tif is already in the archive and was not imported again: same content (SHA-256) as “guilin_dem_xian80_gk40_5m” (${dem.id})`,
    );

    const zh = await strata('import', file, '--lang', 'zh-CN');
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain(`已在馆藏中，未重复导入`);
    expect(zh.stderr).toContain(dem.id);

    const copy = await strata('import', file, '--allow-duplicate', '--json');
    expect(copy.code, copy.stderr).toBe(0);
    const [second] = JSON.parse(copy.stdout) as { id: string }[];
    expect(second?.id).toMatch(/^ds_/);
    expect(second?.id).not.toBe(dem.id);
    const list = JSON.parse((await strata('list', '--json')).stdout) as unknown[];
    expect(list).toHaveLength(2);
  });
});
