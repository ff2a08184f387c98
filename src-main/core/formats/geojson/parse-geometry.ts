import type { Geometry, Position } from '../../model/index.js';
import { corrupt } from '../format-error.js';
import { MAX_COLLECTION_DEPTH } from '../vector-summary.js';

function position(value: unknown, where: number): Position {
  if (!Array.isArray(value) || value.length < 2) throw corrupt('geojsonPositionShape', { feature: where });
  for (const n of value) {
    if (typeof n !== 'number' || !Number.isFinite(n))
      throw corrupt('geojsonPositionNumber', { feature: where });
  }
  return value as Position;
}

function positions(value: unknown, where: number): Position[] {
  if (!Array.isArray(value)) throw corrupt('geojsonCoordinatesArray', { feature: where });
  for (const p of value) position(p, where);
  return value as Position[];
}

function lines(value: unknown, where: number): Position[][] {
  if (!Array.isArray(value)) throw corrupt('geojsonCoordinatesArray', { feature: where });
  for (const l of value) positions(l, where);
  return value as Position[][];
}

function polygons(value: unknown, where: number): Position[][][] {
  if (!Array.isArray(value)) throw corrupt('geojsonCoordinatesArray', { feature: where });
  for (const p of value) lines(p, where);
  return value as Position[][][];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates a GeoJSON geometry object (already JSON-parsed) and returns it typed. Positions are
 * kept as parsed (x = longitude/easting first). `null` geometry is allowed by RFC 7946.
 * Collections nest at most MAX_COLLECTION_DEPTH deep.
 */
export function parseGeometry(value: unknown, where: number, depth = 0): Geometry | null {
  if (value === null) return null;
  if (!isObject(value)) throw corrupt('geojsonGeometryObject', { feature: where });
  const c = value['coordinates'];
  switch (value['type']) {
    case 'Point':
      return { type: 'Point', coordinates: position(c, where) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: positions(c, where) };
    case 'LineString':
      return { type: 'LineString', coordinates: positions(c, where) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: lines(c, where) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: lines(c, where) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: polygons(c, where) };
    case 'GeometryCollection': {
      if (depth >= MAX_COLLECTION_DEPTH) throw corrupt('geojsonCollectionDepth', { feature: where });
      const members = value['geometries'];
      if (!Array.isArray(members)) throw corrupt('geojsonGeometriesArray', { feature: where });
      const geometries: Geometry[] = [];
      for (const m of members) {
        const g = parseGeometry(m, where, depth + 1);
        if (g !== null) geometries.push(g);
      }
      return { type: 'GeometryCollection', geometries };
    }
    default:
      throw corrupt('geojsonGeometryType', { feature: where });
  }
}
