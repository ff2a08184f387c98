import { copyFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../support/gdal.js';
import { tempDir } from '../../support/samples.js';
import { CLI, requireBuiltCli } from '../../support/cli.js';
import { SqliteConnection } from '../../../src-main/node/store/sqlite.js';

let scratch: { dir: string; cleanup: () => Promise<void> };

const strataIn =
  (home: string) =>
  (...args: string[]) =>
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

const errorOf = (stderr: string): { code: string; params: Record<string, unknown> } =>
  (
    JSON.parse(stderr.trim().split('\n').at(-1) ?? '{}') as {
      error: { code: string; params: Record<string, unknown> };
    }
  ).error;

beforeAll(async () => {
  requireBuiltCli();
  scratch = await tempDir('strata-cli-backup-');
});
afterAll(async () => {
  await scratch.cleanup();
});

describe('strata backup FILE / strata restore FILE (ADR 0185)', () => {
  it('backs up online, refuses what is not this workstation’s catalogue untouched, and restores a rolled-back home', async () => {
    const home = path.join(scratch.dir, 'home');
    const strata = strataIn(home);
    const file = (name: string) => path.join(scratch.dir, name);
    await writeFile(file('a.geojson'), points('甲'));
    await writeFile(file('b.geojson'), points('乙'));
    expect((await strata('import', file('a.geojson'))).code).toBe(0);
    const backedUp = await strata('--json', 'backup', file('backup.sqlite'));
    expect(backedUp.code).toBe(0);
    expect(JSON.parse(backedUp.stdout)).toMatchObject({ file: file('backup.sqlite'), auditSeq: 2 });
    expect((await strata('import', file('b.geojson'))).code).toBe(0);

    // Not a catalogue, another application's SQLite, another workstation's backup: refused.
    await writeFile(
      file('notes.txt'),
      'not a database at all, just some text that is long enough to fill a header',
    );
    const foreign = await SqliteConnection.open(file('foreign.sqlite'));
    await foreign.exec('CREATE TABLE t (x); PRAGMA application_id = 42;');
    await foreign.close();
    const other = strataIn(path.join(scratch.dir, 'other'));
    expect((await other('import', file('a.geojson'))).code).toBe(0);
    expect((await other('backup', file('other.sqlite'))).code).toBe(0);
    for (const [name, problem] of [
      ['notes.txt', 'problem.notSqlite'],
      ['foreign.sqlite', 'problem.foreignCatalogue'],
      ['other.sqlite', 'problem.restoreChain'],
    ] as const) {
      const refused = await strata('--json', 'restore', file(name));
      expect(refused.code, name).not.toBe(0);
      expect(errorOf(refused.stderr), name).toMatchObject({ code: 'CORRUPT_FILE', params: { problem } });
    }
    const listed = JSON.parse((await strata('--json', 'list')).stdout) as unknown[];
    expect(listed).toHaveLength(2);
    expect(JSON.parse((await strata('--json', 'audit', 'verify')).stdout)).toMatchObject({
      ok: true,
      entries: 3,
    });

    // Rolled back behind its head: read-only, until the administrator restores the backup.
    const older = file('older.sqlite');
    await copyFile(file('backup.sqlite'), older);
    await rm(`${path.join(home, 'catalogue.sqlite')}-wal`, { force: true });
    await rm(`${path.join(home, 'catalogue.sqlite')}-shm`, { force: true });
    await copyFile(older, path.join(home, 'catalogue.sqlite'));
    expect(JSON.parse((await strata('--json', 'audit', 'verify')).stdout)).toMatchObject({
      ok: false,
      problem: 'anchor',
    });
    expect(errorOf((await strata('--json', 'import', file('b.geojson'))).stderr).code).toBe('READ_ONLY');

    const restored = await strata('--json', 'restore', file('backup.sqlite'));
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse((await strata('--json', 'audit', 'verify')).stdout)).toMatchObject({
      ok: true,
      entries: 2,
      problem: null,
    });
    const audit = JSON.parse((await strata('--json', 'audit', 'list')).stdout) as {
      action: string;
      details: unknown;
    }[];
    expect(audit[0]).toMatchObject({
      action: 'catalogue.restore',
      details: { file: 'backup.sqlite', actingRole: 'admin' },
    });
    expect((await strata('import', file('b.geojson'))).code).toBe(0);
    expect(JSON.parse((await strata('--json', 'list')).stdout)).toHaveLength(2);
  });
});
