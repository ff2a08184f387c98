import { crsFromWkt } from '../../crs/index.js';
import type { CrsInfo, VectorFeature, VectorInfo } from '../../model/index.js';
import { corrupt } from '../format-error.js';
import { extentOf } from '../vector-summary.js';
import { readDbf } from './dbf.js';
import { readShp } from './shp.js';

/** The files of one shapefile set, as bytes. Only the .shp is needed to read; what is missing comes back as notices. */
export interface ShapefileParts {
  readonly shp: Uint8Array;
  readonly shx: Uint8Array | null;
  readonly dbf: Uint8Array | null;
  readonly prj: Uint8Array | null;
  readonly cpg: Uint8Array | null;
}

export interface ShapefileLimits {
  readonly maxVertices: number;
  readonly maxRecords: number;
}

export const SHAPEFILE_LIMITS: ShapefileLimits = { maxVertices: 50_000_000, maxRecords: 10_000_000 };

/**
 * What is missing from or wrong with the set, as read: the reader still reads what it can, and
 * the importer decides what to refuse and what to tell (ADR 0096). Each is `notice.<code>` or the
 * importer's refusal in messages.ts.
 */
export type ShapefileNotice = 'shapefile.shxMissing' | 'shapefile.shxInconsistent' | 'shapefile.dbfMissing';

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
 * shapes. Without a .dbf every feature has empty properties; without a usable .shx the index is
 * rebuilt from the .shp; `notices` names both. The layer geometry type is the
 * header's (PolyLine → 'LineString' even when some records are multipart, as GDAL reports it).
 */
export function readShapefile(
  parts: ShapefileParts,
  limits: ShapefileLimits = SHAPEFILE_LIMITS,
): ShapefileData {
  const shp = readShp(parts.shp, parts.shx, { maxVertices: limits.maxVertices });
  const dbf = parts.dbf === null ? null : readDbf(parts.dbf, parts.cpg, { maxRecords: limits.maxRecords });
  if (dbf !== null && dbf.records.length !== shp.geometries.length) {
    throw corrupt('shpDbfCountMismatch', { shapes: shp.geometries.length, records: dbf.records.length });
  }
  const features: VectorFeature[] = [];
  shp.geometries.forEach((geometry, i) => {
    const properties = dbf === null ? {} : dbf.records[i];
    if (properties === null || properties === undefined) return;
    features.push({ geometry, properties });
  });
  const info: VectorInfo = {
    kind: 'vector',
    featureCount: features.length,
    geometryType: shp.geometryType,
    fields: dbf?.fields ?? [],
    crs: crsOfPrj(parts.prj),
    extent: extentOf(features),
    encoding: dbf?.encoding.label ?? 'UTF-8',
  };
  const notices: ShapefileNotice[] = [];
  if (parts.shx === null) notices.push('shapefile.shxMissing');
  else if (shp.index === 'rebuilt') notices.push('shapefile.shxInconsistent');
  if (parts.dbf === null) notices.push('shapefile.dbfMissing');
  return { info, features, notices };
}
