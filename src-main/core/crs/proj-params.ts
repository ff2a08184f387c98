import proj4 from 'proj4';

/**
 * The numbers that identify a CRS, read through proj4js so that a proj4 string, an OGC WKT and an
 * ESRI .prj of the same CRS come out equal. Angles in radians, offsets in metres.
 */
export interface ProjParams {
  readonly family: string;
  readonly a: number;
  readonly b: number;
  readonly lat0: number;
  readonly long0: number;
  readonly k0: number;
  readonly x0: number;
  readonly y0: number;
  /** Standard parallels, sorted (empty when the projection has none). */
  readonly parallels: readonly number[];
  readonly latTs: number;
  readonly fromGreenwich: number;
  /** Metres per linear unit (1 for geographic CRSs, whose unit is checked via the family). */
  readonly toMeter: number;
  /** Helmert parameters when the definition carries them (TOWGS84 / +towgs84). */
  readonly towgs84: readonly number[] | null;
}

/** proj4js short names we compare on; the others keep their first alias. */
const FAMILY_ALIASES: Readonly<Record<string, string>> = {
  utm: 'tmerc',
  etmerc: 'tmerc',
  tmerc: 'tmerc',
  lcc: 'lcc',
  merc: 'merc',
  aea: 'aea',
  laea: 'laea',
  stere: 'stere',
  sterea: 'sterea',
  somerc: 'somerc',
  omerc: 'omerc',
  cass: 'cass',
  eqc: 'eqc',
  eqdc: 'eqdc',
  poly: 'poly',
  krovak: 'krovak',
  longlat: 'longlat',
};

const PARALLEL_FAMILIES = new Set(['lcc', 'aea', 'eqdc']);

const num = (v: unknown, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

/** Reads a definition (proj4 string or WKT); null when proj4js cannot build it. */
export function projParams(definition: string): ProjParams | null {
  let p: Record<string, unknown>;
  try {
    p = new proj4.Proj(definition) as unknown as Record<string, unknown>;
  } catch {
    return null;
  }
  const names = Array.isArray(p['names'])
    ? (p['names'] as unknown[]).filter((n) => typeof n === 'string')
    : [];
  const short = names.find((n) => FAMILY_ALIASES[n] !== undefined);
  const family = short !== undefined ? (FAMILY_ALIASES[short] ?? short) : (names[0] ?? '');
  if (family === '') return null;
  const lat1 = p['lat1'];
  const lat2 = p['lat2'];
  const parallels = PARALLEL_FAMILIES.has(family)
    ? [lat1, lat2]
        .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
        .sort((x, y) => x - y)
    : [];
  const datumParams = p['datum_params'];
  const towgs84 =
    Array.isArray(datumParams) && datumParams.length >= 3 && datumParams.some((v) => v !== 0)
      ? (datumParams as number[])
      : null;
  const a = num(p['a'], NaN);
  return {
    family,
    a,
    b: num(p['b'], a),
    lat0: num(p['lat0'], 0),
    long0: num(p['long0'], 0),
    k0: num(p['k0'], 1),
    x0: num(p['x0'], 0),
    y0: num(p['y0'], 0),
    parallels,
    latTs: num(p['lat_ts'], 0),
    fromGreenwich: num(p['from_greenwich'], 0),
    toMeter: family === 'longlat' ? 1 : num(p['to_meter'], 1),
    towgs84,
  };
}

const ANGLE_TOL = 1e-9;
const LENGTH_TOL = 1e-3;

/** True when two parameter sets describe the same CRS up to float noise (datum names aside). */
export function sameParams(x: ProjParams, y: ProjParams): boolean {
  return (
    x.family === y.family &&
    Math.abs(x.a - y.a) < LENGTH_TOL &&
    Math.abs(x.b - y.b) < LENGTH_TOL &&
    Math.abs(x.lat0 - y.lat0) < ANGLE_TOL &&
    Math.abs(x.long0 - y.long0) < ANGLE_TOL &&
    Math.abs(x.k0 - y.k0) < 1e-9 &&
    Math.abs(x.x0 - y.x0) < LENGTH_TOL &&
    Math.abs(x.y0 - y.y0) < LENGTH_TOL &&
    Math.abs(x.latTs - y.latTs) < ANGLE_TOL &&
    Math.abs(x.fromGreenwich - y.fromGreenwich) < ANGLE_TOL &&
    Math.abs(x.toMeter - y.toMeter) < 1e-9 * Math.max(1, x.toMeter) &&
    x.parallels.length === y.parallels.length &&
    x.parallels.every((v, i) => Math.abs(v - (y.parallels[i] ?? NaN)) < ANGLE_TOL)
  );
}

const R2D = 180 / Math.PI;
const fmt = (v: number): string => String(Number(v.toPrecision(15)));

/**
 * Writes a proj4 string for parameters read from a WKT that matched no EPSG code. Null for
 * projection families we do not spell out (the caller then keeps the WKT, which proj4js accepts).
 */
export function proj4StringOf(p: ProjParams): string | null {
  const ellps = `+a=${fmt(p.a)} +b=${fmt(p.b)}`;
  const towgs = p.towgs84 !== null ? ` +towgs84=${p.towgs84.map(fmt).join(',')}` : '';
  const pm = p.fromGreenwich !== 0 ? ` +pm=${fmt(p.fromGreenwich * R2D)}` : '';
  if (p.family === 'longlat') return `+proj=longlat ${ellps}${towgs}${pm}`;
  if (
    !['tmerc', 'lcc', 'merc', 'aea', 'laea', 'stere', 'sterea', 'cass', 'eqc', 'eqdc', 'poly'].includes(
      p.family,
    )
  ) {
    return null;
  }
  const parts = [`+proj=${p.family}`, `+lat_0=${fmt(p.lat0 * R2D)}`, `+lon_0=${fmt(p.long0 * R2D)}`];
  p.parallels.forEach((v, i) => parts.push(`+lat_${String(i + 1)}=${fmt(v * R2D)}`));
  if (p.family === 'merc' || p.family === 'stere') parts.push(`+lat_ts=${fmt(p.latTs * R2D)}`);
  parts.push(`+k=${fmt(p.k0)}`, `+x_0=${fmt(p.x0)}`, `+y_0=${fmt(p.y0)}`, ellps);
  const units = p.toMeter === 1 ? ' +units=m' : ` +to_meter=${fmt(p.toMeter)}`;
  return `${parts.join(' ')}${towgs}${pm}${units}`;
}
