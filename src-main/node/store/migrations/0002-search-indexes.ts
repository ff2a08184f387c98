import { ftsIndexText } from '../fts-text.js';
import type { SqliteConnection } from '../sqlite.js';
import type { Migration } from './migration.js';

/**
 * Derived indexes, rebuildable from the core tables: the R*Tree of dataset extents and the FTS5
 * index over each dataset's latest record title/abstract. Both are keyed by `datasets.pk`.
 * Extents are in the dataset's own CRS for now (`crs` auxiliary column, null if unknown).
 */
export const migration0002: Migration = {
  version: 2,
  name: 'search-indexes',
  sql: `
CREATE VIRTUAL TABLE dataset_extents USING rtree (
  pk, min_x, max_x, min_y, max_y,
  +crs
);
CREATE VIRTUAL TABLE record_text USING fts5 (
  title, abstract,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO dataset_extents (pk, min_x, max_x, min_y, max_y, crs)
SELECT pk,
       json_extract(info, '$.extent[0]'), json_extract(info, '$.extent[2]'),
       json_extract(info, '$.extent[1]'), json_extract(info, '$.extent[3]'),
       json_extract(info, '$.crs.code')
FROM datasets
WHERE json_type(info, '$.extent') = 'array'
  AND json_extract(info, '$.extent[0]') <= json_extract(info, '$.extent[2]')
  AND json_extract(info, '$.extent[1]') <= json_extract(info, '$.extent[3]');
`,
  backfill: async (conn: SqliteConnection) => {
    const latest = await conn.all<{ pk: number; title: string; abstract: string }>(
      `SELECT d.pk, r.title, r.abstract
         FROM datasets d
         JOIN record_versions r ON r.dataset_id = d.id
        WHERE r.version = (SELECT max(version) FROM record_versions WHERE dataset_id = d.id)`,
    );
    for (const row of latest) {
      await conn.run('INSERT INTO record_text (rowid, title, abstract) VALUES (?, ?, ?)', [
        row.pk,
        ftsIndexText(row.title),
        ftsIndexText(row.abstract),
      ]);
    }
  },
};
