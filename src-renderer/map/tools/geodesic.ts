import * as geographiclib from 'geographiclib-geodesic';

/**
 * The package ships one UMD file: bundlers expose its members as named exports, Node's ESM
 * loader only as the default export. Either way the same object is used.
 */
const lib: typeof geographiclib =
  'default' in geographiclib
    ? (geographiclib as unknown as { default: typeof geographiclib }).default
    : geographiclib;

/** The CGCS2000 ellipsoid (GRS80 parameters): every map measurement is geodesic on it (ADR 0116). */
export const CGCS2000_ELLIPSOID = { a: 6378137, f: 1 / 298.257222101 } as const;

const geodesic = new lib.Geodesic.Geodesic(CGCS2000_ELLIPSOID.a, CGCS2000_ELLIPSOID.f);

/** Longitude, latitude in degrees on CGCS2000 (x first, as everywhere in Strata). */
export type LonLat = readonly [number, number];

/** Length in metres of the geodesic polyline through the points (0 for fewer than two). */
export function geodesicLength(points: readonly LonLat[]): number {
  const line = geodesic.Polygon(true);
  for (const [lon, lat] of points) line.AddPoint(lat, lon);
  return line.Compute(false, true).perimeter;
}

/**
 * Area in square metres enclosed by the ring (closed implicitly), positive when the ring runs
 * counter-clockwise, negative clockwise, and its perimeter in metres. Signed, never the
 * complement: a small clockwise ring is not read as the rest of the globe.
 */
export function geodesicArea(ring: readonly LonLat[]): { readonly area: number; readonly perimeter: number } {
  const polygon = geodesic.Polygon(false);
  for (const [lon, lat] of ring) polygon.AddPoint(lat, lon);
  const result = polygon.Compute(false, true);
  return { area: result.area ?? 0, perimeter: result.perimeter };
}

export type LengthUnit = 'm' | 'km';
export type AreaUnit = 'm2' | 'km2' | 'ha';

/** A length in the unit a reader expects: metres below 1 km, kilometres above. */
export function lengthInUnit(metres: number): { readonly value: number; readonly unit: LengthUnit } {
  return Math.abs(metres) < 1000 ? { value: metres, unit: 'm' } : { value: metres / 1000, unit: 'km' };
}

/**
 * An area in the three units Chinese surveys report together: m², 公顷 (ha, 10⁴ m²) and km².
 * The first is the one to show first (m² below one hectare, km² from one km²).
 */
export function areaInUnits(
  squareMetres: number,
): readonly { readonly value: number; readonly unit: AreaUnit }[] {
  const m2 = { value: squareMetres, unit: 'm2' as const };
  const ha = { value: squareMetres / 1e4, unit: 'ha' as const };
  const km2 = { value: squareMetres / 1e6, unit: 'km2' as const };
  const size = Math.abs(squareMetres);
  if (size < 1e4) return [m2, ha];
  if (size < 1e6) return [ha, m2];
  return [km2, ha];
}
