import type { Standing } from '../../core/catalogue/standing.js';
import { lonLatBox } from '../../core/crs/index.js';
import type { DatasetInfo } from '../../core/model/index.js';
import type { DatasetStatus, RecordFieldsRow } from '../../core/ports/index.js';
import { recordVersionFromDb, type RecordVersionDbRow } from './rows.js';
import { searchIndexText } from './search-text.js';
import type { SqliteConnection } from './sqlite.js';

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

/** Every text field of the record beside 题名 and 摘要, and the file's own name, as one FTS column. */
function otherText(s: SearchSource): string {
  const r = s.record;
  return [r.archiveNumber, ...(r.keywords ?? []), r.unit, r.category, r.attribution, s.name, s.layer]
    .filter((t): t is string => typeof t === 'string' && t.length > 0)
    .join(' ');
}

/** Writes (or replaces) the entry, text and lon/lat extent of dataset `pk`. */
export async function writeSearchEntry(conn: SqliteConnection, pk: number, s: SearchSource): Promise<void> {
  const r = s.record;
  const box = lonLatBox(s.info.extent, s.info.crs);
  // Delete, then insert (not INSERT OR REPLACE, whose implicit delete fires no trigger): the facet
  // counts follow.
  await conn.run('DELETE FROM catalogue_entries WHERE pk = ?', [pk]);
  await conn.run(
    `INSERT INTO catalogue_entries (pk, standing, status, level, year, unit, category, title, created_at,
       min_lon, min_lat, max_lon, max_lat)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      pk,
      s.standing,
      s.status,
      r.level,
      r.year ?? null,
      r.unit || null,
      r.category || null,
      r.title,
      s.createdAt,
      box?.[0] ?? null,
      box?.[1] ?? null,
      box?.[2] ?? null,
      box?.[3] ?? null,
    ],
  );
  await conn.run('DELETE FROM catalogue_text WHERE rowid = ?', [pk]);
  await conn.run('INSERT INTO catalogue_text (rowid, title, abstract, other) VALUES (?, ?, ?, ?)', [
    pk,
    searchIndexText(r.title),
    searchIndexText(r.abstract),
    searchIndexText(otherText(s)),
  ]);
  await conn.run('DELETE FROM catalogue_extents WHERE pk = ?', [pk]);
  if (box) {
    await conn.run(
      'INSERT INTO catalogue_extents (pk, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)',
      [pk, box[0], box[2], box[1], box[3]],
    );
  }
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

function sourceFromDb(row: SourceDbRow): SearchSource {
  return {
    name: row.name,
    layer: row.layer,
    info: JSON.parse(row.info) as DatasetInfo,
    status: row.status as DatasetStatus,
    createdAt: row.dataset_created_at,
    standing: (row.standing ?? 'active') as Standing,
    record: recordVersionFromDb(row).fields,
  };
}

/** Rebuilds dataset `pk`'s entry from the core tables, as the current transaction sees them. */
export async function reindex(conn: SqliteConnection, pk: number): Promise<void> {
  const row = await conn.get<SourceDbRow>(`${SOURCE_SQL} WHERE d.pk = ?`, [pk]);
  if (row) await writeSearchEntry(conn, pk, sourceFromDb(row));
}

/** Rebuilds every entry (the indexes are derived: a migration or a repair fills them from the tables). */
export async function reindexAll(conn: SqliteConnection): Promise<void> {
  const rows = await conn.all<SourceDbRow>(`${SOURCE_SQL} ORDER BY d.pk`);
  for (const row of rows) await writeSearchEntry(conn, row.pk, sourceFromDb(row));
}
