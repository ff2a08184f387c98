import type { Standing } from '../../core/catalogue/standing.js';
import { lonLatBox } from '../../core/crs/index.js';
import type { DatasetInfo } from '../../core/model/index.js';
import type { DatasetStatus, RecordFieldsRow } from '../../core/ports/index.js';
import { recordVersionFromDb, type RecordVersionDbRow } from './rows.js';
import { entryTags } from './search-tags.js';
import { searchIndexText } from './search-text.js';
import type { SqlValue, SqliteConnection } from './sqlite.js';

/** What one dataset's search entry is made of (ADR 0182): its row's facts and its latest record. */
export interface SearchSource {
  readonly name: string;
  readonly layer: string | null;
  readonly info: DatasetInfo;
  readonly status: DatasetStatus;
  readonly createdAt: string;
  readonly standing: Standing;
  readonly record: RecordFieldsRow;
}

/** Dataset `pk`'s search source. */
export interface SearchEntry {
  readonly pk: number;
  readonly source: SearchSource;
}

/** Every text field of the record beside 题名 and 摘要, and the file's own name, as one FTS column. */
function otherText(s: SearchSource): string {
  const r = s.record;
  return [r.archiveNumber, ...(r.keywords ?? []), r.unit, r.category, r.attribution, s.name, s.layer]
    .filter((t): t is string => typeof t === 'string' && t.length > 0)
    .join(' ');
}

/** Rows per multi-row statement: far below SQLite's 32,766 bound parameters at 13 columns. */
const CHUNK = 500;

/** `INSERT INTO table (cols) VALUES (…), (…)…` for `rows`, CHUNK rows per statement. */
async function insertRows(
  conn: SqliteConnection,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
): Promise<void> {
  const one = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await conn.run(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => one).join(', ')}`,
      chunk.flat(),
    );
  }
}

/**
 * Writes the entries, FTS text and lon/lat extents of `entries` in a few multi-row statements;
 * `fresh` (datasets just inserted) skips deleting what cannot exist yet. Only active records are in
 * the text index: every search is over active records, so FTS5 needs no lookup to leave others out.
 */
export async function writeSearchEntries(
  conn: SqliteConnection,
  entries: readonly SearchEntry[],
  fresh: boolean,
): Promise<void> {
  if (!fresh) {
    for (let i = 0; i < entries.length; i += CHUNK) {
      const pks = entries.slice(i, i + CHUNK).map((e) => e.pk);
      const list = pks.map(() => '?').join(', ');
      // Delete, then insert (not INSERT OR REPLACE, whose implicit delete fires no trigger): the
      // facet counts follow.
      await conn.run(`DELETE FROM catalogue_entries WHERE pk IN (${list})`, pks);
      await conn.run(`DELETE FROM catalogue_text WHERE rowid IN (${list})`, pks);
      await conn.run(`DELETE FROM catalogue_extents WHERE pk IN (${list})`, pks);
    }
  }
  const entryRows: SqlValue[][] = [];
  const textRows: SqlValue[][] = [];
  const extentRows: SqlValue[][] = [];
  for (const { pk, source: s } of entries) {
    const r = s.record;
    const box = lonLatBox(s.info.extent, s.info.crs);
    const facets = {
      level: r.level,
      status: s.status,
      year: r.year ?? null,
      unit: r.unit || null,
      category: r.category || null,
    };
    entryRows.push([
      pk,
      s.standing,
      facets.status,
      facets.level,
      facets.year,
      facets.unit,
      facets.category,
      r.title,
      s.createdAt,
      box?.[0] ?? null,
      box?.[1] ?? null,
      box?.[2] ?? null,
      box?.[3] ?? null,
    ]);
    if (s.standing === 'active') {
      textRows.push([
        pk,
        searchIndexText(r.title),
        searchIndexText(r.abstract),
        searchIndexText(otherText(s)),
        entryTags(facets, box),
      ]);
    }
    if (box) extentRows.push([pk, box[0], box[2], box[1], box[3]]);
  }
  await insertRows(
    conn,
    'catalogue_entries',
    [
      'pk',
      'standing',
      'status',
      'level',
      'year',
      'unit',
      'category',
      'title',
      'created_at',
      'min_lon',
      'min_lat',
      'max_lon',
      'max_lat',
    ],
    entryRows,
  );
  await insertRows(conn, 'catalogue_text', ['rowid', 'title', 'abstract', 'other', 'tags'], textRows);
  await insertRows(conn, 'catalogue_extents', ['pk', 'min_lon', 'max_lon', 'min_lat', 'max_lat'], extentRows);
}

interface SourceDbRow extends RecordVersionDbRow {
  pk: number;
  name: string;
  layer: string | null;
  info: string;
  status: string;
  standing: string | null;
  dataset_created_at: string;
}

const SOURCE_SQL = `
SELECT d.pk, d.name, d.layer, d.info, d.status, d.created_at AS dataset_created_at,
       (SELECT s.standing FROM dataset_standing s WHERE s.dataset_id = d.id ORDER BY s.pk DESC LIMIT 1) AS standing,
       r.*
  FROM datasets d
  JOIN record_versions r ON r.dataset_id = d.id
   AND r.version = (SELECT max(version) FROM record_versions v WHERE v.dataset_id = d.id)`;

function entryFromDb(row: SourceDbRow): SearchEntry {
  return {
    pk: row.pk,
    source: {
      name: row.name,
      layer: row.layer,
      info: JSON.parse(row.info) as DatasetInfo,
      status: row.status as DatasetStatus,
      createdAt: row.dataset_created_at,
      standing: (row.standing ?? 'active') as Standing,
      record: recordVersionFromDb(row).fields,
    },
  };
}

/** Rebuilds dataset `pk`'s entry from the core tables, as the current transaction sees them. */
export async function reindex(conn: SqliteConnection, pk: number): Promise<void> {
  const row = await conn.get<SourceDbRow>(`${SOURCE_SQL} WHERE d.pk = ?`, [pk]);
  if (row) await writeSearchEntries(conn, [entryFromDb(row)], false);
}

/** Datasets read per step of a full rebuild. */
const REINDEX_STEP = 5_000;

/** Rebuilds every entry (the indexes are derived: a migration or a repair fills them from the tables). */
export async function reindexAll(conn: SqliteConnection): Promise<void> {
  for (let after = 0; ;) {
    const rows = await conn.all<SourceDbRow>(`${SOURCE_SQL} WHERE d.pk > ? ORDER BY d.pk LIMIT ?`, [
      after,
      REINDEX_STEP,
    ]);
    if (rows.length === 0) return;
    await writeSearchEntries(conn, rows.map(entryFromDb), false);
    after = rows.at(-1)?.pk ?? after;
  }
}
