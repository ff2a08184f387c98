import { copyFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../support/gdal.js';
import { tempDir } from '../../support/samples.js';
import { CLI, requireBuiltCli } from '../../support/cli.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let home: string;

const strata = (...args: string[]) =>
  runCommand(process.execPath, [CLI, '--home', home, '--lang', 'en', ...args]);

const points = (name: string): string =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { 名称: name },
        geometry: { type: 'Point', coordinates: [110.3, 25.3] },
      },
    ],
  });

beforeAll(async () => {
  requireBuiltCli();
  scratch = await tempDir('strata-cli-audit-');
  home = path.join(scratch.dir, 'home');
});
afterAll(async () => {
  await scratch.cleanup();
});

describe('strata audit verify against the head kept outside the catalogue (ADR 0185)', () => {
  it('names the first missing entry of a catalogue rolled back to an older copy, and the workstation turns read-only', async () => {
    const first = path.join(scratch.dir, 'a.geojson');
    const second = path.join(scratch.dir, 'b.geojson');
    await writeFile(first, points('甲'));
    await writeFile(second, points('乙'));
    expect((await strata('import', first)).code).toBe(0);
    const intact = await strata('--json', 'audit', 'verify');
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({
      ok: true,
      entries: 1,
      problem: null,
      anchor: { audit: { seq: 1 } },
    });
    const older = path.join(scratch.dir, 'older.sqlite');
    await copyFile(path.join(home, 'catalogue.sqlite'), older);

    expect((await strata('import', second)).code).toBe(0);
    await rm(path.join(home, 'catalogue.sqlite-wal'), { force: true });
    await rm(path.join(home, 'catalogue.sqlite-shm'), { force: true });
    await copyFile(older, path.join(home, 'catalogue.sqlite'));

    const json = await strata('--json', 'audit', 'verify');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      problem: 'anchor',
      brokenAt: 2,
      entries: 1,
      anchor: { audit: { seq: 2 } },
    });
    const text = await strata('audit', 'verify');
    expect(text.stdout).toContain(
      'audit chain BROKEN at entry 2: the chain ends before, or differs from, the head kept outside',
    );

    const refused = await strata('--json', 'import', second);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('"code":"READ_ONLY"');
    // A refused change does not move the head: the rollback stays visible.
    expect(JSON.parse((await strata('--json', 'audit', 'verify')).stdout)).toMatchObject({
      ok: false,
      brokenAt: 2,
    });
  });
});
