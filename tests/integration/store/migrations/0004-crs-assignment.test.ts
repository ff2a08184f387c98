import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from '../../../../src-main/core/crs/index.js';
import { openCatalogue } from '../../../../src-main/node/store/catalogue.js';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { firstRecord, idOf, insertVersion1Raster, rasterRow, withTempDir } from '../fixtures.js';

describe('migration 0004-crs-assignment', () => {
  it('adds the assignment column to a version-3 catalogue with data, changing no row', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      const conn = await SqliteConnection.open(file);
      try {
        await migrate(conn, 3);
        await insertVersion1Raster(conn, 1);
        const before = await conn.all('SELECT * FROM datasets');
        expect(await migrate(conn, 4)).toBe(4);
        expect(await schemaVersion(conn)).toBe(4);
        const after = await conn.all<Record<string, unknown>>('SELECT * FROM datasets');
        expect(after.map(({ crs_assignment: assignment, ...rest }) => ({ assignment, rest }))).toEqual(
          before.map((rest) => ({ assignment: null, rest })),
        );
        await expect(conn.run('UPDATE datasets SET crs_assignment = \'{"by":1}\'')).rejects.toThrow(/CHECK/);
        await expect(conn.run("UPDATE datasets SET crs_assignment = 'not json'")).rejects.toThrow();
      } finally {
        await conn.close();
      }
    });
  });

  it('records an assignment: info.crs, the extent index and the assignment, read back by the store', async () => {
    await withTempDir(async (dir) => {
      const store = await openCatalogue(path.join(dir, 'c.sqlite'));
      try {
        const row = rasterRow(2, { info: { ...rasterRow(2).info, crs: null } });
        await store.write((tx) => tx.insertDataset(row, firstRecord('无坐标系')));
        expect((await store.getDataset(idOf(2)))?.crsAssignment).toBeUndefined();
        const crs = crsFromEpsg(4490);
        if (crs === null) throw new Error('registry');
        const assignment = {
          code: 'EPSG:4490',
          previous: null,
          by: 'curator',
          at: '2026-12-02T00:00:00.000Z',
        };
        await store.write((tx) =>
          tx.assignCrs(idOf(2), crs, assignment, {
            key: 'f'.repeat(64),
            contentType: 'application/geo+json',
          }),
        );
        const read = await store.getDataset(idOf(2));
        expect(read?.info.crs).toEqual(crs);
        expect(read?.crsAssignment).toEqual(assignment);
        expect(read?.displayKey).toBe('f'.repeat(64));
        expect(read?.info.extent).toEqual(row.info.extent);
        await expect(store.write((tx) => tx.assignCrs(idOf(9), crs, assignment, null))).rejects.toMatchObject(
          { code: 'NOT_FOUND' },
        );
      } finally {
        await store.close();
      }
    });
  });
});
