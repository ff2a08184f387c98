import type { AttributeValue, CrsInfo, FieldInfo, GeometryType, VectorFeature } from '../../model/index.js';
import type { GeoPackageLayer } from '../../ports/vector-io.js';
import { extentOf } from '../vector-summary.js';
import { geometryBlob, geometryHasZ } from './wkb-write.js';

/** SQL statements and the feature rows that write a layer into an empty SQLite file. */
export interface GeoPackagePlan {
  readonly statements: readonly string[];
  readonly insert: string;
  readonly rows: () => Iterable<readonly (string | number | Uint8Array | null)[]>;
}

/** 'GPKG' as the SQLite application id (GeoPackage 1.3 §1.1.1.1.1), and version 1.3.0. */
export const GPKG_APPLICATION_ID = 0x47504b47;
export const GPKG_USER_VERSION = 10300;

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';

const TYPE_NAMES: Readonly<Record<GeometryType, string>> = {
  Point: 'POINT',
  MultiPoint: 'MULTIPOINT',
  LineString: 'LINESTRING',
  MultiLineString: 'MULTILINESTRING',
  Polygon: 'POLYGON',
  MultiPolygon: 'MULTIPOLYGON',
  GeometryCollection: 'GEOMETRYCOLLECTION',
  Mixed: 'GEOMETRY',
  None: 'GEOMETRY',
};

/** An SQL identifier, quoted (any name, Chinese included, enters SQL only this way). */
export const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** A name for a column of ours that no attribute field takes (case-insensitively, as SQLite compares). */
function freeName(wanted: string, fields: readonly FieldInfo[]): string {
  const taken = new Set(fields.map((f) => f.name.toLowerCase()));
  let name = wanted;
  for (let i = 1; taken.has(name.toLowerCase()); i += 1) name = `${wanted}_${String(i)}`;
  return name;
}

/** The EPSG code a CRS is registered under: its srs_id too. Refused by the caller when there is none. */
export function epsgNumber(crs: CrsInfo): number | null {
  const match = /^EPSG:(\d+)$/.exec(crs.code ?? '');
  return match ? Number(match[1]) : null;
}

const isInteger = (values: Iterable<AttributeValue>): boolean => {
  for (const v of values) if (v !== null && !(typeof v === 'number' && Number.isSafeInteger(v))) return false;
  return true;
};

function columnType(field: FieldInfo, features: readonly VectorFeature[]): string {
  switch (field.type) {
    case 'number':
      return isInteger(features.map((f) => f.properties[field.name] ?? null)) ? 'INTEGER' : 'REAL';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return 'TEXT';
  }
}

const cell = (value: AttributeValue | undefined): string | number | null =>
  value === undefined || value === null ? null : typeof value === 'boolean' ? (value ? 1 : 0) : value;

/**
 * The statements that make a GeoPackage of one feature table from nothing: the three SRS rows
 * the spec requires plus the layer's EPSG system (its definition 'undefined': GDAL and our reader
 * take an EPSG row by its code; no WKT is shipped offline), gpkg_contents with the extent,
 * gpkg_geometry_columns, the table with an integer key, its geometry and the fields. No spatial
 * index, no metadata, no extensions: nothing a stale box or a withheld text could hide in.
 */
export function geoPackagePlan(layer: GeoPackageLayer, srsId: number): GeoPackagePlan {
  const fid = freeName('fid', layer.fields);
  const geom = freeName('geom', layer.fields);
  const hasZ = layer.features.some((f) => f.geometry !== null && geometryHasZ(f.geometry));
  const extent = extentOf(layer.features);
  const columns = layer.fields.map((f) => `${quoted(f.name)} ${columnType(f, layer.features)}`);
  const table = quoted(layer.table);
  const statements = [
    `CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)`,
    `INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system')`,
    `INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system')`,
    `INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, ${literal(WGS84_WKT)}, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')`,
    ...(srsId === 4326
      ? []
      : [
          `INSERT INTO gpkg_spatial_ref_sys VALUES (${literal(layer.crs.name)}, ${String(srsId)}, 'EPSG', ${String(srsId)}, 'undefined', NULL)`,
        ]),
    `CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))`,
    `CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))`,
    `CREATE TABLE ${table} (${[`${quoted(fid)} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL`, `${quoted(geom)} ${TYPE_NAMES[layer.geometryType]}`, ...columns].join(', ')})`,
    `INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (${literal(layer.table)}, 'features', ${literal(layer.table)}, '', ${literal(layer.lastChange)}, ${extent === null ? 'NULL, NULL, NULL, NULL' : extent.map(String).join(', ')}, ${String(srsId)})`,
    `INSERT INTO gpkg_geometry_columns VALUES (${literal(layer.table)}, ${literal(geom)}, ${literal(TYPE_NAMES[layer.geometryType])}, ${String(srsId)}, ${hasZ ? '2' : '0'}, 0)`,
  ];
  const insert = `INSERT INTO ${table} (${[quoted(geom), ...layer.fields.map((f) => quoted(f.name))].join(', ')}) VALUES (${['?', ...layer.fields.map(() => '?')].join(', ')})`;
  return {
    statements,
    insert,
    rows: function* () {
      for (const feature of layer.features)
        yield [
          feature.geometry === null ? null : geometryBlob(feature.geometry, srsId),
          ...layer.fields.map((f) => cell(feature.properties[f.name])),
        ];
    },
  };
}
