import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../../src-main/node/store/catalogue.js';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { idOf, rasterRow, searchIds, withTempDir } from '../fixtures.js';

/** Writes a dataset and two record versions with the version-1 schema, as Strata 0001 did. */
async function seedVersion1(conn: SqliteConnection): Promise<void> {
  const row = rasterRow(1);
  await conn.run(
    `INSERT INTO datasets (id, name, kind, format, info, sha256, byte_size, files, display_key, display_content_type,
       value_min, value_max, source_id, status, created_at, created_by)
     VALUES (?, ?, 'raster', 'GeoTIFF', ?, ?, ?, ?, ?, 'image/tiff', 68, 1432, NULL, 'draft', ?, ?)`,
    [
      row.id,
      row.name,
      JSON.stringify(row.info),
      row.sha256,
      row.byteSize,
      JSON.stringify(row.files),
      row.displayKey,
      row.createdAt,
      row.createdBy,
    ],
  );
  await conn.run(
    "INSERT INTO record_versions VALUES (?, 1, '广西数字高程模型', '旧摘要', '内部', '', 'zhang.wei', 't1')",
    [row.id],
  );
  await conn.run(
    "INSERT INTO record_versions VALUES (?, 2, '桂林岩溶区高程', '1:5万 地形图 DEM', '秘密', '10年', 'li.na', 't2')",
    [row.id],
  );
}

describe('migration 0002-search-indexes', () => {
  it('migrating a version-1 catalogue with data keeps every row and indexes it (extent and latest record text)', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      const conn = await SqliteConnection.open(file);
      try {
        await migrate(conn, 1);
        await seedVersion1(conn);
        const before = await conn.all('SELECT * FROM datasets');
        const versionsBefore = await conn.all('SELECT * FROM record_versions ORDER BY version');

        expect(await migrate(conn, 2)).toBe(2);
        expect(await schemaVersion(conn)).toBe(2);
        expect(await conn.all('SELECT * FROM datasets')).toEqual(before);
        expect(await conn.all('SELECT * FROM record_versions ORDER BY version')).toEqual(versionsBefore);

        // R*Tree: the DEM's box (107.5..108.7 E, 22.5..23.4 N) is found by an overlapping window, not by a disjoint one.
        const hits = (
          minX: number,
          minY: number,
          maxX: number,
          maxY: number,
        ): Promise<{ pk: number; crs: string }[]> =>
          conn.all(
            'SELECT pk, crs FROM dataset_extents WHERE max_x >= ? AND min_x <= ? AND max_y >= ? AND min_y <= ?',
            [minX, maxX, minY, maxY],
          );
        expect(await hits(108, 23, 109, 24)).toEqual([{ pk: 1, crs: 'EPSG:4490' }]);
        expect(await hits(110, 23, 111, 24)).toEqual([]);

        // FTS: only the latest version's text is indexed, split so a one-character query matches.
        const fts = await conn.all<{ rowid: number }>(
          'SELECT rowid FROM record_text WHERE record_text MATCH \'"桂"\'',
        );
        expect(fts).toEqual([{ rowid: 1 }]);
        expect(await conn.all('SELECT rowid FROM record_text WHERE record_text MATCH \'"广 西"\'')).toEqual(
          [],
        );
      } finally {
        await conn.close();
      }
      const store = await openCatalogue(file);
      try {
        expect((await store.getDataset(idOf(1)))?.valueRange).toEqual([68, 1432]);
        expect(await searchIds(store, '岩溶')).toEqual([idOf(1)]);
        expect(await searchIds(store, 'DEM')).toEqual([idOf(1)]);
      } finally {
        await store.close();
      }
    });
  });
});
