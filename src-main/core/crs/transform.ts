import proj4 from 'proj4';
import type { CrsInfo } from '../model/index.js';
import { datumShiftFor, type DatumShift, type DatumShiftUse } from './datum-shifts.js';

type Converter = (xy: readonly [number, number]) => [number, number];

const TOWGS84 = /\s*\+towgs84=\S+/g;
const ZERO_SHIFT = ' +towgs84=0,0,0,0,0,0,0';
/** The lon/lat a shift's area is stated in (any GRS80-like ellipsoid is metre-close). */
const LON_LAT = '+proj=longlat +ellps=GRS80';

const converterOf = (from: string, to: string): Converter => {
  const c = proj4(from, to);
  return (xy) => {
    const out = c.forward([xy[0], xy[1]]);
    return [out[0] ?? NaN, out[1] ?? NaN];
  };
};

/**
 * proj4js shifts through WGS 84: the source's +towgs84 takes it there, the target's inverse brings
 * it back. Giving the source the loaded shift and the target a zero one applies exactly that shift
 * (the inverse direction swaps the roles). Without a shift both lose theirs, so geodetic
 * coordinates are carried over as they are and only the ellipsoid and projection change.
 */
function definitions(
  from: { proj4: string },
  to: { proj4: string },
  shift: DatumShift | null,
  inverse: boolean,
): [string, string] {
  const bare = (p: string): string => p.replace(TOWGS84, '');
  if (shift === null) return [bare(from.proj4), bare(to.proj4)];
  const helmert = ` +towgs84=${shift.params.join(',')}`;
  return inverse
    ? [bare(from.proj4) + ZERO_SHIFT, bare(to.proj4) + helmert]
    : [bare(from.proj4) + helmert, bare(to.proj4) + ZERO_SHIFT];
}

const inside = (area: DatumShift['area'], lon: number, lat: number): boolean =>
  area === null || (lon >= area[0] && lon <= area[2] && lat >= area[1] && lat <= area[3]);

/**
 * A transform as proj4 definition pairs (ADR 0105): `areas` in order, the first whose area holds
 * the point's lon/lat (computed through `lonLat`) applies; a point in none takes `otherwise`.
 * Plain data, so the renderer's map reprojects with exactly the pairs the main process uses.
 */
export interface TransformPlan {
  readonly areas: readonly {
    readonly area: DatumShift['area'];
    readonly from: string;
    readonly to: string;
  }[];
  /** Takes a point to the lon/lat its area is tested in: the source without its shift → GRS80. */
  readonly lonLat: readonly [string, string];
  readonly otherwise: readonly [string, string];
}

/**
 * The plan of a transform between two CRSs whose datum crossing `use` describes: the registry's
 * definitions, both bare (an unknown shift between national datums), or each loaded shift as
 * the source's `+towgs84` against a zero one (the inverse direction swaps them).
 */
export function transformPlan(
  from: { proj4: string },
  to: { proj4: string },
  use: DatumShiftUse,
): TransformPlan {
  const lonLat = [from.proj4.replace(TOWGS84, ''), LON_LAT] as const;
  const bare = definitions(from, to, null, false);
  if (use.kind === 'none' || use.kind === 'registry')
    return { areas: [], lonLat, otherwise: [from.proj4, to.proj4] };
  if (use.kind === 'unknown') return { areas: [], lonLat, otherwise: bare };
  const areas = use.shifts.map((s) => {
    const [a, b] = definitions(from, to, s, use.inverse);
    return { area: s.area, from: a, to: b };
  });
  return { areas, lonLat, otherwise: bare };
}

/**
 * Builds a coordinate transform between two CRSs. Input and output are always x first
 * (easting/longitude), y second (northing/latitude), in each CRS's own units (degrees for
 * geographic CRSs), regardless of the EPSG axis order. Grid-based datum shifts are not
 * available (none are shipped): such pairs transform with the ellipsoid/Helmert change only.
 * Between two Chinese national datums the shift is the one the user loaded (`crs.loadDatumShifts`),
 * chosen per point by its area when several are loaded; with none the shift is unknown and not
 * applied (`describeTransform` says so; ADR 0105). Returns [NaN, NaN] for points outside a
 * projection's domain.
 */
export function createTransform(from: CrsInfo, to: CrsInfo): Converter {
  if (from.proj4 === to.proj4) return (xy) => [xy[0], xy[1]];
  const plan = transformPlan(from, to, datumShiftFor(from, to));
  const [first] = plan.areas;
  if (plan.areas.length === 0) return converterOf(...plan.otherwise);
  if (plan.areas.length === 1 && first?.area === null) return converterOf(first.from, first.to);
  // Several areas for one pair: the point's own position (metre-level is plenty) picks the shift;
  // a point outside every area is carried over unshifted, as when no shift is known.
  const toLonLat = converterOf(...plan.lonLat);
  const each = plan.areas.map((a) => ({ area: a.area, convert: converterOf(a.from, a.to) }));
  const unshifted = converterOf(...plan.otherwise);
  return (xy) => {
    const [lon, lat] = toLonLat(xy);
    return (each.find((e) => inside(e.area, lon, lat))?.convert ?? unshifted)(xy);
  };
}

/** How `createTransform(from, to)` crosses datums: what a caller reports to the user. */
export function describeTransform(from: Pick<CrsInfo, 'code'>, to: Pick<CrsInfo, 'code'>): DatumShiftUse {
  return datumShiftFor(from, to);
}
