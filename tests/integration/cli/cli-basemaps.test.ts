import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../fixtures/index.js';
import { BASEMAP_MBTILES } from '../../fixtures/tile-sets.js';
import { runCommand } from '../../support/gdal.js';
import { tempDir } from '../../support/samples.js';
import { CLI, requireBuiltCli } from '../../support/cli.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let home: string;

const strata = (...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> =>
  runCommand(process.execPath, [CLI, '--home', home, '--lang', 'en', ...args]);

beforeAll(async () => {
  requireBuiltCli();
  scratch = await tempDir('strata-cli-basemaps-');
  home = path.join(scratch.dir, 'home');
});
afterAll(async () => {
  await scratch.cleanup();
});

describe('strata basemaps — the administrator configures basemaps from the command line', () => {
  it('sets a list from a JSON file, lists it, and refuses a bad file or URL with the reason', async () => {
    expect((await strata('basemaps', 'list')).stdout.trim()).toBe('(empty)');
    const config = path.join(scratch.dir, 'basemaps.json');
    await writeFile(
      config,
      JSON.stringify({
        basemaps: [
          {
            kind: 'mbtiles',
            id: 'guilin',
            name: '桂林',
            attribution: 'GS(2026)0001号',
            path: fixture(BASEMAP_MBTILES),
          },
          {
            kind: 'xyz',
            id: 'tdt',
            name: '天地图内网',
            url: 'http://127.0.0.1:9/vec_w/{z}/{x}/{y}.png',
            grid: { crs: 'EPSG:3857' },
          },
        ],
      }),
    );
    const set = await strata('basemaps', 'set', config, '--json');
    expect(set.code, set.stderr).toBe(0);
    const views = JSON.parse(set.stdout) as {
      basemap: { id: string };
      tiles: { tileSet: { levels: unknown[] } } | null;
    }[];
    expect(views.map((v) => v.basemap.id)).toEqual(['guilin', 'tdt']);
    expect(views[0]?.tiles?.tileSet.levels).toHaveLength(3);
    const list = await strata('basemaps', 'list');
    expect(list.stdout).toContain('guilin           mbtiles');
    expect(list.stdout).toContain('http://127.0.0.1:9/vec_w/{z}/{x}/{y}.png  天地图内网');

    await writeFile(config, '{ not json');
    const bad = await strata('basemaps', 'set', config);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('is not a basemap configuration file');
    await writeFile(
      config,
      JSON.stringify([
        { kind: 'xyz', id: 'f', name: 'f', url: 'ftp://h/{z}/{x}/{y}', grid: { crs: 'EPSG:3857' } },
      ]),
    );
    const ftp = await strata('basemaps', 'set', config);
    expect(ftp.code).not.toBe(0);
    expect(ftp.stderr).toContain('the URL of basemap f must start with http:// or https://');
    expect((await strata('basemaps', 'list')).stdout).toContain('guilin');
  });
});
