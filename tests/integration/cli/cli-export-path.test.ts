import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, requireBuiltCli } from '../../support/cli.js';
import { approveByCli, cliTeam, strataAs } from '../../support/cli-team.js';
import { copyFixture, tempDir } from '../../support/samples.js';
import { TEAM } from '../../support/team.js';

const run = promisify(execFile);
let scratch: { dir: string; cleanup: () => Promise<void> };
let home: string;

beforeAll(async () => {
  requireBuiltCli();
  scratch = await tempDir('strata-cli-export-path-');
  home = path.join(scratch.dir, 'home');
  await cliTeam(home);
});
afterAll(async () => {
  await scratch.cleanup();
});

async function strataJson<T>(...args: string[]): Promise<T> {
  const result = await strataAs(home, 'curator')(...args, '--json');
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

describe('strata export --out with a relative folder', () => {
  it(
    'resolves it against the current directory and prints the absolute bag path',
    { timeout: 120_000 },
    async () => {
      const dem = await copyFixture(scratch.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
      const [raster] = await strataJson<{ id: string }[]>('import', dem);
      if (!raster) throw new Error('import');
      await strataJson('describe', raster.id, '--attribution', '广西壮族自治区地质调查院');
      await strataJson('review', raster.id);
      await approveByCli(home, raster.id);
      const released = await strataJson<{ id: string }>('release', raster.id);
      await approveByCli(home, released.id);

      // Another folder than the test's own: the bag must land there, not where the program lives.
      const cwd = scratch.dir;
      const { stdout } = await run(
        process.execPath,
        [
          CLI,
          '--home',
          home,
          '--lang',
          'en',
          '--user',
          TEAM.curator.name,
          'export',
          released.id,
          '--out',
          'outbox',
        ],
        { cwd, env: { ...process.env, STRATA_PASSWORD: TEAM.curator.password } },
      );
      const bag = stdout.trim();
      expect(path.isAbsolute(bag)).toBe(true);
      expect(path.dirname(bag)).toBe(path.join(cwd, 'outbox'));
      expect((await stat(path.join(bag, 'bagit.txt'))).isFile()).toBe(true);
    },
  );
});
