import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../support/gdal.js';
import { ROOT, tempDir } from '../../support/samples.js';
import { CLI, requireBuiltCli } from '../../support/cli.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let home: string;

const strata = (
  lang: 'en' | 'zh-CN',
  ...args: string[]
): Promise<{ stdout: string; stderr: string; code: number }> =>
  runCommand(process.execPath, [CLI, '--home', home, '--lang', lang, ...args]);

async function strataJson<T>(...args: string[]): Promise<T> {
  const result = await strata('en', ...args, '--json');
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

interface Summary {
  id: string;
  version: number;
  sha256: string;
  origin: string;
  file: string | null;
  loadedBy: string | null;
}
interface Detail extends Summary {
  rules: { id: string; version: number; params: unknown }[];
}

const MARKING = { periodLevels: ['秘密', '机密', '绝密'], explicitPeriod: true, attributionMinLength: 4 };
const ZONES = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { 名称: '限制区' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [110.2, 25.2],
            [110.4, 25.2],
            [110.4, 25.4],
            [110.2, 25.2],
          ],
        ],
      },
    },
  ],
};

/** An agency profile file beside its zone file (named relative to it), with `rules` overriding. */
async function profileFile(name: string, doc: Record<string, unknown>): Promise<string> {
  const file = path.join(scratch.dir, name);
  await writeFile(
    file,
    JSON.stringify({
      id: 'gx-dzj',
      version: 1,
      name: '广西地质资料馆审查规则',
      rules: {
        'position-precision': { metres: 100 },
        'restricted-zone': { zones: [{ file: 'zones.geojson', crs: 'EPSG:4490' }] },
        marking: MARKING,
      },
      ...doc,
    }),
  );
  return file;
}

beforeAll(async () => {
  requireBuiltCli();
  scratch = await tempDir('strata-cli-profiles-');
  home = path.join(scratch.dir, 'home');
  await writeFile(path.join(scratch.dir, 'zones.geojson'), JSON.stringify(ZONES));
});
afterAll(async () => {
  await scratch.cleanup();
});

describe('strata profiles — review profiles from the command line', () => {
  it('lists and shows the shipped profile with its hash, its rules and their parameters', async () => {
    const bundled = await readFile(path.join(ROOT, 'resources/profiles/default.json'), 'utf8');
    const sha256 = createHash('sha256')
      .update(JSON.stringify(JSON.parse(bundled)))
      .digest('hex');
    expect(await strataJson<Summary[]>('profiles', 'list')).toEqual([
      expect.objectContaining({ id: 'cn-default', version: 4, sha256, origin: 'shipped', file: null }),
    ]);
    const shown = await strataJson<Detail>('profiles', 'show', 'cn-default');
    expect(shown.rules).toHaveLength(11);
    expect(shown.rules.at(-1)).toEqual({
      id: 'marking',
      version: 1,
      params: { periodLevels: ['秘密', '机密', '绝密'], explicitPeriod: false, attributionMinLength: 2 },
    });
    const text = await strata('en', 'profiles', 'show', 'cn-default');
    expect(text.stdout).toContain(`cn-default@4`);
    expect(text.stdout).toContain('marking@1');
    const unknown = await strata('en', 'profiles', 'show', 'no-such', '--json');
    expect(JSON.parse(unknown.stderr)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('loads an agency profile validated in full, stores and audits it; a bad one is refused naming the rule and parameter', async () => {
    const bad = await profileFile('bad.json', {
      rules: { marking: { ...MARKING, attributionMinLength: 0 }, 'position-precision': { metres: 50 } },
    });
    const en = await strata('en', 'profiles', 'load', bad);
    expect(en.code).not.toBe(0);
    expect(en.stderr).toContain(
      'the review profile bad.json cannot be applied in full and was not loaded: rules.marking.attributionMinLength is invalid (1 problems)',
    );
    const zh = await strata('zh-CN', 'profiles', 'load', bad);
    expect(zh.stderr).toContain(
      '审查规则文件 bad.json 无法完整应用，未加载：rules.marking.attributionMinLength 无效',
    );
    const unknownRule = await profileFile('unknown.json', { rules: { 'secret-sauce': {} } });
    expect((await strata('en', 'profiles', 'load', unknownRule)).stderr).toContain(
      'rules.secret-sauce is invalid',
    );
    const noZones = await profileFile('no-zones.json', {
      rules: { 'restricted-zone': { zones: [{ file: 'missing.geojson', crs: 'EPSG:4490' }] } },
    });
    const missing = await strata('en', 'profiles', 'load', noZones, '--json');
    expect(JSON.parse(missing.stderr)).toMatchObject({
      error: { code: 'FILE_NOT_FOUND', params: { file: 'missing.geojson' } },
    });
    const notJson = path.join(scratch.dir, 'not.json');
    await writeFile(notJson, '{"id": ');
    expect((await strata('en', 'profiles', 'load', notJson)).stderr).toContain(
      'not.json is not a review profile in JSON',
    );
    // Nothing of these was stored.
    expect((await strataJson<Summary[]>('profiles', 'list')).map((p) => p.id)).toEqual(['cn-default']);

    const good = await profileFile('gx.json', {});
    const loaded = await strataJson<Detail>('profiles', 'load', good);
    expect(loaded).toMatchObject({ id: 'gx-dzj', version: 1, origin: 'agency', file: 'gx.json' });
    expect(loaded.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(loaded.loadedBy).not.toBeNull();
    // Shown as its file says it: the zone file by name, not the polygons read from it.
    expect(loaded.rules).toEqual([
      { id: 'position-precision', version: 2, params: { metres: 100 } },
      { id: 'restricted-zone', version: 1, params: { zones: [{ file: 'zones.geojson', crs: 'EPSG:4490' }] } },
      { id: 'marking', version: 1, params: MARKING },
    ]);
    expect(await strataJson<Summary[]>('profiles', 'list')).toEqual([
      expect.objectContaining({ id: 'cn-default', origin: 'shipped' }),
      expect.objectContaining({ id: 'gx-dzj', version: 1, sha256: loaded.sha256, origin: 'agency' }),
    ]);
    expect(await strataJson<Detail>('profiles', 'show', 'gx-dzj')).toEqual(loaded);

    // The same version again, or the shipped profile's id: refused with the reason.
    expect((await strata('en', 'profiles', 'load', good)).stderr).toContain(
      'version 1 of gx-dzj is loaded already; the new file needs a higher version',
    );
    const shipped = await profileFile('shipped.json', { id: 'cn-default', version: 9 });
    expect((await strata('en', 'profiles', 'load', shipped)).stderr).toContain(
      'cn-default is a profile shipped with the application',
    );
    const newer = await strataJson<Detail>('profiles', 'load', await profileFile('gx2.json', { version: 2 }));
    expect(newer.version).toBe(2);
    expect(
      (await strataJson<Summary[]>('profiles', 'list')).map((p) => `${p.id}@${String(p.version)}`),
    ).toEqual(['cn-default@4', 'gx-dzj@2']);

    const audit = await strataJson<{ action: string }[]>('audit', 'list');
    expect(audit.filter((e) => e.action === 'profiles.load')).toHaveLength(2);
    expect((await strataJson<{ ok: boolean }>('audit', 'verify')).ok).toBe(true);
  });
});
