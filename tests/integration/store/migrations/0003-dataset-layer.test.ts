import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../../src-main/node/store/catalogue.js';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { idOf, insertVersion1Raster, rasterRow, withTempDir } from '../fixtures.js';

describe('migration 0003-dataset-layer', () => {
  it('keeps every dataset of a version-2 catalogue, as a single-layer one, and refuses an empty layer name', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      const conn = await SqliteConnection.open(file);
      try {
        await migrate(conn, 2);
        const row = await insertVersion1Raster(conn, 1);
        await conn.run(
          "INSERT INTO record_versions VALUES (?, 1, '旧标题', '', '内部', '', 'zhang.wei', 't1')",
          [row.id],
        );
        const before = await conn.all('SELECT * FROM datasets');

        expect(await migrate(conn, 3)).toBe(3);
        expect(await schemaVersion(conn)).toBe(3);
        expect(await conn.all('SELECT * FROM datasets')).toEqual(
          before.map((r) => ({ ...(r as Record<string, unknown>), layer: null })),
        );
        await expect(conn.run("UPDATE datasets SET layer = '' WHERE id = ?", [row.id])).rejects.toThrow(
          /CHECK constraint/,
        );
      } finally {
        await conn.close();
      }
      const store = await openCatalogue(file);
      try {
        expect((await store.getDataset(idOf(1)))?.layer).toBeNull();
        await store.write((tx) =>
          tx.insertDataset(rasterRow(2, { layer: '钻孔' }), {
            title: '钻孔',
            abstract: '',
            level: '内部',
            period: '',
            attribution: '',
          }),
        );
        expect((await store.getDataset(idOf(2)))?.layer).toBe('钻孔');
      } finally {
        await store.close();
      }
    });
  });
});
