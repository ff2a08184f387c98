import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../../src-main/node/store/catalogue.js';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { idOf, insertVersion1Raster, searchIds, withTempDir } from '../fixtures.js';

describe('migration 0016-catalogue-search', () => {
  it('indexes the latest record of every dataset from the tables, leaves withdrawn ones out of search, and keeps the new fields', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      const conn = await SqliteConnection.open(file);
      try {
        await migrate(conn, 15);
        for (const n of [1, 2]) {
          await insertVersion1Raster(conn, n);
          await conn.run(
            `INSERT INTO record_versions (dataset_id, version, title, abstract, level, period, author, created_at)
             VALUES (?, 1, ?, '', '内部', '', 'li.na', '2024-06-01T00:00:00.000Z'),
                    (?, 2, ?, '钨矿 普查', '秘密', '10年', 'li.na', '2024-06-02T00:00:00.000Z')`,
            [idOf(n), `初稿${String(n)}`, idOf(n), `湘南钨矿${String(n)}`],
          );
        }
        await conn.run(
          `INSERT INTO dataset_standing (dataset_id, standing, reason, changed_by, changed_at)
           VALUES (?, 'withdrawn', '重复', 'li.na', '2024-06-03T00:00:00.000Z')`,
          [idOf(2)],
        );
        const before = await conn.all<Record<string, unknown>>(
          'SELECT * FROM record_versions ORDER BY rowid',
        );
        expect(await migrate(conn, 16)).toBe(16);
        expect(await schemaVersion(conn)).toBe(16);
        expect(await conn.all('SELECT * FROM record_versions ORDER BY rowid')).toEqual(
          before.map((r) => ({
            ...r,
            archive_number: null,
            keywords: null,
            unit: null,
            category: null,
            year: null,
          })),
        );
        expect(
          await conn.all("SELECT name FROM sqlite_schema WHERE name IN ('record_text', 'dataset_extents')"),
        ).toEqual([]);
        // The entries are filled by 0019's rebuild (the text index's final shape).
        expect(await conn.all('SELECT pk FROM catalogue_entries')).toEqual([]);
        expect(await migrate(conn, 19)).toBe(19);
        expect(
          await conn.all('SELECT pk, standing, level, title FROM catalogue_entries ORDER BY pk'),
        ).toEqual([
          { pk: 1, standing: 'active', level: '秘密', title: '湘南钨矿1' },
          { pk: 2, standing: 'withdrawn', level: '秘密', title: '湘南钨矿2' },
        ]);
        await expect(conn.run("UPDATE record_versions SET unit = 'x'")).rejects.toThrow(/immutable/);
      } finally {
        await conn.close();
      }
      const store = await openCatalogue(file);
      try {
        expect(await searchIds(store, '钨矿')).toEqual([idOf(1)]);
        expect(await searchIds(store, '初稿')).toEqual([]);
        // The DEM's box (107.5..108.7 E, 22.5..23.4 N) is found by an overlapping window, not by a disjoint one.
        expect(await searchIds(store, '', { bbox: [108, 23, 109, 24] })).toEqual([idOf(1)]);
        expect(await searchIds(store, '', { bbox: [110, 23, 111, 24] })).toEqual([]);
        const fields = {
          title: '桂林幅',
          abstract: '',
          level: '秘密',
          period: '10年',
          attribution: '',
        } as const;
        const extra = {
          archiveNumber: 'DZ-1',
          keywords: ['钨'],
          unit: '湖南院',
          category: '矿产勘查',
          year: 1987,
        };
        await store.write((tx) => tx.appendRecordVersion(idOf(1), 2, { ...fields, ...extra }, 'li.na'));
        expect((await store.recordVersions(idOf(1))).at(-1)?.fields).toEqual({ ...fields, ...extra });
        expect((await store.recordVersions(idOf(1)))[0]?.fields).toEqual({
          title: '初稿1',
          abstract: '',
          level: '内部',
          period: '',
          attribution: '',
        });
      } finally {
        await store.close();
      }
    });
  });
});
