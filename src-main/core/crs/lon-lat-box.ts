import type { CrsInfo, Extent } from '../model/index.js';
import { createTransform } from './transform.js';

const LON_LAT: CrsInfo = {
  code: 'EPSG:4326',
  name: 'WGS 84',
  proj4: '+proj=longlat +datum=WGS84 +no_defs',
  geographic: true,
  metresPerUnit: null,
};

/**
 * The lon/lat box around an extent in `crs`, from its corners and edge midpoints (what a catalogue
 * filter by area needs; datum differences of metres do not matter there). Null without an extent
 * or CRS, or when a point falls outside the projection's domain.
 */
export function lonLatBox(extent: Extent | null, crs: CrsInfo | null): Extent | null {
  if (!extent || !crs || !extent.every(Number.isFinite)) return null;
  const [x0, y0, x1, y1] = extent;
  if (x0 > x1 || y0 > y1) return null;
  if (crs.geographic) return [x0, y0, x1, y1];
  const toLonLat = createTransform(crs, LON_LAT);
  const xm = (x0 + x1) / 2;
  const ym = (y0 + y1) / 2;
  const corners: readonly (readonly [number, number])[] = [
    [x0, y0],
    [x1, y0],
    [x0, y1],
    [x1, y1],
    [xm, y0],
    [xm, y1],
    [x0, ym],
    [x1, ym],
  ];
  const points = corners.map((p) => toLonLat(p));
  if (!points.every(([lon, lat]) => Number.isFinite(lon) && Number.isFinite(lat))) return null;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}
