import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../../src-main/node/store/catalogue.js';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { idOf, insertVersion1Raster, rasterRow, withTempDir } from '../fixtures.js';

const RECORD = { title: '钻孔', abstract: '', level: '内部', period: '', attribution: '' } as const;

describe('migration 0005-open-options', () => {
  it('keeps a version-4 catalogue unchanged, checks the column, and stores options with a dataset', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      const conn = await SqliteConnection.open(file);
      try {
        await migrate(conn, 4);
        await insertVersion1Raster(conn, 1);
        const before = await conn.all<Record<string, unknown>>('SELECT * FROM datasets');
        expect(await migrate(conn, 5)).toBe(5);
        expect(await schemaVersion(conn)).toBe(5);
        expect(await conn.all('SELECT * FROM datasets')).toEqual(
          before.map((r) => ({ ...r, open_options: null })),
        );
        await expect(conn.run("UPDATE datasets SET open_options = '[1]'")).rejects.toThrow(/CHECK/);
      } finally {
        await conn.close();
      }
      const store = await openCatalogue(file);
      try {
        expect((await store.getDataset(idOf(1)))?.openOptions).toBeUndefined();
        const options = { x: '东坐标', y: '北坐标', crs: 'EPSG:4547' };
        await store.write((tx) => tx.insertDataset(rasterRow(2, { openOptions: options }), RECORD));
        expect((await store.getDataset(idOf(2)))?.openOptions).toEqual(options);
      } finally {
        await store.close();
      }
    });
  });
});
