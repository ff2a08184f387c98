import { crsFromEpsg, crsFromWkt } from '../../crs/index.js';
import type {
  AttributeValue,
  CrsInfo,
  FieldInfo,
  Geometry,
  VectorFeature,
  VectorInfo,
} from '../../model/index.js';
import type { ReadonlySql, SqlCell, SqlRow } from '../../ports/index.js';
import { corrupt, tooLarge } from '../format-error.js';
import { extentOf, layerGeometryType } from '../vector-summary.js';
import { readGeometryBlob } from './geometry-blob.js';

/** Rows fetched per query: a layer is paged by its integer key so no one result set is huge. */
const PAGE_ROWS = 5000;
/** Most features one layer may hold (the parse worker's memory cap is the other bound). */
export const GPKG_MAX_FEATURES = 5_000_000;
/** Longest table or column name accepted; SQLite allows more, nothing real needs it. */
const MAX_NAME_CHARS = 1024;

/** One table named in gpkg_contents that is a real table of the file. */
export interface ContentsEntry {
  readonly table: string;
  readonly dataType: string;
  readonly srsId: number | null;
}

/** A tile table named in gpkg_contents, with the bounds gpkg_contents gives it (null when unset). */
export interface TilesEntry {
  readonly table: string;
  readonly srsId: number | null;
  readonly bounds: readonly [number, number, number, number] | null;
}

/**
 * What the layer list yields: the vector tables, the tile tables (read as rasters), the gridded
 * coverages we leave out, and which names are real tables of the file.
 */
export interface GpkgContents {
  readonly vectors: readonly ContentsEntry[];
  readonly tiles: readonly TilesEntry[];
  readonly coverages: readonly string[];
  readonly isTable: (name: string) => boolean;
}

/** A double-quoted SQL identifier: the only way a name from the file enters a statement. */
export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const text = (v: SqlCell | undefined): string | null => (typeof v === 'string' ? v : null);
const int = (v: SqlCell | undefined): number | null =>
  typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'bigint' ? Number(v) : null;

/** A name from the file, shortened for a message (names are structure, but may be absurdly long). */
const shown = (name: string): string => (name.length > 80 ? `${name.slice(0, 80)}…` : name);

const asciiLower = (name: string): string => name.replace(/[A-Z]/g, (c) => c.toLowerCase());

function checkName(name: string): void {
  if (name.length === 0 || name.length > MAX_NAME_CHARS || name.includes('\0'))
    throw corrupt('gpkgTableName', { layer: shown(name) });
}

/**
 * The layers gpkg_contents lists. Only names that are real tables in sqlite_master are read — a
 * view (which would run the file's own SQL) or a missing table named as a layer refuses the file.
 */
export async function readContents(db: ReadonlySql): Promise<GpkgContents> {
  // A virtual table runs its module's code on every read: only plain tables count as tables.
  // SQLite matches identifiers without regard to ASCII case, and so does this set.
  const tables = new Set(
    (await db.all("SELECT name, sql FROM sqlite_master WHERE type = 'table'")).flatMap((r) =>
      /^\s*CREATE\s+VIRTUAL\b/i.test(text(r['sql']) ?? '') ? [] : [asciiLower(text(r['name']) ?? '')],
    ),
  );
  const isTable = (name: string): boolean => tables.has(asciiLower(name));
  for (const required of ['gpkg_contents', 'gpkg_spatial_ref_sys'])
    if (!isTable(required)) throw corrupt('gpkgNoContents', { table: required });
  const rows = await db.all(
    'SELECT table_name, data_type, srs_id, min_x, min_y, max_x, max_y FROM gpkg_contents ORDER BY rowid',
  );
  const vectors: ContentsEntry[] = [];
  const tiles: TilesEntry[] = [];
  const coverages: string[] = [];
  for (const row of rows) {
    const table = text(row['table_name']);
    const dataType = text(row['data_type']);
    if (table === null || dataType === null) throw corrupt('gpkgContentsRow');
    checkName(table);
    if (dataType === '2d-gridded-coverage') {
      coverages.push(table);
      continue;
    }
    if (dataType !== 'features' && dataType !== 'attributes' && dataType !== 'tiles') continue;
    if (!isTable(table)) throw corrupt('gpkgLayerNotTable', { layer: shown(table) });
    if (dataType === 'tiles') {
      tiles.push({ table, srsId: int(row['srs_id']), bounds: contentsBounds(row) });
      continue;
    }
    vectors.push({ table, dataType, srsId: int(row['srs_id']) });
  }
  if (
    vectors.length > 0 &&
    !isTable('gpkg_geometry_columns') &&
    vectors.some((v) => v.dataType === 'features')
  )
    throw corrupt('gpkgNoContents', { table: 'gpkg_geometry_columns' });
  return { vectors, tiles, coverages, isTable };
}

/** gpkg_contents' min_x … max_y when all four are set, finite and ordered, as GDAL takes them; else null. */
function contentsBounds(row: SqlRow): readonly [number, number, number, number] | null {
  const values = ['min_x', 'min_y', 'max_x', 'max_y'].map((k) => row[k]);
  if (!values.every((v) => typeof v === 'number')) return null;
  const [minX = NaN, minY = NaN, maxX = NaN, maxY = NaN] = values;
  return [minX, minY, maxX, maxY].every(Number.isFinite) && minX < maxX && minY < maxY
    ? [minX, minY, maxX, maxY]
    : null;
}

/**
 * A CRS from gpkg_spatial_ref_sys: the EPSG code when the organisation is EPSG and the registry
 * knows it, else the row's WKT. srs_id 0 and -1 are the spec's "undefined" systems: null.
 */
export async function readCrs(db: ReadonlySql, srsId: number | null): Promise<CrsInfo | null> {
  if (srsId === null || srsId === 0 || srsId === -1) return null;
  const [row] = await db.all(
    'SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?',
    [srsId],
  );
  if (row === undefined) throw corrupt('gpkgSrsMissing', { srsId });
  const org = text(row['organization']);
  const code = int(row['organization_coordsys_id']);
  if (org?.toUpperCase() === 'EPSG' && code !== null) {
    const found = crsFromEpsg(code);
    if (found !== null) return found;
  }
  const wkt = text(row['definition']);
  return wkt === null || wkt.trim() === '' || wkt.trim() === 'undefined' ? null : crsFromWkt(wkt);
}

interface Column {
  readonly name: string;
  readonly declared: string;
  readonly key: boolean;
}

/** A declared SQLite / GeoPackage column type as a FieldInfo type (GeoPackage 1.3, Table 1). */
function fieldType(declared: string): FieldInfo['type'] {
  const t = declared.toUpperCase();
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'DATE' || t === 'DATETIME') return 'date';
  if (/^(TEXT|VARCHAR|CHAR|CLOB)/.test(t) || t === '') return 'string';
  if (/INT|REAL|FLOAT|DOUBLE|NUMERIC|DECIMAL/.test(t)) return 'number';
  return 'other';
}

function attribute(value: SqlCell | undefined, type: FieldInfo['type']): AttributeValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return null;
  if (type === 'boolean' && typeof value === 'number') return value !== 0;
  return value;
}

export interface GpkgLayer {
  readonly info: VectorInfo;
  readonly features: VectorFeature[];
}

/** The geometry column gpkg_geometry_columns names for a features table, checked to be a column of it. */
async function geometryColumn(
  db: ReadonlySql,
  entry: ContentsEntry,
  columns: readonly Column[],
): Promise<{ name: string; srsId: number | null } | null> {
  if (entry.dataType !== 'features') return null;
  const [row] = await db.all(
    'SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)',
    [entry.table],
  );
  const named = asciiLower(text(row?.['column_name']) ?? '');
  // The table's own spelling of the column, which is the key its rows come back under.
  const column = columns.find((c) => asciiLower(c.name) === named);
  if (row === undefined || column === undefined)
    throw corrupt('gpkgGeometryColumn', { layer: shown(entry.table) });
  return { name: column.name, srsId: int(row['srs_id']) };
}

/**
 * Reads one vector table: every row, in key order, as a feature with its attributes (the integer
 * primary key is the feature id, not an attribute, as GDAL has it). Extent comes from the
 * geometries, not from gpkg_contents, which writers do not always keep up to date.
 */
export async function readLayer(db: ReadonlySql, entry: ContentsEntry): Promise<GpkgLayer> {
  const info = await db.all('SELECT name, type, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid', [
    entry.table,
  ]);
  // A generated column evaluates the file's own expression on every read: refused, never selected.
  if (info.some((r) => int(r['hidden']) !== 0))
    throw corrupt('gpkgGeneratedColumn', { layer: shown(entry.table) });
  const columns: Column[] = info.map((r) => ({
    name: text(r['name']) ?? '',
    declared: text(r['type']) ?? '',
    key: int(r['pk']) === 1,
  }));
  for (const c of columns) checkName(c.name);
  const geometry = await geometryColumn(db, entry, columns);
  const keys = columns.filter((c) => c.key);
  const key = keys.length === 1 && keys[0]?.declared.toUpperCase() === 'INTEGER' ? keys[0] : null;
  const attributes = columns.filter((c) => c !== key && c.name !== geometry?.name);
  const fields: FieldInfo[] = attributes.map((c) => ({ name: c.name, type: fieldType(c.declared) }));
  const selected = [
    ...(key === null ? [] : [key.name]),
    ...(geometry === null ? [] : [geometry.name]),
    ...attributes.map((c) => c.name),
  ];
  const list = selected.length === 0 ? '1' : selected.map(quoteIdent).join(', ');
  const from = `FROM ${quoteIdent(entry.table)}`;

  const features: VectorFeature[] = [];
  const take = (rows: readonly SqlRow[]): void => {
    for (const row of rows) {
      const where = features.length + 1;
      if (where > GPKG_MAX_FEATURES) throw tooLarge('gpkgFeatureCount', { max: GPKG_MAX_FEATURES });
      const blob = geometry === null ? null : row[geometry.name];
      let shape: Geometry | null = null;
      if (blob instanceof Uint8Array) shape = readGeometryBlob(blob, where);
      else if (blob !== null && blob !== undefined) throw corrupt('gpkgGeometryHeader', { feature: where });
      const properties: Record<string, AttributeValue> = {};
      attributes.forEach((c, i) => {
        properties[c.name] = attribute(row[c.name], fields[i]?.type ?? 'other');
      });
      features.push({ geometry: shape, properties });
    }
  };
  if (key === null) take(await db.all(`SELECT ${list} ${from}`));
  else {
    const k = quoteIdent(key.name);
    let after = -Number.MAX_SAFE_INTEGER;
    for (;;) {
      const rows = await db.all(`SELECT ${list} ${from} WHERE ${k} > ? ORDER BY ${k} LIMIT ${PAGE_ROWS}`, [
        after,
      ]);
      take(rows);
      const last = int(rows.at(-1)?.[key.name]);
      if (rows.length < PAGE_ROWS || last === null) break;
      after = last;
    }
  }
  const crs = await readCrs(db, geometry?.srsId ?? entry.srsId);
  return {
    info: {
      kind: 'vector',
      featureCount: features.length,
      geometryType: layerGeometryType(features),
      fields,
      crs,
      extent: extentOf(features),
      encoding: 'UTF-8',
    },
    features,
  };
}
