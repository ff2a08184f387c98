import proj4 from 'proj4';
import type { CrsInfo } from '../model/index.js';

/**
 * Builds a coordinate transform between two CRSs. Input and output are always x first
 * (easting/longitude), y second (northing/latitude), in each CRS's own units (degrees for
 * geographic CRSs), regardless of the EPSG axis order. Grid-based datum shifts are not
 * available (none are shipped): such pairs transform with the ellipsoid/Helmert change only.
 * Returns [NaN, NaN] for points outside a projection's domain.
 */
export function createTransform(
  from: CrsInfo,
  to: CrsInfo,
): (xy: readonly [number, number]) => [number, number] {
  if (from.proj4 === to.proj4) return (xy) => [xy[0], xy[1]];
  const converter = proj4(from.proj4, to.proj4);
  return (xy) => {
    const out = converter.forward([xy[0], xy[1]]);
    return [out[0] ?? NaN, out[1] ?? NaN];
  };
}
