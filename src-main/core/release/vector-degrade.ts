import { extentOf, MAX_COLLECTION_DEPTH } from '../formats/vector-summary.js';
import { unitsToGroundMetres } from '../crs/ground-scale.js';
import { type GridStep, stepForMetres } from '../crs/quantum.js';
import type { CrsInfo, Geometry, Position, VectorFeature } from '../model/index.js';

export interface DegradedVector {
  readonly features: VectorFeature[];
  /** The grid applied: CRS units in nominal metres for projected CRSs, degrees for geographic ones. */
  readonly grid: number;
  readonly unit: 'm' | '°';
}

type Snap = (p: Position) => Position;

function snapper(step: GridStep): Snap {
  const g = step.value;
  // k × g rounded to the step's decimals is the double nearest the decimal multiple, so it prints
  // as that decimal (e.g. 0.0005 × 228 → 0.114, not 0.11400000000000002).
  const at = (v: number): number => {
    const k = Math.round(v / g);
    const raw = k * g;
    return step.decimals === 0 ? raw : Number(raw.toFixed(step.decimals));
  };
  return (p) => {
    const x = at(p[0] ?? 0);
    const y = at(p[1] ?? 0);
    return p.length > 2 ? [x, y, Math.round(p[2] ?? 0)] : [x, y];
  };
}

const samePlace = (a: Position | undefined, b: Position): boolean =>
  a !== undefined && a[0] === b[0] && a[1] === b[1];

/** Snaps a vertex list and drops consecutive duplicates created by snapping. */
function snapLine(line: readonly Position[], snap: Snap): Position[] {
  const out: Position[] = [];
  for (const p of line) {
    const s = snap(p);
    if (!samePlace(out[out.length - 1], s)) out.push(s);
  }
  return out;
}

function ringArea2(ring: readonly Position[]): number {
  const ox = ring[0]?.[0] ?? 0;
  const oy = ring[0]?.[1] ?? 0;
  let sum = 0;
  for (let i = 1; i + 1 < ring.length; i += 1) {
    const a = ring[i] ?? [0, 0];
    const b = ring[i + 1] ?? [0, 0];
    sum += ((a[0] ?? 0) - ox) * ((b[1] ?? 0) - oy) - ((b[0] ?? 0) - ox) * ((a[1] ?? 0) - oy);
  }
  return sum;
}

/** A snapped ring, closed, with at least 3 distinct vertices and non-zero area; else null. */
function snapRing(ring: readonly Position[], snap: Snap): Position[] | null {
  const out = snapLine(ring, snap);
  const first = out[0];
  if (first === undefined) return null;
  if (!samePlace(out[out.length - 1], first)) out.push(first);
  if (out.length < 4 || ringArea2(out) === 0) return null;
  return out;
}

function snapPolygon(rings: readonly (readonly Position[])[], snap: Snap): Position[][] | null {
  const [outer, ...holes] = rings;
  const shell = outer === undefined ? null : snapRing(outer, snap);
  if (shell === null) return null;
  const kept = holes.map((h) => snapRing(h, snap)).filter((h): h is Position[] => h !== null);
  return [shell, ...kept];
}

function snapGeometry(g: Geometry, snap: Snap, depth: number): Geometry | null {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: snap(g.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: snapLine(g.coordinates, snap) };
    case 'LineString': {
      const line = snapLine(g.coordinates, snap);
      return line.length < 2 ? null : { type: 'LineString', coordinates: line };
    }
    case 'MultiLineString': {
      const lines = g.coordinates.map((l) => snapLine(l, snap)).filter((l) => l.length >= 2);
      return lines.length === 0 ? null : { type: 'MultiLineString', coordinates: lines };
    }
    case 'Polygon': {
      const poly = snapPolygon(g.coordinates, snap);
      return poly === null ? null : { type: 'Polygon', coordinates: poly };
    }
    case 'MultiPolygon': {
      const polys = g.coordinates
        .map((p) => snapPolygon(p, snap))
        .filter((p): p is Position[][] => p !== null);
      return polys.length === 0 ? null : { type: 'MultiPolygon', coordinates: polys };
    }
    case 'GeometryCollection': {
      if (depth >= MAX_COLLECTION_DEPTH) return null;
      const members = g.geometries
        .map((m) => snapGeometry(m, snap, depth + 1))
        .filter((m): m is Geometry => m !== null);
      return members.length === 0 ? null : { type: 'GeometryCollection', geometries: members };
    }
  }
}

/**
 * Degrades coordinate precision for a public version: every x/y is snapped to the finest 1-2-5
 * decimal step (CRS units) that is at least `gridMetres` long on the ground, measured like the
 * position-precision review (`unitsToGroundMetres` over the features' extent, finer axis) — for
 * true-scale metre CRSs exactly `gridMetres` when it is on the ladder (50 → 50 m); for Web Mercator
 * at 40° N 100 units (≈ 77 m); for degrees at 26° N 0.001°. Snapped values are the doubles nearest the decimal multiples. Z is rounded to
 * whole units. Consecutive duplicate vertices are dropped, as are lines with < 2 vertices and rings
 * with < 3 distinct vertices or zero area (a polygon whose shell collapses is dropped whole); a
 * feature whose geometry collapses entirely keeps its properties with a null geometry.
 * Returns the grid in metres (projected) or degrees (geographic).
 */
export function degradeCoordinates(
  features: readonly VectorFeature[],
  crs: CrsInfo,
  gridMetres: number,
): DegradedVector {
  const { step, grid, unit } = degradeGrid(features, crs, gridMetres);
  const snap = snapper(step);
  const out = features.map((f) => ({
    properties: f.properties,
    geometry: f.geometry === null ? null : snapGeometry(f.geometry, snap, 0),
  }));
  return { features: out, grid, unit };
}

/** The grid `degradeCoordinates` snaps `features` to, without snapping them (what a plan shows). */
export function degradeGrid(
  features: readonly VectorFeature[],
  crs: CrsInfo,
  gridMetres: number,
): { readonly step: GridStep; readonly grid: number; readonly unit: 'm' | '°' } {
  const scale = unitsToGroundMetres(crs, extentOf(features));
  const step = stepForMetres(Math.min(scale.x, scale.y), gridMetres);
  return crs.geographic
    ? { step, grid: step.value, unit: '°' }
    : { step, grid: Number((step.value * (crs.metresPerUnit ?? 1)).toPrecision(12)), unit: 'm' };
}
