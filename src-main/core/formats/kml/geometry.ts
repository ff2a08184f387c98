import type { Geometry, Position } from '../../model/index.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function position(v: unknown): Position | null {
  if (!Array.isArray(v) || v.length < 2) return null;
  const p: number[] = [];
  for (const n of v) {
    if (typeof n !== 'number' || !Number.isFinite(n)) return null;
    p.push(n);
  }
  return p;
}

function positions(v: unknown): Position[] | null {
  if (!Array.isArray(v)) return null;
  const out: Position[] = [];
  for (const item of v) {
    const p = position(item);
    if (p === null) return null;
    out.push(p);
  }
  return out;
}

function rings(v: unknown): Position[][] | null {
  if (!Array.isArray(v)) return null;
  const out: Position[][] = [];
  for (const item of v) {
    const r = positions(item);
    if (r === null) return null;
    out.push(r);
  }
  return out;
}

/**
 * A geometry as togeojson builds it, checked into our model (finite numbers, 2+ per position);
 * null for none or anything malformed. A KML MultiGeometry comes back from togeojson as a
 * GeometryCollection; one whose members share a type becomes the Multi type, as GDAL reads it
 * (MULTIPOINT, MULTILINESTRING, MULTIPOLYGON); a mixed one stays a collection (one level: KML
 * nests MultiGeometry by flattening, which togeojson already does).
 */
export function geometryOf(v: unknown): Geometry | null {
  if (!isObject(v)) return null;
  switch (v['type']) {
    case 'Point': {
      const c = position(v['coordinates']);
      return c === null ? null : { type: 'Point', coordinates: c };
    }
    case 'LineString': {
      const c = positions(v['coordinates']);
      return c === null || c.length < 2 ? null : { type: 'LineString', coordinates: c };
    }
    case 'MultiLineString': {
      const c = rings(v['coordinates']);
      return c === null ? null : { type: 'MultiLineString', coordinates: c };
    }
    case 'Polygon': {
      const c = rings(v['coordinates']);
      return c === null || c.length === 0 ? null : { type: 'Polygon', coordinates: c };
    }
    case 'GeometryCollection': {
      const members = Array.isArray(v['geometries']) ? (v['geometries'] as unknown[]) : [];
      const parts: Geometry[] = [];
      for (const m of members) {
        const g = geometryOf(m);
        if (g !== null && g.type !== 'GeometryCollection') parts.push(g);
      }
      return collect(parts);
    }
    default:
      return null;
  }
}

function collect(parts: Geometry[]): Geometry | null {
  if (parts.length === 0) return null;
  const [first] = parts;
  if (parts.length === 1 && first !== undefined) return first;
  const points: Position[] = [];
  const lines: (readonly Position[])[] = [];
  const polygons: (readonly (readonly Position[])[])[] = [];
  for (const g of parts) {
    if (g.type === 'Point') points.push(g.coordinates);
    else if (g.type === 'LineString') lines.push(g.coordinates);
    else if (g.type === 'Polygon') polygons.push(g.coordinates);
  }
  if (points.length === parts.length) return { type: 'MultiPoint', coordinates: points };
  if (lines.length === parts.length) return { type: 'MultiLineString', coordinates: lines };
  if (polygons.length === parts.length) return { type: 'MultiPolygon', coordinates: polygons };
  return { type: 'GeometryCollection', geometries: parts };
}
