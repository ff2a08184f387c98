import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage, type Lang } from '../../../src-main/api/messages.js';
import type { ImportNotice } from '../../../src-main/api/types.js';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { readVectorFile } from '../../support/open-vector.js';
import { clientOf, type Client } from '../../support/contract-client.js';
import { pointsFromCsv, runCommand } from '../../support/gdal.js';
import { tempDir } from '../../support/samples.js';
import { testDispatch } from '../../support/test-dispatch.js';
import { CLI } from '../../support/cli.js';

const SIDECARS = ['shp', 'shx', 'dbf', 'prj', 'cpg'] as const;

let scratch: { dir: string; cleanup: () => Promise<void> };
let full: string;
const workstations: Workstation[] = [];

/** A copy of the GDAL-written set under a new stem, leaving out the given sidecars. */
async function setWithout(stem: string, ...left: readonly (typeof SIDECARS)[number][]): Promise<string> {
  const dir = path.join(scratch.dir, stem);
  await mkdir(dir);
  for (const ext of SIDECARS) {
    if (!left.includes(ext)) await copyFile(`${full}.${ext}`, path.join(dir, `${stem}.${ext}`));
  }
  return path.join(dir, `${stem}.shp`);
}

async function client(): Promise<Client> {
  const ws = await openWorkstation({ home: path.join(scratch.dir, `home-${String(workstations.length)}`) });
  workstations.push(ws);
  return clientOf(testDispatch(ws));
}

/** A notice as a host shows it, in `lang`. */
const noticeText = (n: ImportNotice, lang: Lang): string =>
  renderMessage(`notice.${n.code}`, { ...n.params, file: n.file }, lang);

beforeAll(async () => {
  scratch = await tempDir('strata-incomplete-shp-');
  const csv = path.join(scratch.dir, 'boreholes.csv');
  await writeFile(
    csv,
    'id,名称,深度,x,y\n1,一号孔,120.5,110.05,24.9\n2,二号孔,88,110.1,24.95\n3,三号孔,42.25,110.12,24.97\n',
  );
  full = path.join(scratch.dir, 'full', '钻孔');
  await mkdir(path.dirname(full));
  await pointsFromCsv(csv, `${full}.shp`, { format: 'ESRI Shapefile', fields: 'id,名称,深度', typed: true });
});

afterAll(async () => {
  for (const ws of workstations) await ws.close();
  await scratch.cleanup();
});

describe('a shapefile set without its .shx is imported with the index rebuilt, and says so', () => {
  it('GDAL, the reference, refuses the set unless told to restore the index', async () => {
    const shp = await setWithout('gdal-noshx', 'shx');
    const plain = await runCommand('ogrinfo', ['-ro', '-al', '-so', shp]);
    expect(plain.code).not.toBe(0);
    expect(plain.stderr).toMatch(/SHAPE_RESTORE_SHX/);
    const restored = await runCommand('ogrinfo', [
      '-ro',
      '-al',
      '-so',
      '--config',
      'SHAPE_RESTORE_SHX',
      'YES',
      shp,
    ]);
    expect(restored.stdout).toMatch(/Feature Count: 3/);
  });

  it('reads the same features as from the complete set', async () => {
    const complete = await readVectorFile(`${full}.shp`);
    const noShx = await readVectorFile(await setWithout('read-noshx', 'shx'));
    expect(complete.notices).toEqual([]);
    expect(noShx.notices).toEqual(['shapefile.shxMissing']);
    expect(noShx.features).toEqual(complete.features);
    expect(noShx.info).toEqual(complete.info);
    expect(noShx.features.map((f) => f.properties['名称'])).toEqual(['一号孔', '二号孔', '三号孔']);
  });

  it('imports it, stores the files as deposited (no invented .shx) and records the notice', async () => {
    const shp = await setWithout('导入无索引', 'shx');
    const api = await client();
    const result = await api.call('datasets.import', { paths: [shp] });
    expect(result.failures).toEqual([]);
    const [dataset] = result.datasets;
    expect(dataset?.featureCount).toBe(3);
    expect(result.notices).toEqual([
      {
        datasetId: dataset?.id,
        file: '导入无索引.shp',
        code: 'shapefile.shxMissing',
        params: { file: '导入无索引.shp' },
      },
    ]);
    expect(result.notices.map((n) => noticeText(n, 'zh-CN'))).toEqual([
      expect.stringContaining('导入无索引.shp：缺少索引文件 .shx') as unknown,
    ]);
    const [entry] = await api.call('audit.list', { limit: 1 });
    expect(entry).toMatchObject({
      action: 'dataset.import',
      subject: dataset?.id,
      details: { files: 4, notices: 'shapefile.shxMissing' },
    });
  });

  it('says so when a .shx is there but does not fit the .shp', async () => {
    const shp = await setWithout('bad-shx');
    const shx = shp.replace(/\.shp$/, '.shx');
    const bytes = await readFile(shx);
    // The second record's offset (in 16-bit words) now points past the end of the .shp.
    bytes.writeInt32BE(0x7fff_fff0, 100 + 8);
    await writeFile(shx, bytes);
    const api = await client();
    const result = await api.call('datasets.import', { paths: [shp] });
    expect(result.datasets[0]?.featureCount).toBe(3);
    expect(result.notices.map((n) => [n.code, noticeText(n, 'en')])).toEqual([
      [
        'shapefile.shxInconsistent',
        expect.stringMatching(/^bad-shx\.shp: the \.shx index does not match the \.shp/),
      ],
    ]);
  });

  it('complete sets carry no notice', async () => {
    const api = await client();
    const result = await api.call('datasets.import', { paths: [`${full}.shp`] });
    expect(result.datasets).toHaveLength(1);
    expect(result.notices).toEqual([]);
    const [entry] = await api.call('audit.list', { limit: 1 });
    expect(entry?.details).not.toHaveProperty('notices');
  });
});

describe('a shapefile set without its .dbf is refused, not imported without attributes', () => {
  it('fails the file with a keyed reason each host words in its language, and stores nothing', async () => {
    for (const [lang, text] of [
      ['zh-CN', /缺少属性表 \.dbf/],
      ['en', /the \.dbf attribute table is missing/],
    ] as const) {
      const api = await client();
      const good = await setWithout(`good-${lang}`);
      const shp = await setWithout(`nodbf-${lang}`, 'dbf');
      const result = await api.call('datasets.import', { paths: [shp, good] });
      expect(result.datasets.map((d) => d.name)).toEqual([`good-${lang}.shp`]);
      expect(result.failures).toEqual([
        {
          file: `nodbf-${lang}.shp`,
          code: 'CORRUPT_FILE',
          params: { file: `nodbf-${lang}.shp`, problem: 'problem.shapefileNoDbf' },
        },
      ]);
      const [failure] = result.failures;
      expect(failure && renderMessage(`error.${failure.code}`, failure.params, lang)).toMatch(text);
      expect(await api.call('datasets.list', {})).toHaveLength(1);
    }
  });

  it('is refused even when the .shx is missing too', async () => {
    const api = await client();
    const result = await api.call('datasets.import', { paths: [await setWithout('bare', 'shx', 'dbf')] });
    expect(result.datasets).toEqual([]);
    expect(result.failures.map((f) => f.code)).toEqual(['CORRUPT_FILE']);
    expect(result.notices).toEqual([]);
  });
});

describe('strata import prints what it did to an incomplete set', () => {
  it('names the rebuilt index on stderr, and the refusal, in the chosen language', async () => {
    const home = path.join(scratch.dir, 'cli-home');
    const noShx = await setWithout('cli-noshx', 'shx');
    const noDbf = await setWithout('cli-nodbf', 'dbf');
    const human = await runCommand(process.execPath, [
      CLI,
      '--home',
      home,
      '--lang',
      'en',
      'import',
      noShx,
      noDbf,
    ]);
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/cli-noshx\.shp: the \.shx index is missing; it was rebuilt from/);
    expect(human.stderr).toMatch(/cli-nodbf\.shp .*the \.dbf attribute table is missing/);
    // A home of its own: in the first one the set is held already and would not be read again.
    const json = await runCommand(process.execPath, [
      CLI,
      '--home',
      `${home}-zh`,
      '--lang',
      'zh-CN',
      '--json',
      'import',
      noShx,
    ]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stderr)).toMatchObject({
      notice: {
        code: 'shapefile.shxMissing',
        file: 'cli-noshx.shp',
        message: expect.stringContaining('缺少索引文件') as unknown,
      },
    });
  });
});
