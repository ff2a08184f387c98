import type { Extent, Geometry, GeometryType, Position, VectorFeature } from '../model/index.js';

/** Max GeometryCollection nesting the loaders accept (deeper input is refused as corrupt). */
export const MAX_COLLECTION_DEPTH = 8;

/** Calls `visit` for every position of a geometry, iteratively (no recursion on input depth). */
export function forEachPosition(geometry: Geometry, visit: (p: Position) => void): void {
  const stack: Geometry[] = [geometry];
  for (let g = stack.pop(); g !== undefined; g = stack.pop()) {
    switch (g.type) {
      case 'Point':
        visit(g.coordinates);
        break;
      case 'MultiPoint':
      case 'LineString':
        for (const p of g.coordinates) visit(p);
        break;
      case 'MultiLineString':
      case 'Polygon':
        for (const line of g.coordinates) for (const p of line) visit(p);
        break;
      case 'MultiPolygon':
        for (const poly of g.coordinates) for (const ring of poly) for (const p of ring) visit(p);
        break;
      case 'GeometryCollection':
        stack.push(...g.geometries);
        break;
    }
  }
}

/** Extent `[minX, minY, maxX, maxY]` of all positions (dataset CRS, x first); null when empty. */
export const extentOf = (features: readonly VectorFeature[]): Extent | null =>
  geometriesExtent(features.map((f) => f.geometry));

/** Extent of all positions of some geometries (null ones skipped); null when there are none. */
export function geometriesExtent(geometries: readonly (Geometry | null)[]): Extent | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const visit = (p: Position): void => {
    const x = p[0] ?? NaN;
    const y = p[1] ?? NaN;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  };
  for (const g of geometries) if (g !== null) forEachPosition(g, visit);
  return minX <= maxX ? [minX, minY, maxX, maxY] : null;
}

/** One type when all non-null geometries share it, 'Mixed' otherwise, 'None' when all are null. */
export function layerGeometryType(features: readonly VectorFeature[]): GeometryType {
  let found: GeometryType | null = null;
  for (const f of features) {
    if (f.geometry === null) continue;
    if (found === null) found = f.geometry.type;
    else if (found !== f.geometry.type) return 'Mixed';
  }
  return found ?? 'None';
}
