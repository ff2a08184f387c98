import proj4 from 'proj4';
import type { CrsInfo } from '../model/index.js';
import { datumShiftFor, type DatumShift, type DatumShiftUse } from './datum-shifts.js';

type Converter = (xy: readonly [number, number]) => [number, number];

const TOWGS84 = /\s*\+towgs84=\S+/g;
const ZERO_SHIFT = ' +towgs84=0,0,0,0,0,0,0';

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
  from: CrsInfo,
  to: CrsInfo,
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
  const use = datumShiftFor(from, to);
  if (use.kind === 'none' || use.kind === 'registry') return converterOf(from.proj4, to.proj4);
  if (use.kind === 'unknown') return converterOf(...definitions(from, to, null, false));
  const [first] = use.shifts;
  if (use.shifts.length === 1 && first !== undefined) {
    return converterOf(...definitions(from, to, first, use.inverse));
  }
  // Several areas for one pair: the point's own position (metre-level is plenty) picks the shift;
  // a point outside every area is carried over unshifted, as when no shift is known.
  const toLonLat = converterOf(from.proj4.replace(TOWGS84, ''), '+proj=longlat +ellps=GRS80');
  const each = use.shifts.map((s) => ({
    area: s.area,
    convert: converterOf(...definitions(from, to, s, use.inverse)),
  }));
  const unshifted = converterOf(...definitions(from, to, null, false));
  return (xy) => {
    const [lon, lat] = toLonLat(xy);
    return (each.find((e) => inside(e.area, lon, lat))?.convert ?? unshifted)(xy);
  };
}

/** How `createTransform(from, to)` crosses datums: what a caller reports to the user. */
export function describeTransform(from: CrsInfo, to: CrsInfo): DatumShiftUse {
  return datumShiftFor(from, to);
}
