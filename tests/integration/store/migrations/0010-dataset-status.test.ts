import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { idOf, insertVersion1Raster, withTempDir } from '../fixtures.js';

describe('migration 0010-dataset-status', () => {
  it('adds an append-only list of standing changes, each with a reason, leaving the datasets as they were', async () => {
    await withTempDir(async (dir) => {
      const conn = await SqliteConnection.open(path.join(dir, 'c.sqlite'));
      try {
        await conn.exec('PRAGMA foreign_keys = ON');
        await migrate(conn, 9);
        await insertVersion1Raster(conn, 1);
        const before = await conn.all('SELECT * FROM datasets');
        expect(await migrate(conn, 10)).toBe(10);
        expect(await schemaVersion(conn)).toBe(10);
        expect(await conn.all('SELECT * FROM datasets')).toEqual(before);
        const change = (id: string, standing: string, reason: string): Promise<unknown> =>
          conn.run(
            `INSERT INTO dataset_standing (dataset_id, standing, reason, changed_by, changed_at)
             VALUES (?, ?, ?, 'zhang.wei', '2024-06-02T00:00:00.000Z')`,
            [id, standing, reason],
          );
        await change(idOf(1), 'withdrawn', '坐标系登记错误');
        await change(idOf(1), 'active', '已更正');
        await expect(change(idOf(1), 'archived', '  ')).rejects.toThrow(/CHECK/);
        await expect(change(idOf(1), 'deleted', '删除')).rejects.toThrow(/CHECK/);
        await expect(change(idOf(2), 'withdrawn', '不存在')).rejects.toThrow(/FOREIGN KEY/);
        await expect(conn.run("UPDATE dataset_standing SET reason = 'x'")).rejects.toThrow(/append-only/);
        await expect(conn.run('DELETE FROM dataset_standing')).rejects.toThrow(/append-only/);
        expect(await conn.all('SELECT standing, reason FROM dataset_standing ORDER BY pk')).toEqual([
          { standing: 'withdrawn', reason: '坐标系登记错误' },
          { standing: 'active', reason: '已更正' },
        ]);
      } finally {
        await conn.close();
      }
    });
  });
});
