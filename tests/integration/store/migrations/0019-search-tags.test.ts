import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../../src-main/node/store/catalogue.js';
import { migrate } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { idOf, insertVersion1Raster, searchIds, withTempDir } from '../fixtures.js';

describe('migration 0019-search-tags', () => {
  it('rebuilds the text index of an existing catalogue with its tags column, active records only', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      const conn = await SqliteConnection.open(file);
      try {
        await migrate(conn, 18);
        for (const n of [1, 2]) {
          await insertVersion1Raster(conn, n);
          await conn.run(
            `INSERT INTO record_versions (dataset_id, version, title, abstract, level, period, author, created_at,
               unit, category, year)
             VALUES (?, 1, ?, '', '秘密', '', 'li.na', '2024-06-01T00:00:00.000Z', '湖南院', '矿产勘查', 1987)`,
            [idOf(n), `湘南钨矿${String(n)}`],
          );
        }
        await conn.run(
          `INSERT INTO dataset_standing (dataset_id, standing, reason, changed_by, changed_at)
           VALUES (?, 'withdrawn', '重复', 'li.na', '2024-06-03T00:00:00.000Z')`,
          [idOf(2)],
        );
        // The index as 0016 shaped it, with a stale row.
        await conn.run(
          "INSERT INTO catalogue_text (rowid, title, abstract, other) VALUES (1, 'stale', '', '')",
        );
        expect(await migrate(conn, 19)).toBe(19);
        const columns = await conn.all<{ name: string }>('PRAGMA table_info(catalogue_text)');
        expect(columns.map((c) => c.name)).toEqual(['title', 'abstract', 'other', 'tags']);
        expect(await conn.all('SELECT rowid FROM catalogue_text')).toEqual([{ rowid: 1 }]);
        expect(await conn.all('SELECT pk, standing FROM catalogue_entries ORDER BY pk')).toEqual([
          { pk: 1, standing: 'active' },
          { pk: 2, standing: 'withdrawn' },
        ]);
      } finally {
        await conn.close();
      }
      const store = await openCatalogue(file);
      try {
        expect(await searchIds(store, 'stale')).toEqual([]);
        expect(await searchIds(store, '钨矿')).toEqual([idOf(1)]);
        expect(await searchIds(store, '', { facets: { unit: ['湖南院'], year: ['1987'] } })).toEqual([
          idOf(1),
        ]);
        expect(await searchIds(store, '', { facets: { category: ['水文地质'] } })).toEqual([]);
        // The DEM's box is 107.5..108.7 E, 22.5..23.4 N.
        expect(await searchIds(store, '湘南', { bbox: [108, 23, 109, 24] })).toEqual([idOf(1)]);
        expect(await searchIds(store, '湘南', { bbox: [110, 23, 111, 24] })).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });
});
