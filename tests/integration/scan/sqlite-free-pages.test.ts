import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteFreePages } from '../../../src-main/core/scan/sqlite-free-pages.js';
import { runCommand } from '../../support/gdal.js';
import { tempDir } from '../../support/samples.js';

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
let gpkg = '';

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('strata-scan-sqlite-'));
  const csv = path.join(dir, 'big.csv');
  const rows = Array.from(
    { length: 3000 },
    (_, i) => `${i},secretname${i}xxxxxxxxxxxxxxxxxxxxxxxx,"POINT (${i} 2)"`,
  );
  await writeFile(csv, ['id,name,WKT', ...rows].join('\n'));
  gpkg = path.join(dir, 'g.gpkg');
  await runCommand('ogr2ogr', [
    '-q',
    '-f',
    'GPKG',
    gpkg,
    csv,
    '-oo',
    'GEOM_POSSIBLE_NAMES=WKT',
    '-nln',
    'big',
  ]);
});
afterAll(() => cleanup());

describe('SQLite free pages (positive control, ADR 0178)', () => {
  it('passes a GeoPackage GDAL wrote fresh', async () => {
    const h = sqliteFreePages(new Uint8Array(await readFile(gpkg)).subarray(0, 100));
    expect(h).toMatchObject({ ok: true, freePages: 0 });
  });

  it('sees the free pages a DELETE without VACUUM leaves', async () => {
    await runCommand('ogrinfo', ['-q', gpkg, '-sql', 'DELETE FROM big WHERE id > 100']);
    const bytes = await readFile(gpkg);
    const h = sqliteFreePages(new Uint8Array(bytes).subarray(0, 100));
    if (!h.ok) throw new Error('unreadable header');
    expect(h.freePages).toBeGreaterThan(0);
    expect(h.firstTrunk).toBeGreaterThan(0);
  });

  it('refuses a file that is not SQLite', () => {
    expect(sqliteFreePages(new Uint8Array(100))).toEqual({ ok: false, problem: 'sqliteHeader' });
  });
});
