import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../support/gdal.js';
import { copyFixture, tempDir } from '../../support/samples.js';
import { HAN, strayHan } from '../../support/scripts.js';
import { CLI } from '../../support/cli.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let home: string;
let demId: string;
let noCrsId: string;

const strata = (lang: 'en' | 'zh-CN', ...args: string[]) =>
  runCommand(process.execPath, [CLI, '--home', home, '--lang', lang, ...args]);

/** The failures a user meets from the command line, each with the code it must report. */
const failures = (): { code: string; args: string[] }[] => [
  { code: 'NOT_FOUND', args: ['show', 'ds_0000000000000000'] },
  { code: 'FILE_NOT_FOUND', args: ['import', path.join(scratch.dir, 'missing.tif')] },
  { code: 'CORRUPT_FILE', args: ['import', path.join(scratch.dir, 'looping.tif')] },
  { code: 'UNSUPPORTED_FORMAT', args: ['import', path.join(scratch.dir, 'notes.txt')] },
  { code: 'INVALID_ARGUMENT', args: ['export', demId] },
  { code: 'INVALID_ARGUMENT', args: ['describe', demId, '--level', '顶级'] },
  { code: 'RELEASE_REFUSED', args: ['release', 'NO_CRS'] },
  { code: 'EXPORT_REFUSED', args: ['export', demId, '--out', scratch.dir] },
  { code: 'VERIFY_FAILED', args: ['verify', scratch.dir] },
];

beforeAll(async () => {
  scratch = await tempDir('strata-cli-lang-');
  home = path.join(scratch.dir, 'home');
  // An IFD whose next IFD is itself, and a text file: one corrupt, one unsupported.
  const looping = new Uint8Array(26);
  const view = new DataView(looping.buffer);
  looping.set([0x49, 0x49]);
  view.setUint16(2, 42, true);
  view.setUint32(4, 8, true);
  view.setUint16(8, 1, true);
  view.setUint16(10, 256, true);
  view.setUint16(12, 3, true);
  view.setUint32(14, 1, true);
  view.setUint16(18, 1, true);
  view.setUint32(22, 8, true);
  await writeFile(path.join(scratch.dir, 'looping.tif'), looping);
  await writeFile(path.join(scratch.dir, 'notes.txt'), 'not geodata\n');
  const dem = await copyFixture(scratch.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
  const noCrs = await copyFixture(scratch.dir, 'raster', 'no_crs.tif');
  const imported = await strata('en', 'import', dem, noCrs, '--json');
  expect(imported.code, imported.stderr).toBe(0);
  const [dataset, withoutCrs] = JSON.parse(imported.stdout) as { id: string }[];
  if (!dataset || !withoutCrs) throw new Error('import');
  demId = dataset.id;
  noCrsId = withoutCrs.id;
  const described = await strata('en', 'describe', demId, '--level', '机密', '--json');
  expect(described.code, described.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await scratch.cleanup();
});

describe('CLI errors in the --lang asked for', () => {
  it('say in English, without Han, what failed (a stored level only quoted after its name)', async () => {
    for (const failure of failures()) {
      const args = failure.args.map((a) => (a === 'NO_CRS' ? noCrsId : a));
      const run = await strata('en', ...args, '--json');
      expect(run.code, args.join(' ')).not.toBe(0);
      const { error } = JSON.parse(run.stderr.trim().split('\n').at(-1) ?? '{}') as {
        error: { code: string; message: string };
      };
      expect(error.code, args.join(' ')).toBe(failure.code);
      expect(strayHan(error.message, [scratch.dir]), error.message).toEqual([]);
      const human = await strata('en', ...args);
      expect(human.stderr).toMatch(/^strata: /m);
      expect(strayHan(human.stderr, [scratch.dir]), human.stderr).toEqual([]);
    }
  }, 120_000);

  it('say it in Chinese with --lang zh-CN', async () => {
    for (const failure of failures()) {
      const args = failure.args.map((a) => (a === 'NO_CRS' ? noCrsId : a));
      const run = await strata('zh-CN', ...args);
      expect(run.code, args.join(' ')).not.toBe(0);
      const text = run.stderr.replace(scratch.dir, '');
      expect(text, args.join(' ')).toMatch(HAN);
    }
    const corrupt = await strata('zh-CN', 'import', path.join(scratch.dir, 'looping.tif'));
    expect(corrupt.stderr).toContain('文件已损坏或无法解析：looping.tif（IFD 链成环）');
    const english = await strata('en', 'import', path.join(scratch.dir, 'looping.tif'));
    expect(english.stderr).toContain('Corrupt or unreadable file: looping.tif (IFD chain loops)');
  }, 120_000);
});

describe('CLI results in the --lang asked for', () => {
  it('reports a review and a marking in each language', async () => {
    const zh = await strata('zh-CN', 'review', demId);
    // The grid and the file name that says 5m block; the title (its stem) is a warning (ADR 0164);
    // the record names no data source (ADR 0168).
    expect(zh.stdout).toContain('审查未通过（3 项阻断）');
    expect(zh.stdout).toContain('著录数据来源: 著录缺少数据来源');
    expect(zh.stdout).toContain('DEM 格网分辨率 5 米');
    expect(zh.stdout).toContain('文件名 guilin_dem_xian80_gk40_5m.tif: 文字中注明的精度约 5 米');
    const en = await strata('en', 'review', demId);
    expect(en.stdout).toContain('BLOCKED (3 blocking)');
    expect(en.stdout).toContain('record data source: The record names no data source');
    expect(en.stdout).toContain('record title: The text states a precision of about 5 m');
    expect(strayHan(en.stdout), en.stdout).toEqual([]);
    const described = await strata('en', 'describe', demId, '--period', '长期');
    expect(described.stdout).toContain('version 3 Secret (机密) ★ long-term');
  }, 120_000);
});
