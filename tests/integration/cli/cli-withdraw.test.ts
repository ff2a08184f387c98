import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../support/gdal.js';
import { copyFixture, tempDir } from '../../support/samples.js';
import { CLI, requireBuiltCli } from '../../support/cli.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let home: string;

const strata = (...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> =>
  runCommand(process.execPath, [CLI, '--home', home, '--lang', 'en', '--user', 'zhang.wei', ...args]);

async function strataJson<T>(...args: string[]): Promise<T> {
  const result = await strata(...args, '--json');
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

beforeAll(async () => {
  requireBuiltCli();
  scratch = await tempDir('strata-cli-withdraw-');
  home = path.join(scratch.dir, 'home');
});
afterAll(async () => {
  await scratch.cleanup();
});

interface Listed {
  id: string;
  standing: string;
}

describe('strata withdraw / archive / restore', () => {
  it('withdraws with a reason, lists it only with --all, refuses its review, archives and restores it', async () => {
    const dem = await copyFixture(scratch.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
    const [raster] = await strataJson<Listed[]>('import', dem);
    if (!raster) throw new Error('import');

    const withdrawn = await strataJson<Listed & { standingChange: { reason: string; by: string } }>(
      'withdraw',
      raster.id,
      '--reason',
      '坐标系登记错误',
    );
    expect(withdrawn).toMatchObject({
      id: raster.id,
      standing: 'withdrawn',
      standingChange: { standing: 'withdrawn', reason: '坐标系登记错误', by: 'zhang.wei' },
    });
    expect(await strataJson<Listed[]>('list')).toEqual([]);
    expect((await strataJson<Listed[]>('list', '--all')).map((d) => [d.id, d.standing])).toEqual([
      [raster.id, 'withdrawn'],
    ]);
    const audit = await strataJson<{ actor: string; action: string; subject: string }[]>('audit', 'list');
    expect(audit[0]).toMatchObject({ actor: 'zhang.wei', action: 'datasets.withdraw', subject: raster.id });

    const review = await strata('review', raster.id);
    expect(review.code).toBe(1);
    expect(review.stderr).toContain(
      'The dataset is withdrawn: it is not offered for review, release or export',
    );
    const noReason = await strata('archive', raster.id);
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain('a reason is required');

    const archived = await strata('archive', raster.id, '--reason', '已被新版取代');
    expect(archived.stdout.trim()).toBe(`${raster.id} is now archived: 已被新版取代`);
    const restored = await strata('--lang', 'zh-CN', 'restore', raster.id, '--reason', '仍在使用');
    expect(restored.stdout.trim()).toBe(`${raster.id} 状态：在用；理由：仍在使用`);
    expect((await strataJson<Listed[]>('list')).map((d) => d.standing)).toEqual(['active']);
  });
});
