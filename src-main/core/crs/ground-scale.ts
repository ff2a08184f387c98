import type { CrsInfo, Extent } from '../model/index.js';
import { METRES_PER_DEGREE } from './quantum.js';
import { crsFromEpsg } from './registry.js';
import { createTransform } from './transform.js';

/** Ground metres per CRS unit along x and along y. */
export interface GroundScale {
  readonly x: number;
  readonly y: number;
}

/** WGS 84 ellipsoid; CGCS2000 / Xian 80 differ from it by far less than the 1 % used below. */
const A = 6378137;
const E2 = 0.00669437999014;
const RAD = Math.PI / 180;

/**
 * Latitudes beyond ±85° are measured as ±85°: a degree of longitude shrinks to nothing at the pole,
 * which would make any global layer "infinitely fine" east-west.
 */
const MAX_LATITUDE = 85;

/** A step of this share of the extent's span measures the local scale (1 unit / 1e-4° when flat). */
const STEP_SHARE = 0.005;

/** Measured within this ratio of metresPerUnit, a projection counts as true to scale (GK, UTM). */
const TRUE_SCALE_TOLERANCE = 0.01;

/** Ground length in metres of a small lon/lat step (degrees) at latitude `lat` on the ellipsoid. */
function groundLength(lat: number, dLon: number, dLat: number): number {
  const phi = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * RAD;
  const sin = Math.sin(phi);
  const w = 1 - E2 * sin * sin;
  const n = A / Math.sqrt(w);
  const m = (A * (1 - E2)) / (w * Math.sqrt(w));
  return Math.hypot(n * Math.cos(phi) * dLon * RAD, m * dLat * RAD);
}

/** The 4 corners, 4 edge midpoints and centre of an extent. */
function samplePoints(e: Extent): [number, number][] {
  const xs = [e[0], (e[0] + e[2]) / 2, e[2]];
  const ys = [e[1], (e[1] + e[3]) / 2, e[3]];
  return xs.flatMap((x) => ys.map((y): [number, number] => [x, y]));
}

/**
 * Measured ground scale of `crs` over `extent` (CRS units, x = easting/longitude first): the
 * MINIMUM ground metres per CRS unit along x and along y over the extent's corners, edge midpoints
 * and centre. Each is measured by transforming a small centred step (0.5 % of the extent's span, or
 * 1 unit / 1e-4° for a flat extent) to WGS 84 lon/lat and taking its ellipsoidal length. For a
 * geographic CRS this is metres per degree at the poleward edge; for Web Mercator ≈ cos(latitude).
 * null when no sample point can be transformed (outside the projection's domain).
 */
export function groundScale(crs: CrsInfo, extent: Extent): GroundScale | null {
  const wgs84 = crsFromEpsg(4326);
  if (wgs84 === null) return null;
  const toLonLat = crs.geographic
    ? (xy: readonly [number, number]) => [xy[0], xy[1]]
    : createTransform(crs, wgs84);
  const flat = crs.geographic ? 1e-4 : 1;
  const hx = extent[2] > extent[0] ? (extent[2] - extent[0]) * STEP_SHARE : flat;
  const hy = extent[3] > extent[1] ? (extent[3] - extent[1]) * STEP_SHARE : flat;
  const along = (x: number, y: number, dx: number, dy: number): number => {
    const a = toLonLat([x - dx / 2, y - dy / 2]);
    const b = toLonLat([x + dx / 2, y + dy / 2]);
    const [lonA = NaN, latA = NaN] = a;
    const [lonB = NaN, latB = NaN] = b;
    // A step across the antimeridian comes back as ±360° minus the step.
    const dLon = ((((lonB - lonA + 180) % 360) + 360) % 360) - 180;
    return groundLength((latA + latB) / 2, dLon, latB - latA) / (dx + dy);
  };
  let x = Infinity;
  let y = Infinity;
  for (const [px, py] of samplePoints(extent)) {
    const sx = along(px, py, hx, 0);
    const sy = along(px, py, 0, hy);
    if (sx > 0 && sx < x) x = sx;
    if (sy > 0 && sy < y) y = sy;
  }
  return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
}

const nearOne = (ratio: number): boolean => Math.abs(ratio - 1) <= TRUE_SCALE_TOLERANCE;

/**
 * Ground metres per CRS unit (x, y) that every secrecy threshold uses (review rules and the
 * public-version transforms alike, ADR 0025). A projected CRS whose measured scale over `extent`
 * is within 1 % of its nominal `metresPerUnit` (Gauss-Krüger, UTM, State Plane) uses the nominal
 * figure on both axes, so a 100 m grid stays exactly 100 m. Anything distorting (Mercator,
 * geographic degrees) uses the measured minimum: the finest ground resolution anywhere in the
 * extent decides. Without an extent, or when nothing can be measured, projected CRSs fall back to
 * the nominal unit and geographic ones to METRES_PER_DEGREE (along the meridian).
 */
export function unitsToGroundMetres(crs: CrsInfo, extent: Extent | null): GroundScale {
  const nominal = crs.geographic ? null : (crs.metresPerUnit ?? 1);
  const measured = extent === null ? null : groundScale(crs, extent);
  if (measured === null) {
    const unit = nominal ?? METRES_PER_DEGREE;
    return { x: unit, y: unit };
  }
  if (nominal !== null && nearOne(measured.x / nominal) && nearOne(measured.y / nominal)) {
    return { x: nominal, y: nominal };
  }
  return measured;
}
