import type { CrsInfo, Extent } from '../model/index.js';
import type { PagePoint, Rect } from './page.js';

/** CGCS2000 (GRS 80) semi-major axis in metres and eccentricity squared. */
const A = 6378137;
const E2 = 0.0066943800229;

/**
 * Ground metres per degree of longitude and of latitude at latitude `lat` (degrees) on the
 * CGCS2000 ellipsoid: the parallel's and the meridian's radius of curvature.
 */
export function metresPerDegree(lat: number): [number, number] {
  const phi = (lat * Math.PI) / 180;
  const w = Math.sqrt(1 - E2 * Math.sin(phi) ** 2);
  const radians = Math.PI / 180;
  return [(A / w) * Math.cos(phi) * radians, ((A * (1 - E2)) / w ** 3) * radians];
}

/**
 * A map frame as drawn: the CRS its content is projected into, the centre of its extent in that
 * CRS (x = easting/longitude), its scale (1:N) and where it sits on the page. A geographic frame
 * is drawn with its centre latitude's ground lengths on both axes (a plate carrée true to scale
 * along the centre parallel and every meridian).
 */
export interface MapView {
  readonly crs: CrsInfo;
  readonly center: readonly [number, number];
  readonly scale: number;
  readonly frame: Rect;
}

/** Page millimetres per CRS unit along x and y. */
export function mmPerUnit(crs: CrsInfo, centerY: number, scale: number): [number, number] {
  const perMetre = 1000 / scale;
  if (crs.metresPerUnit !== null) return [crs.metresPerUnit * perMetre, crs.metresPerUnit * perMetre];
  const [x, y] = metresPerDegree(centerY);
  return [x * perMetre, y * perMetre];
}

/** The extent in the view's CRS that its frame shows. */
export function viewExtent(view: MapView): Extent {
  const [kx, ky] = mmPerUnit(view.crs, view.center[1], view.scale);
  const halfX = view.frame.width / 2 / kx;
  const halfY = view.frame.height / 2 / ky;
  return [view.center[0] - halfX, view.center[1] - halfY, view.center[0] + halfX, view.center[1] + halfY];
}

/** CRS coordinates (x east, y north) to page mm (y down). */
export function toPage(view: MapView): (x: number, y: number) => PagePoint {
  const [kx, ky] = mmPerUnit(view.crs, view.center[1], view.scale);
  const cx = view.frame.x + view.frame.width / 2;
  const cy = view.frame.y + view.frame.height / 2;
  return (x, y) => [cx + (x - view.center[0]) * kx, cy - (y - view.center[1]) * ky];
}

/** The frame size in mm an extent takes at a scale (for a frame fitted to a sheet). */
export function extentSize(crs: CrsInfo, extent: Extent, scale: number): { width: number; height: number } {
  const [kx, ky] = mmPerUnit(crs, (extent[1] + extent[3]) / 2, scale);
  return { width: (extent[2] - extent[0]) * kx, height: (extent[3] - extent[1]) * ky };
}
