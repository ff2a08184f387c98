import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../../src-main/node/store/catalogue.js';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { idOf, insertVersion1Raster, withTempDir } from '../fixtures.js';

describe('migration 0013-record-attribution', () => {
  it('gives every record version an empty 数据来源, keeps versions immutable, and stores a given one', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      const conn = await SqliteConnection.open(file);
      try {
        await migrate(conn, 12);
        await insertVersion1Raster(conn, 1);
        await conn.run(
          `INSERT INTO record_versions (dataset_id, version, title, abstract, level, period, author, created_at)
           VALUES (?, 1, '桂林幅', '', '秘密', '10年', 'li.na', '2024-06-01T00:00:00.000Z')`,
          [idOf(1)],
        );
        const before = await conn.all<Record<string, unknown>>('SELECT * FROM record_versions');
        expect(await migrate(conn, 13)).toBe(13);
        expect(await schemaVersion(conn)).toBe(13);
        expect(await conn.all('SELECT * FROM record_versions')).toEqual(
          before.map((r) => ({ ...r, attribution: '' })),
        );
        await expect(conn.run("UPDATE record_versions SET attribution = 'x'")).rejects.toThrow(/immutable/);
      } finally {
        await conn.close();
      }
      const store = await openCatalogue(file);
      try {
        const fields = { title: '桂林幅', abstract: '', level: '秘密', period: '10年' } as const;
        await store.write((tx) =>
          tx.appendRecordVersion(idOf(1), 1, { ...fields, attribution: '广西地质调查院' }, 'li.na'),
        );
        expect((await store.recordVersions(idOf(1))).map((v) => v.fields)).toEqual([
          { ...fields, attribution: '' },
          { ...fields, attribution: '广西地质调查院' },
        ]);
      } finally {
        await store.close();
      }
    });
  });
});
