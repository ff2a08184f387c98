import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../../src-main/node/store/catalogue.js';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { firstRecord, idOf, insertVersion1Raster, rasterRow, withTempDir } from '../fixtures.js';

describe('migration 0011-dataset-content-index', () => {
  it('indexes datasets by content and layer, keeping every row; the look-up by SHA-256 uses it', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      const conn = await SqliteConnection.open(file);
      try {
        await migrate(conn, 10);
        const row = await insertVersion1Raster(conn, 1);
        const before = await conn.all('SELECT * FROM datasets');
        expect(await migrate(conn, 11)).toBe(11);
        expect(await schemaVersion(conn)).toBe(11);
        expect(await conn.all('SELECT * FROM datasets')).toEqual(before);
        const plan = await conn.all<{ detail: string }>(
          'EXPLAIN QUERY PLAN SELECT id FROM datasets WHERE sha256 = ? ORDER BY pk',
          [row.sha256],
        );
        expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX datasets_content/);
      } finally {
        await conn.close();
      }
      const store = await openCatalogue(file);
      try {
        const sha = rasterRow(1).sha256;
        await store.write((tx) =>
          tx.insertDataset(rasterRow(2, { sha256: sha, layer: '钻孔' }), firstRecord('钻孔')),
        );
        await store.write((tx) => tx.insertDataset(rasterRow(3), firstRecord('另一文件')));
        const same = await store.datasetsWithContent(sha);
        expect(same.map((d) => [d.id, d.layer])).toEqual([
          [idOf(1), null],
          [idOf(2), '钻孔'],
        ]);
        expect(await store.datasetsWithContent('f'.repeat(64))).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });
});
