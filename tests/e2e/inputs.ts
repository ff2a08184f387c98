import { fixture } from '../fixtures/index.js';

// The scenarios' input files from the generated fixture set. Functions, not constants: Playwright
// loads spec files to list the tests before its global setup has built the set.

/** Xian 1980 / 3-degree Gauss-Krüger zone 40 DEM on a 5 m grid (finer than the 100 m the review allows). */
export const demFile = (): string => fixture('chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');

/** Mineral occurrences (points), GBK attributes with a .cpg, CGCS2000 Gauss-Krüger. */
export const mineralPointsFile = (): string =>
  fixture('chinese', 'shapefile', 'kuangdian_gbk_cpg', '矿点.shp');

/** World countries with Chinese names, GeoJSON in WGS 84. */
export const worldFile = (): string => fixture('geojson', 'world.zh.json');
