import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deletedDbfRecords } from '../../../src-main/core/scan/dbf-deleted.js';
import { runCommand } from '../../support/gdal.js';
import { tempDir } from '../../support/samples.js';

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
let dbf = '';

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('strata-scan-dbf-'));
  const csv = path.join(dir, 'p.csv');
  await writeFile(csv, 'id,name,WKT\n1,alpha,"POINT (1 2)"\n2,ZK0417secret,"POINT (3 4)"\n');
  await runCommand('ogr2ogr', [
    '-q',
    '-f',
    'ESRI Shapefile',
    path.join(dir, 'p.shp'),
    csv,
    '-oo',
    'GEOM_POSSIBLE_NAMES=WKT',
  ]);
  dbf = path.join(dir, 'p.dbf');
});
afterAll(() => cleanup());

describe('DBF deleted records (positive control, ADR 0178)', () => {
  it('passes a DBF that GDAL wrote with no deleted records', async () => {
    expect(deletedDbfRecords(new Uint8Array(await readFile(dbf)))).toEqual({ ok: true, deleted: [] });
  });

  it('finds a record flagged deleted whose text is still in the file', async () => {
    const bytes = new Uint8Array(await readFile(dbf));
    const clean = deletedDbfRecords(bytes);
    if (!clean.ok) throw new Error('GDAL wrote an unreadable DBF');
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const second = view.getUint16(8, true) + view.getUint16(10, true);
    bytes[second] = 0x2a; // the safeguard turned off: delete without repack
    expect(deletedDbfRecords(bytes)).toEqual({ ok: true, deleted: [{ record: 1, offset: second }] });
    expect(Buffer.from(bytes).includes('ZK0417secret')).toBe(true);
  });

  it('refuses a DBF whose header does not fit the file', () => {
    expect(deletedDbfRecords(new Uint8Array(40).fill(0xff))).toEqual({ ok: false, problem: 'dbfLayout' });
  });
});
