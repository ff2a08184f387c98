import { reindexAll } from '../search-index.js';
import type { SqliteConnection } from '../sqlite.js';
import type { Migration } from './migration.js';

/**
 * Search tags (ADR 0182): the catalogue's FTS5 index gains a `tags` column of facet values and
 * coarse lon/lat cells, so a query's words, facets and area are intersected by the index before
 * any row is looked up, and holds active records only. The index is derived: it is dropped,
 * recreated and rebuilt from the tables with every entry.
 */
export const migration0019: Migration = {
  version: 19,
  name: 'search-tags',
  sql: `
DROP TABLE catalogue_text;
CREATE VIRTUAL TABLE catalogue_text USING fts5 (
  title, abstract, other, tags,
  content = '', contentless_delete = 1, prefix = '1',
  tokenize = 'unicode61 remove_diacritics 2'
);
`,
  backfill: (conn: SqliteConnection) => reindexAll(conn),
};
