/** Metres per unit for the proj4 `+units=` names our registry uses. */
const UNIT_METRES: Readonly<Record<string, number>> = {
  m: 1,
  km: 1000,
  ft: 0.3048,
  'us-ft': 1200 / 3937,
  'ind-ft': 0.30479841,
  'ind-yd': 0.91439523,
  yd: 0.9144,
  link: 0.201168,
  'us-ch': 20.11684023368047,
  ch: 20.1168,
};

/**
 * Reads the linear unit of a proj4 definition. Returns metres per CRS unit, or null for a
 * geographic (`+proj=longlat`) definition whose axes are in degrees.
 */
export function metresPerUnitOfProj4(proj4: string): number | null {
  if (isGeographicProj4(proj4)) return null;
  const toMeter = /\+to_meter=([-+0-9.eE]+)/.exec(proj4)?.[1];
  if (toMeter !== undefined) {
    const v = Number(toMeter);
    if (Number.isFinite(v) && v > 0) return v;
  }
  const units = /\+units=([\w-]+)/.exec(proj4)?.[1];
  return units === undefined ? 1 : (UNIT_METRES[units] ?? 1);
}

/** True when the proj4 definition is geographic (lon/lat in degrees). */
export function isGeographicProj4(proj4: string): boolean {
  return /\+proj=(longlat|latlong|lonlat|latlon)\b/.test(proj4);
}
