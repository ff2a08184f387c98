import type { CrsInfo } from '../model/index.js';
import { datumKey } from './datum-names.js';
import { projParams } from './proj-params.js';
import { crsFromRow } from './registry.js';
import { candidatesOf, matchRegistry } from './registry-match.js';
import { isGeographicProj4, metresPerUnitOfProj4 } from './units.js';

/** What a file says about a CRS besides its numbers. */
export interface CrsHints {
  /** Name to keep when no registry row matches. */
  readonly name: string;
  /** Datum name as the file gives it (EPSG or ESRI spelling); '' when unknown. */
  readonly datum: string;
}

/**
 * Identifies a proj4 definition built from a file's own parameters (user-defined GeoKeys).
 * The registry row is returned only when projection, ellipsoid, prime meridian, unit and the
 * datum named in `hints` all match (ADR 0014); otherwise a CrsInfo with `code: null`, the hinted
 * name and the definition as given. Null when proj4js cannot build the definition.
 */
export function crsFromProj4(proj4: string, hints: CrsHints): CrsInfo | null {
  const params = projParams(proj4);
  if (params === null || !Number.isFinite(params.a)) return null;
  const row = matchRegistry(params, datumKey(hints.datum), hints.name, true);
  if (row !== null) return crsFromRow(row);
  return {
    code: null,
    name: hints.name,
    proj4,
    geographic: isGeographicProj4(proj4),
    metresPerUnit: metresPerUnitOfProj4(proj4),
  };
}

const close = (x: readonly number[], y: readonly number[]): boolean =>
  x.length === y.length && x.every((v, i) => Math.abs(v - (y[i] ?? NaN)) < 1e-9 * Math.max(1, Math.abs(v)));

/**
 * The EPSG geographic CRS whose ellipsoid, prime meridian and datum shift equal those of a
 * definition that carries a non-zero +towgs84 (the shift can only have come from the registry).
 * Null when there is no shift or no single datum fits. Lets a writer name the datum by code.
 */
export function geographicCodeOfShift(proj4: string): number | null {
  const params = projParams(proj4);
  const shift = params?.towgs84 ?? null;
  if (params === null || shift === null) return null;
  const fits = candidatesOf('longlat').filter(
    (c) =>
      c.params.towgs84 !== null &&
      close(c.params.towgs84, shift) &&
      Math.abs(c.params.a - params.a) < 1e-3 &&
      Math.abs(c.params.b - params.b) < 1e-3 &&
      Math.abs(c.params.fromGreenwich - params.fromGreenwich) < 1e-12,
  );
  const datums = new Set(fits.map((c) => c.datum));
  if (datums.size !== 1) return null;
  return Math.min(...fits.map((c) => c.row[0]));
}
