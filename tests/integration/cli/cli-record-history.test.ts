import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, tempDir } from '../../support/samples.js';
import { requireBuiltCli } from '../../support/cli.js';
import { cliTeam, strataAs } from '../../support/cli-team.js';

// `strata show | edit | history | diff | restore-version` as a curator and a reviewer (ADR 0184).

let scratch: { dir: string; cleanup: () => Promise<void> };
let home: string;

beforeAll(async () => {
  requireBuiltCli();
  scratch = await tempDir('strata-cli-record-');
  home = path.join(scratch.dir, 'home');
  await cliTeam(home);
});
afterAll(async () => {
  await scratch.cleanup();
});

interface Shown {
  id: string;
  state: string;
  versionCount: number;
  record: { version: number; fields: Record<string, unknown> };
}
interface Saved {
  id: string;
  changed: boolean;
  version: number;
  fields: Record<string, unknown>;
}

describe('the record and its history on the command line', () => {
  it('edits by English field names, refuses a bad value naming the field, diffs and restores a version', async () => {
    const curator = strataAs(home, 'curator');
    const json = async <T>(...args: string[]): Promise<T> => {
      const result = await curator(...args, '--json');
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as T;
    };
    const file = await copyFixture(scratch.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
    const [dem] = await json<{ id: string }[]>('import', file);
    if (!dem) throw new Error('import');

    const edited = await json<Saved>(
      'edit',
      dem.id,
      ...['--set', 'title=桂林幅 1:5万 数字高程模型', '--set', 'classification=秘密'],
      ...['--set', 'period=10年', '--set', 'archiveNumber=DZ-1998-0042'],
      ...['--set', 'keywords=钨矿,桂林，高程', '--set', 'abstract=西安 1980 坐标系', '--set', 'year=1998'],
      ...[
        '--set',
        'attribution=广西壮族自治区地质调查院',
        '--set',
        'unit=广西地调院',
        '--set',
        'category=地形',
      ],
    );
    expect(edited).toMatchObject({
      changed: true,
      version: 2,
      fields: {
        title: '桂林幅 1:5万 数字高程模型',
        level: '秘密',
        period: '10年',
        archiveNumber: 'DZ-1998-0042',
        keywords: ['钨矿', '桂林', '高程'],
        year: 1998,
        unit: '广西地调院',
        category: '地形',
      },
    });

    // Invalid values: a translated error naming the field, nothing saved.
    const badPeriod = await curator('edit', dem.id, '--set', 'title=不会保存', '--set', 'period=abc');
    expect(badPeriod.code).toBe(1);
    expect(badPeriod.stderr).toContain(
      'record field period (period) must be a number of years (1–999), long-term',
    );
    expect(badPeriod.stderr).toContain('nothing was saved');
    const zh = await strataAs(home, 'curator', 'zh-CN')('edit', dem.id, '--set', 'classification=顶级');
    expect(zh.stderr).toContain('著录项“密级”（level）应为 公开、内部、秘密、机密 或 绝密；未保存');
    const badYear = await curator('edit', dem.id, '--set', 'year=abc', '--json');
    expect(JSON.parse(badYear.stderr)).toMatchObject({
      error: { code: 'INVALID_ARGUMENT', params: { detail: 'detail.recordField', field: 'year' } },
    });
    const unknown = await curator('edit', dem.id, '--set', 'colour=red');
    expect(unknown.stderr).toContain(
      'no record field colour; the fields are title, abstract, classification',
    );

    // An unchanged edit makes no version.
    const same = await json<Saved>('edit', dem.id, '--set', 'keywords=钨矿、桂林、高程');
    expect(same).toMatchObject({ changed: false, version: 2 });

    const cleared = await json<Saved>('edit', dem.id, '--set', 'archiveNumber=', '--set', 'level=机密');
    expect(cleared.version).toBe(3);
    expect(cleared.fields).not.toHaveProperty('archiveNumber');

    const shown = await json<Shown>('show', dem.id);
    expect(shown).toMatchObject({ id: dem.id, state: 'draft', versionCount: 3, record: { version: 3 } });
    expect(shown.record.fields).toMatchObject({ level: '机密', keywords: ['钨矿', '桂林', '高程'] });
    const text = (await curator('show', dem.id)).stdout;
    expect(text).toContain('archive number (archiveNumber) —');
    expect(text).toContain('keywords (keywords)');

    // Any role reads the history and diffs; who saved each version, and when.
    const reviewer = strataAs(home, 'reviewer');
    const history = JSON.parse((await reviewer('history', dem.id, '--json')).stdout) as {
      versions: { version: number; author: string; createdAt: string; changed: string[] }[];
    };
    expect(history.versions.map((v) => [v.version, v.author, v.changed])).toEqual([
      [3, 'li.na', ['level', 'archiveNumber']],
      [
        2,
        'li.na',
        [
          'title',
          'abstract',
          'level',
          'period',
          'attribution',
          'archiveNumber',
          'keywords',
          'unit',
          'category',
          'year',
        ],
      ],
      [1, 'li.na', []],
    ]);
    expect(history.versions[0]?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const diff = JSON.parse((await reviewer('diff', dem.id, '2', '3', '--json')).stdout) as {
      changes: unknown[];
    };
    expect(diff.changes).toEqual([
      { field: 'level', before: '秘密', after: '机密' },
      { field: 'archiveNumber', before: 'DZ-1998-0042', after: null },
    ]);
    expect((await reviewer('diff', dem.id, '2', '3')).stdout).toContain(
      'archive number (archiveNumber) DZ-1998-0042  →  —',
    );
    const noVersion = await reviewer('diff', dem.id, '2', '9');
    expect(noVersion.stderr).toContain('there is no version 9 (the latest is 3)');

    // A reviewer may not edit or restore.
    expect((await reviewer('edit', dem.id, '--set', 'title=x')).code).toBe(1);
    const refused = await reviewer('restore-version', dem.id, '2', '--json');
    expect(JSON.parse(refused.stderr)).toMatchObject({ error: { code: 'FORBIDDEN' } });

    // The curator restores version 2: a new version 4 equal to it, audited; restoring it again does nothing.
    const restored = await json<{ changed: boolean; record: { version: number; fields: unknown } }>(
      'restore-version',
      dem.id,
      '2',
    );
    expect(restored.changed).toBe(true);
    expect(restored.record.version).toBe(4);
    expect(restored.record.fields).toEqual(edited.fields);
    expect((await curator('restore-version', dem.id, '2')).stdout.trim()).toBe(
      `${dem.id} is unchanged, still version 4`,
    );
    const audit = JSON.parse((await reviewer('audit', 'list', '--json')).stdout) as {
      action: string;
      actor: string;
      subject: string;
    }[];
    expect(audit[0]).toMatchObject({ action: 'catalogue.restoreVersion', actor: 'li.na', subject: dem.id });
    expect((await reviewer('diff', dem.id, '2', '4', '--json')).stdout).toContain('"changes": []');
  });
});
