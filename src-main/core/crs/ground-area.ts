import type { CrsInfo, Extent } from '../model/index.js';

/** CGCS2000 ellipsoid (EPSG:1024): semi-major axis and flattening. */
const A = 6378137;
const F = 1 / 298.257222101;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const RAD = Math.PI / 180;

/** The authalic q(φ) of an ellipsoid: the area between the equator and φ per radian of longitude is a²·q/2. */
function authalicQ(lat: number): number {
  const s = Math.sin(Math.max(-90, Math.min(90, lat)) * RAD);
  return (1 - E2) * (s / (1 - E2 * s * s) - Math.log((1 - E * s) / (1 + E * s)) / (2 * E));
}

/**
 * Ground area in km² of an extent of `crs`: for a geographic CRS the area of the longitude/latitude
 * box on the CGCS2000 ellipsoid (exact; the national datums differ from it by far less than the
 * thresholds' precision); for a projected CRS the planar area in its units squared times
 * metresPerUnit² (true for Gauss-Krüger and UTM near their meridian; larger than the ground for
 * Web Mercator away from the equator, so a threshold errs towards finding).
 */
export function groundAreaKm2(crs: CrsInfo, extent: Extent): number {
  const [minX, minY, maxX, maxY] = extent;
  if (maxX <= minX || maxY <= minY) return 0;
  if (crs.geographic) {
    const dLon = Math.min(360, maxX - minX) * RAD;
    return (A * A * dLon * Math.abs(authalicQ(maxY) - authalicQ(minY))) / 2 / 1e6;
  }
  const unit = crs.metresPerUnit ?? 1;
  return ((maxX - minX) * unit * (maxY - minY) * unit) / 1e6;
}
