import { geographicCodeOfShift, projParams } from '../../crs/index.js';
import type { CrsInfo } from '../../model/index.js';
import { unsupported } from '../format-error.js';
import { LINEAR_UNITS } from './epsg-codes.js';
import type { GeoKeyDirectory } from './geokey-directory.js';
import { COORD_TRANS, GEOKEY as K, USER_DEFINED } from './tiff-tags.js';

const DEGREE = 9102;
const GREENWICH = 8901;
const PIXEL_IS_AREA = 1;

/** Printable ASCII only (GeoAsciiParams is ASCII); other names are not cited. */
const asciiName = (name: string): string | null =>
  /^[\x20-\x7e]{1,120}$/.test(name) && !name.includes('|') ? name : null;

/**
 * The GeoKeys that describe `crs` in a written GeoTIFF (the inverse of the reader, ADR 0014).
 * An EPSG-coded CRS is written as its ProjectedCSType / GeographicType code alone; a `code: null`
 * CRS as user-defined keys for the projections the reader understands (angles in degrees,
 * false easting/northing in the CRS's linear unit, ellipsoid by semi-major axis and inverse
 * flattening, else semi-minor axis). A registry datum shift names its geographic CRS by code; no TOWGS84 key is
 * written. Throws FormatError `unsupported` for definitions that cannot be expressed.
 */
export function geoKeysOfCrs(crs: CrsInfo): GeoKeyDirectory {
  const shorts = new Map<number, number>();
  const doubles = new Map<number, readonly number[]>();
  const texts = new Map<number, string>();
  const code = /^EPSG:(\d+)$/.exec(crs.code ?? '')?.[1];
  shorts.set(K.GTModelType, crs.geographic ? 2 : 1);
  shorts.set(K.GTRasterType, PIXEL_IS_AREA);
  if (code !== undefined) {
    shorts.set(crs.geographic ? K.GeographicType : K.ProjectedCSType, Number(code));
    return { shorts, doubles, texts };
  }
  const params = projParams(crs.proj4);
  if (params === null || !Number.isFinite(params.a)) throw unsupported('crsUnreadable');
  const tokens = proj4Tokens(crs.proj4);
  const name = asciiName(crs.name);
  // Geodetic part.
  const shiftCode = geographicCodeOfShift(crs.proj4);
  shorts.set(K.GeographicType, shiftCode ?? USER_DEFINED);
  if (shiftCode === null) {
    shorts.set(K.GeogGeodeticDatum, USER_DEFINED);
    shorts.set(K.GeogEllipsoid, USER_DEFINED);
  }
  shorts.set(K.GeogAngularUnits, DEGREE);
  doubles.set(K.GeogSemiMajorAxis, [params.a]);
  const rf = tokens.values.get('rf');
  if (rf !== undefined) doubles.set(K.GeogInvFlattening, [rf]);
  else doubles.set(K.GeogSemiMinorAxis, [params.b]);
  if (shiftCode === null) {
    if (params.fromGreenwich === 0) shorts.set(K.GeogPrimeMeridian, GREENWICH);
    else {
      shorts.set(K.GeogPrimeMeridian, USER_DEFINED);
      doubles.set(K.GeogPrimeMeridianLong, [(params.fromGreenwich * 180) / Math.PI]);
    }
  }
  if (crs.geographic) {
    if (name !== null) texts.set(K.GeogCitation, name);
    return { shorts, doubles, texts };
  }
  // Projected part.
  if (name !== null) texts.set(K.GTCitation, name);
  shorts.set(K.ProjectedCSType, USER_DEFINED);
  shorts.set(K.Projection, USER_DEFINED);
  const unit = params.toMeter;
  const unitCode = [...LINEAR_UNITS].find(([, size]) => Math.abs(size - unit) < 1e-15 * size)?.[0];
  shorts.set(K.ProjLinearUnits, unitCode ?? USER_DEFINED);
  if (unitCode === undefined) doubles.set(K.ProjLinearUnitSize, [unit]);
  const [ct, values] = transformation(tokens, params.x0 / unit, params.y0 / unit);
  shorts.set(K.ProjCoordTrans, ct);
  for (const [id, v] of values) doubles.set(id, [v]);
  return { shorts, doubles, texts };
}

/** The `+key=value` pairs of a proj4 string; `values` holds the numeric ones. */
interface Proj4Tokens {
  readonly proj: string;
  readonly text: ReadonlyMap<string, string>;
  readonly values: ReadonlyMap<string, number>;
}

function proj4Tokens(proj4: string): Proj4Tokens {
  const text = new Map<string, string>();
  const values = new Map<string, number>();
  for (const m of proj4.matchAll(/\+(\w+)(?:=(\S+))?/g)) {
    const key = m[1] ?? '';
    const value = m[2] ?? '';
    text.set(key, value);
    const n = Number(value);
    if (value !== '' && Number.isFinite(n)) values.set(key, n);
  }
  return { proj: text.get('proj') ?? '', text, values };
}

type KeyValues = readonly (readonly [number, number])[];

/** ProjCoordTrans code and its parameter keys, the way GDAL writes them. */
function transformation(tokens: Proj4Tokens, fe: number, fn: number): readonly [number, KeyValues] {
  const t = tokens.values;
  const v = (key: string, fallback = 0): number => t.get(key) ?? fallback;
  const k = t.get('k') ?? t.get('k_0') ?? 1;
  const origin: KeyValues = [
    [K.ProjFalseEasting, fe],
    [K.ProjFalseNorthing, fn],
  ];
  if (tokens.text.has('axis') && tokens.text.get('axis') !== 'enu') throw unsupported('crsAxisOrder');
  switch (tokens.proj) {
    case 'utm': {
      const zone = v('zone');
      if (!(zone >= 1 && zone <= 60)) throw unsupported('utmZone');
      return [
        COORD_TRANS.TransverseMercator,
        [
          [K.ProjNatOriginLat, 0],
          [K.ProjNatOriginLong, zone * 6 - 183],
          [K.ProjScaleAtNatOrigin, 0.9996],
          ...origin,
        ],
      ];
    }
    case 'tmerc':
    case 'etmerc':
      return [
        COORD_TRANS.TransverseMercator,
        [
          [K.ProjNatOriginLat, v('lat_0')],
          [K.ProjNatOriginLong, v('lon_0')],
          [K.ProjScaleAtNatOrigin, k],
          ...origin,
        ],
      ];
    case 'lcc':
      if (!t.has('lat_2')) {
        return [
          COORD_TRANS.LambertConfConic1SP,
          [
            [K.ProjNatOriginLat, v('lat_1', v('lat_0'))],
            [K.ProjNatOriginLong, v('lon_0')],
            [K.ProjScaleAtNatOrigin, k],
            ...origin,
          ],
        ];
      }
      return [
        COORD_TRANS.LambertConfConic2SP,
        [
          [K.ProjStdParallel1, v('lat_1')],
          [K.ProjStdParallel2, v('lat_2')],
          [K.ProjFalseOriginLat, v('lat_0')],
          [K.ProjFalseOriginLong, v('lon_0')],
          [K.ProjFalseOriginEasting, fe],
          [K.ProjFalseOriginNorthing, fn],
        ],
      ];
    case 'aea':
      return [
        COORD_TRANS.AlbersEqualArea,
        [
          [K.ProjStdParallel1, v('lat_1')],
          [K.ProjStdParallel2, v('lat_2', v('lat_1'))],
          [K.ProjNatOriginLat, v('lat_0')],
          [K.ProjNatOriginLong, v('lon_0')],
          ...origin,
        ],
      ];
    case 'laea':
      return [
        COORD_TRANS.LambertAzimEqualArea,
        [[K.ProjCenterLat, v('lat_0')], [K.ProjCenterLong, v('lon_0')], ...origin],
      ];
    case 'merc':
      return t.has('lat_ts')
        ? [
            COORD_TRANS.Mercator,
            [
              [K.ProjStdParallel1, v('lat_ts')],
              [K.ProjNatOriginLat, 0],
              [K.ProjNatOriginLong, v('lon_0')],
              ...origin,
            ],
          ]
        : [
            COORD_TRANS.Mercator,
            [
              [K.ProjNatOriginLat, 0],
              [K.ProjNatOriginLong, v('lon_0')],
              [K.ProjScaleAtNatOrigin, k],
              ...origin,
            ],
          ];
    case 'stere': {
      const lat0 = v('lat_0');
      if (Math.abs(Math.abs(lat0) - 90) > 1e-9) throw unsupported('stereographicPolar');
      const latTs = t.get('lat_ts');
      const variantB = latTs !== undefined && Math.abs(Math.abs(latTs) - 90) > 1e-9;
      return [
        COORD_TRANS.PolarStereographic,
        [
          [K.ProjNatOriginLat, variantB ? latTs : lat0],
          [K.ProjStraightVertPoleLong, v('lon_0')],
          [K.ProjScaleAtNatOrigin, variantB ? 1 : k],
          ...origin,
        ],
      ];
    }
    case 'sterea':
      return [
        COORD_TRANS.ObliqueStereographic,
        [
          [K.ProjNatOriginLat, v('lat_0')],
          [K.ProjNatOriginLong, v('lon_0')],
          [K.ProjScaleAtNatOrigin, k],
          ...origin,
        ],
      ];
    case 'eqc':
      return [
        COORD_TRANS.Equirectangular,
        [
          [K.ProjCenterLat, v('lat_0')],
          [K.ProjCenterLong, v('lon_0')],
          [K.ProjStdParallel1, v('lat_ts')],
          ...origin,
        ],
      ];
    default:
      throw unsupported('projectionGeoKeys', { projection: tokens.proj === '' ? '?' : tokens.proj });
  }
}
