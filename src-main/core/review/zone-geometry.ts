import type { Extent, Geometry, Position } from '../model/index.js';

/** A polygon as rings of [x, y]: the outer ring first, then its holes. */
export type ZonePolygon = readonly (readonly (readonly [number, number])[])[];

/** A polygon with its extent, in the dataset's CRS. */
export interface PreparedZone {
  readonly rings: ZonePolygon;
  readonly extent: Extent;
}

export function prepareZone(rings: ZonePolygon): PreparedZone | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of rings[0] ?? []) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return minX <= maxX ? { rings, extent: [minX, minY, maxX, maxY] } : null;
}

export const extentsOverlap = (a: Extent, b: Extent): boolean =>
  a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Even-odd rule over all rings: inside the outer ring and outside every hole. */
function insideRings(rings: readonly (readonly (readonly number[])[])[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i]?.[0] ?? NaN;
      const yi = ring[i]?.[1] ?? NaN;
      const xj = ring[j]?.[0] ?? NaN;
      const yj = ring[j]?.[1] ?? NaN;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number =>
  Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

function segmentsCross(a: Position, b: Position, c: readonly number[], d: readonly number[]): boolean {
  const [ax = NaN, ay = NaN] = a;
  const [bx = NaN, by = NaN] = b;
  const [cx = NaN, cy = NaN] = c;
  const [dx = NaN, dy = NaN] = d;
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) return true;
  const within = (px: number, py: number, qx: number, qy: number, rx: number, ry: number): boolean =>
    Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
  return (
    (o1 === 0 && within(ax, ay, bx, by, cx, cy)) ||
    (o2 === 0 && within(ax, ay, bx, by, dx, dy)) ||
    (o3 === 0 && within(cx, cy, dx, dy, ax, ay)) ||
    (o4 === 0 && within(cx, cy, dx, dy, bx, by))
  );
}

/** A path (line, ring or lone point) that has a vertex in the zone or crosses one of its edges. */
function pathMeets(path: readonly Position[], zone: PreparedZone): boolean {
  for (const p of path) if (insideRings(zone.rings, p[0] ?? NaN, p[1] ?? NaN)) return true;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1] ?? [];
    const b = path[i] ?? [];
    for (const ring of zone.rings)
      for (let k = 1; k < ring.length; k++)
        if (segmentsCross(a, b, ring[k - 1] ?? [], ring[k] ?? [])) return true;
  }
  return false;
}

/**
 * True when a feature's geometry intersects the zone: a vertex inside it, an edge crossing its
 * boundary, or (for a polygon feature) the zone lying wholly inside the feature.
 */
export function geometryMeetsZone(geometry: Geometry, zone: PreparedZone): boolean {
  const stack: Geometry[] = [geometry];
  const first = zone.rings[0]?.[0] ?? [NaN, NaN];
  const polygonMeets = (rings: readonly (readonly Position[])[]): boolean =>
    rings.some((r) => pathMeets(r, zone)) || insideRings(rings, first[0], first[1]);
  for (let g = stack.pop(); g !== undefined; g = stack.pop()) {
    switch (g.type) {
      case 'GeometryCollection':
        stack.push(...g.geometries);
        break;
      case 'Point':
        if (pathMeets([g.coordinates], zone)) return true;
        break;
      case 'MultiPoint':
        if (g.coordinates.some((p) => pathMeets([p], zone))) return true;
        break;
      case 'LineString':
        if (pathMeets(g.coordinates, zone)) return true;
        break;
      case 'MultiLineString':
        if (g.coordinates.some((l) => pathMeets(l, zone))) return true;
        break;
      case 'Polygon':
        if (polygonMeets(g.coordinates)) return true;
        break;
      case 'MultiPolygon':
        if (g.coordinates.some(polygonMeets)) return true;
        break;
    }
  }
  return false;
}
