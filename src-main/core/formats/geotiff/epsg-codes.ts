/**
 * The few EPSG codes GeoKeys use for ellipsoids, prime meridians, units, datums and projections,
 * with values from the EPSG dataset (as in PROJ's proj.db). Codes not listed here make a
 * user-defined CRS unreadable rather than guessed.
 */

/** EPSG ellipsoid code -> semi-major axis (m) and inverse flattening (0 for a sphere). */
export const ELLIPSOIDS: ReadonlyMap<
  number,
  { readonly name: string; readonly a: number; readonly rf: number }
> = new Map([
  [7019, { name: 'GRS 1980', a: 6378137, rf: 298.257222101 }],
  [1024, { name: 'CGCS2000', a: 6378137, rf: 298.257222101 }],
  [7049, { name: 'IAG 1975', a: 6378140, rf: 298.257 }],
  [7024, { name: 'Krassowsky 1940', a: 6378245, rf: 298.3 }],
  [7030, { name: 'WGS 84', a: 6378137, rf: 298.257223563 }],
  [7043, { name: 'WGS 72', a: 6378135, rf: 298.26 }],
  [7022, { name: 'International 1924', a: 6378388, rf: 297 }],
  [7004, { name: 'Bessel 1841', a: 6377397.155, rf: 299.1528128 }],
  [7001, { name: 'Airy 1830', a: 6377563.396, rf: 299.3249646 }],
  [7002, { name: 'Airy Modified 1849', a: 6377340.189, rf: 299.3249646 }],
  [7003, { name: 'Australian National Spheroid', a: 6378160, rf: 298.25 }],
  [7008, { name: 'Clarke 1866', a: 6378206.4, rf: 6378206.4 / (6378206.4 - 6356583.8) }],
  [7011, { name: 'Clarke 1880 (IGN)', a: 6378249.2, rf: 6378249.2 / (6378249.2 - 6356515) }],
  [7012, { name: 'Clarke 1880 (RGS)', a: 6378249.145, rf: 293.465 }],
  [7015, { name: 'Everest 1830 (1937 Adjustment)', a: 6377276.345, rf: 300.8017 }],
  [7016, { name: 'Everest 1830 (1967 Definition)', a: 6377298.556, rf: 300.8017 }],
  [7044, { name: 'Everest 1830 (1962 Definition)', a: 6377301.243, rf: 300.8017255 }],
  [7048, { name: 'GRS 1980 Authalic Sphere', a: 6371007, rf: 0 }],
  [7052, { name: 'Clarke 1866 Authalic Sphere', a: 6370997, rf: 0 }],
  [7059, { name: 'Popular Visualisation Sphere', a: 6378137, rf: 0 }],
]);

const dms = (d: number, m: number, s: number): number => Math.sign(d) * (Math.abs(d) + m / 60 + s / 3600);

/** EPSG prime meridian code -> longitude from Greenwich, degrees. */
export const PRIME_MERIDIANS: ReadonlyMap<number, number> = new Map([
  [8901, 0],
  [8902, dms(-9, 7, 54.862)],
  [8903, 2.5969213 * 0.9],
  [8904, dms(-74, 4, 51.3)],
  [8905, dms(-3, 41, 14.55)],
  [8906, dms(12, 27, 8.4)],
  [8907, dms(7, 26, 22.5)],
  [8908, dms(106, 48, 27.79)],
  [8909, dms(-17, 40, 0)],
  [8910, dms(4, 22, 4.71)],
  [8911, dms(18, 3, 29.8)],
  [8912, dms(23, 42, 58.815)],
  [8913, dms(10, 43, 22.5)],
  [8914, dms(2, 20, 13.95)],
]);

/** EPSG linear unit code -> metres per unit. */
export const LINEAR_UNITS: ReadonlyMap<number, number> = new Map([
  [9001, 1],
  [9002, 0.3048],
  [9003, 1200 / 3937],
  [9005, 0.3047972654],
  [9014, 1.8288],
  [9030, 1852],
  [9036, 1000],
  [9037, 0.9143917962],
  [9041, 0.304799471538676],
  [9070, 0.304800833333333],
  [9080, 0.304799510248147],
  [9081, 0.30479841],
  [9082, 0.3047996],
  [9085, 0.91439523],
  [9093, 1609.344],
  [9094, 0.304799710181509],
  [9095, 0.3048007491],
  [9096, 0.9144],
  [9097, 20.1168],
  [9098, 0.201168],
]);

/** EPSG angular unit code -> degrees per unit (9110 sexagesimal DMS is not supported). */
export const ANGULAR_UNITS: ReadonlyMap<number, number> = new Map([
  [9101, 180 / Math.PI],
  [9102, 1],
  [9103, 1 / 60],
  [9104, 1 / 3600],
  [9105, 0.9],
  [9106, 0.9],
  [9109, 180e-6 / Math.PI],
  [9122, 1],
]);

/**
 * EPSG datum codes whose geographic CRS is not "datum code - 2000" (the EPSG convention for the
 * 6xxx datums), for the geographic CRSs of our registry.
 */
export const DATUM_TO_GEOGRAPHIC: ReadonlyMap<number, number> = new Map([
  [1032, 4023],
  [1033, 4046],
  [1034, 4075],
  [1035, 4081],
  [1036, 4470],
  [1037, 4475],
  [1038, 4463],
  [1042, 4483],
  [1043, 4490],
  [1044, 4823],
  [1045, 4555],
  [1046, 4824],
  [1047, 4558],
  [6126, 4669],
  [6140, 4617],
  [6634, 4662],
]);

/** Geographic CRS codes 4001-4999 whose datum is not "code + 2000" (see DATUM_TO_GEOGRAPHIC). */
const OFF_CONVENTION = new Set(DATUM_TO_GEOGRAPHIC.values());

/** The geographic CRS code that carries an EPSG datum, or null when we cannot tell. */
export function geographicOfDatum(datum: number): number | null {
  const listed = DATUM_TO_GEOGRAPHIC.get(datum);
  if (listed !== undefined) return listed;
  const gcs = datum - 2000;
  return datum >= 6001 && datum <= 6999 && !OFF_CONVENTION.has(gcs) ? gcs : null;
}

/** Transverse Mercator parameters of an EPSG projection (conversion) code; degrees and metres. */
export interface TmConversion {
  readonly name: string;
  readonly lon0: number;
  readonly k: number;
  readonly x0: number;
  readonly y0: number;
}

const wrap = (lon: number): number => (lon > 180 ? lon - 360 : lon);
const cm = (lon: number): string => (lon < 0 ? `${String(-lon)}W` : `${String(lon)}E`);

/**
 * The EPSG conversion codes ProjectionGeoKey carries for zoned Transverse Mercator systems: UTM
 * (16001-16060 N, 16101-16160 S), 6-degree Gauss-Kruger zones (16201-16260) and central
 * meridians (16301-16360), 3-degree Gauss-Kruger zones (16261-16299, 16070-16094) and central
 * meridians (16361-16399, 16170-16194). Ranges checked against proj.db (EPSG 10.x).
 */
export function tmConversion(code: number): TmConversion | null {
  const gk = (zone: number, lon: number, x0: number, label: string): TmConversion => ({
    name: label,
    lon0: wrap(lon),
    k: 1,
    x0: x0 === 0 ? zone * 1e6 + 500000 : x0,
    y0: 0,
  });
  if (code >= 16001 && code <= 16060) {
    const z = code - 16000;
    return { name: `UTM zone ${String(z)}N`, lon0: z * 6 - 183, k: 0.9996, x0: 500000, y0: 0 };
  }
  if (code >= 16101 && code <= 16160) {
    const z = code - 16100;
    return { name: `UTM zone ${String(z)}S`, lon0: z * 6 - 183, k: 0.9996, x0: 500000, y0: 10000000 };
  }
  if (code >= 16201 && code <= 16260) {
    const z = code - 16200;
    return gk(z, z * 6 - 3, 0, `6-degree Gauss-Kruger zone ${String(z)}`);
  }
  const threeZone =
    code >= 16261 && code <= 16299 ? code - 16260 : code >= 16070 && code <= 16094 ? code - 16030 : 0;
  if (threeZone > 0)
    return gk(threeZone, threeZone * 3, 0, `3-degree Gauss-Kruger zone ${String(threeZone)}`);
  if (code >= 16301 && code <= 16360) {
    const lon = wrap((code - 16300) * 6 - 3);
    return gk(0, lon, 500000, `Gauss-Kruger CM ${cm(lon)}`);
  }
  const threeCm =
    code >= 16361 && code <= 16399 ? code - 16360 : code >= 16170 && code <= 16194 ? code - 16130 : 0;
  if (threeCm > 0) {
    const lon = wrap(threeCm * 3);
    return gk(0, lon, 500000, `3-degree Gauss-Kruger CM ${cm(lon)}`);
  }
  return null;
}
