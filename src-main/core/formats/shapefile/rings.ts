import type { Geometry, Position } from '../../model/index.js';

/** Twice the signed area (shoelace); negative = clockwise with y up (a shapefile outer ring). */
function signedArea2(ring: readonly Position[]): number {
  // Relative to the first vertex: Gauss-Krüger eastings of 1e7+ would lose the area in rounding.
  const ox = ring[0]?.[0] ?? 0;
  const oy = ring[0]?.[1] ?? 0;
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const ax = (ring[j]?.[0] ?? ox) - ox;
    const ay = (ring[j]?.[1] ?? oy) - oy;
    const bx = (ring[i]?.[0] ?? ox) - ox;
    const by = (ring[i]?.[1] ?? oy) - oy;
    sum += ax * by - bx * ay;
  }
  return sum;
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function boxOf(ring: readonly Position[]): Box {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const p of ring) {
    const x = p[0] ?? 0;
    const y = p[1] ?? 0;
    if (x < b.minX) b.minX = x;
    if (x > b.maxX) b.maxX = x;
    if (y < b.minY) b.minY = y;
    if (y > b.maxY) b.maxY = y;
  }
  return b;
}

/** Even-odd ray cast of point (x, y) against a ring. */
function inRing(x: number, y: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const xi = ring[i]?.[0] ?? 0;
    const yi = ring[i]?.[1] ?? 0;
    const xj = ring[j]?.[0] ?? 0;
    const yj = ring[j]?.[1] ?? 0;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A vertex of `hole` that is not on `outer`'s boundary vertices, to test containment with. */
function probe(hole: readonly Position[], outer: readonly Position[]): Position {
  const onOuter = new Set(outer.map((p) => `${String(p[0])},${String(p[1])}`));
  return hole.find((p) => !onOuter.has(`${String(p[0])},${String(p[1])}`)) ?? hole[0] ?? [0, 0];
}

/**
 * Turns shapefile polygon parts into GeoJSON: clockwise rings are outer rings, counter-clockwise
 * rings are holes assigned to the smallest outer ring that contains them (a hole no outer ring
 * contains becomes an outer ring itself, as GDAL does). One outer ring → Polygon, more →
 * MultiPolygon. Ring orientation is kept as stored.
 */
export function assemblePolygon(rings: readonly Position[][]): Geometry | null {
  const outers: { ring: Position[]; box: Box; area: number; holes: Position[][] }[] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    if (ring.length < 4) continue;
    const area = signedArea2(ring);
    if (area < 0) outers.push({ ring, box: boxOf(ring), area: -area, holes: [] });
    else holes.push(ring);
  }
  for (const hole of holes) {
    const hb = boxOf(hole);
    let best: (typeof outers)[number] | null = null;
    for (const o of outers) {
      if (hb.minX < o.box.minX || hb.maxX > o.box.maxX || hb.minY < o.box.minY || hb.maxY > o.box.maxY)
        continue;
      const p = probe(hole, o.ring);
      if (!inRing(p[0] ?? 0, p[1] ?? 0, o.ring)) continue;
      if (best === null || o.area < best.area) best = o;
    }
    if (best !== null) best.holes.push(hole);
    else outers.push({ ring: hole, box: hb, area: Math.abs(signedArea2(hole)), holes: [] });
  }
  if (outers.length === 0) return null;
  const polys = outers.map((o) => [o.ring, ...o.holes]);
  return polys.length === 1 && polys[0] !== undefined
    ? { type: 'Polygon', coordinates: polys[0] }
    : { type: 'MultiPolygon', coordinates: polys };
}
