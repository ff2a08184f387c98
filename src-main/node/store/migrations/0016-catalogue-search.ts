import type { Migration } from './migration.js';

/**
 * Catalogue search (issue 7, ADR 0182). Record versions gain 档号, 关键词, 形成单位, 资料类别 and
 * the year of 形成时间 (null on every version written before). The 0002 indexes (unigram FTS over
 * title/abstract, extents in each dataset's own CRS) give way to derived, rebuildable ones keyed by
 * `datasets.pk` (filled by 0019's rebuild): one entry per dataset with its facets and sort keys, a contentless FTS5 index of
 * every text field of the latest record in CJK bigrams, and an R*Tree of lon/lat extents.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'catalogue-search',
  sql: `
ALTER TABLE record_versions ADD COLUMN archive_number TEXT;
ALTER TABLE record_versions ADD COLUMN keywords TEXT
  CHECK (keywords IS NULL OR (json_valid(keywords) AND json_type(keywords) = 'array'));
ALTER TABLE record_versions ADD COLUMN unit TEXT;
ALTER TABLE record_versions ADD COLUMN category TEXT;
ALTER TABLE record_versions ADD COLUMN year INTEGER CHECK (year IS NULL OR year BETWEEN 1 AND 9999);

DROP TABLE record_text;
DROP TABLE dataset_extents;

CREATE TABLE catalogue_entries (
  pk         INTEGER PRIMARY KEY REFERENCES datasets (pk),
  standing   TEXT    NOT NULL CHECK (standing IN ('active', 'withdrawn', 'archived')),
  status     TEXT    NOT NULL,
  level      TEXT    NOT NULL,
  year       INTEGER,
  unit       TEXT,
  category   TEXT,
  title      TEXT    NOT NULL,
  created_at TEXT    NOT NULL,
  -- The lon/lat box again (also in the R*Tree), so a text query filters by area without a probe per hit.
  min_lon    REAL,
  min_lat    REAL,
  max_lon    REAL,
  max_lat    REAL
) STRICT;
CREATE INDEX catalogue_entries_title ON catalogue_entries (standing, title, pk);
CREATE INDEX catalogue_entries_date ON catalogue_entries (standing, created_at, pk);
CREATE VIRTUAL TABLE catalogue_text USING fts5 (
  title, abstract, other,
  content = '', contentless_delete = 1, prefix = '1',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE catalogue_extents USING rtree (pk, min_lon, max_lon, min_lat, max_lat);

-- How many active records hold each facet value, kept by triggers: the unfiltered catalogue (the
-- view as it opens) reads its facets here instead of counting a million entries.
CREATE TABLE catalogue_facet_counts (
  facet TEXT    NOT NULL,
  value TEXT    NOT NULL,
  n     INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (facet, value)
) STRICT, WITHOUT ROWID;
${['level', 'status', 'year', 'unit', 'category']
  .map(
    (f) => `
CREATE TRIGGER catalogue_count_${f}_in AFTER INSERT ON catalogue_entries
WHEN NEW.standing = 'active' AND NEW.${f} IS NOT NULL
BEGIN
  INSERT INTO catalogue_facet_counts (facet, value, n) VALUES ('${f}', CAST(NEW.${f} AS TEXT), 1)
    ON CONFLICT (facet, value) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalogue_count_${f}_out AFTER DELETE ON catalogue_entries
WHEN OLD.standing = 'active' AND OLD.${f} IS NOT NULL
BEGIN
  UPDATE catalogue_facet_counts SET n = n - 1 WHERE facet = '${f}' AND value = CAST(OLD.${f} AS TEXT);
END;
CREATE TRIGGER catalogue_count_${f}_change AFTER UPDATE OF standing, ${f} ON catalogue_entries
BEGIN
  UPDATE catalogue_facet_counts SET n = n - 1
   WHERE OLD.standing = 'active' AND facet = '${f}' AND value = CAST(OLD.${f} AS TEXT);
  INSERT INTO catalogue_facet_counts (facet, value, n)
  SELECT '${f}', CAST(NEW.${f} AS TEXT), 1 WHERE NEW.standing = 'active' AND NEW.${f} IS NOT NULL
    ON CONFLICT (facet, value) DO UPDATE SET n = n + 1;
END;`,
  )
  .join('')}
`,
  // Filled by 0019, which gives the text index its final shape and rebuilds every entry.
};
