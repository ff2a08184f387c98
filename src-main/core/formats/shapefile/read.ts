import { crsFromWkt } from '../../crs/index.js';
import type { CrsInfo, VectorFeature, VectorInfo } from '../../model/index.js';
import { corrupt } from '../format-error.js';
import type { FormatNotice } from '../format-module.js';
import { extentOf } from '../vector-summary.js';
import { readDbf } from './dbf.js';
import { readShp } from './shp.js';

/** The files of one shapefile set, as bytes. A missing index is rebuilt and comes back as a notice. */
export interface ShapefileParts {
  readonly shp: Uint8Array;
  readonly shx: Uint8Array | null;
  readonly dbf: Uint8Array;
  readonly prj: Uint8Array | null;
  readonly cpg: Uint8Array | null;
}

export interface ShapefileLimits {
  readonly maxVertices: number;
  readonly maxRecords: number;
}

export const SHAPEFILE_LIMITS: ShapefileLimits = { maxVertices: 50_000_000, maxRecords: 10_000_000 };

/** What was wrong with the set's index and was repaired (ADR 0096): `notice.<code>` in messages.ts. */
export type ShapefileNotice = Extract<FormatNotice, `shapefile.${string}`>;

export interface ShapefileData {
  readonly info: VectorInfo;
  readonly features: VectorFeature[];
  readonly notices: readonly ShapefileNotice[];
}

function crsOfPrj(prj: Uint8Array | null): CrsInfo | null {
  if (prj === null || prj.length === 0 || prj.length > 64 * 1024) return null;
  let text = '';
  for (const b of prj) text += String.fromCharCode(b);
  return crsFromWkt(text);
}

/**
 * Reads a shapefile set into GeoJSON-shaped features in the .prj's CRS (x = easting/longitude).
 * Shapes and .dbf records pair by position; records flagged deleted are dropped with their
 * shapes. Without a usable .shx the index is rebuilt from the .shp, and `notices` says so. The layer geometry type is the
 * header's (PolyLine → 'LineString' even when some records are multipart, as GDAL reports it).
 */
export function readShapefile(
  parts: ShapefileParts,
  limits: ShapefileLimits = SHAPEFILE_LIMITS,
): ShapefileData {
  const shp = readShp(parts.shp, parts.shx, { maxVertices: limits.maxVertices });
  const dbf = readDbf(parts.dbf, parts.cpg, { maxRecords: limits.maxRecords });
  if (dbf.records.length !== shp.geometries.length) {
    throw corrupt('shpDbfCountMismatch', { shapes: shp.geometries.length, records: dbf.records.length });
  }
  const features: VectorFeature[] = [];
  shp.geometries.forEach((geometry, i) => {
    const properties = dbf.records[i];
    if (properties === null || properties === undefined) return;
    features.push({ geometry, properties });
  });
  const info: VectorInfo = {
    kind: 'vector',
    featureCount: features.length,
    geometryType: shp.geometryType,
    fields: dbf.fields,
    crs: crsOfPrj(parts.prj),
    extent: extentOf(features),
    encoding: dbf.encoding.label,
  };
  const notices: ShapefileNotice[] = [];
  if (parts.shx === null) notices.push('shapefile.shxMissing');
  else if (shp.index === 'rebuilt') notices.push('shapefile.shxInconsistent');
  return { info, features, notices };
}
