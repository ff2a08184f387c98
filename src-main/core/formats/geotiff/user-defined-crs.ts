import { crsFromEpsg, crsFromProj4, crsFromWkt, datumOfEpsg, projParams } from '../../crs/index.js';
import type { CrsInfo } from '../../model/index.js';
import {
  ANGULAR_UNITS,
  ELLIPSOIDS,
  LINEAR_UNITS,
  PRIME_MERIDIANS,
  geographicOfDatum,
  tmConversion,
} from './epsg-codes.js';
import type { GeoKeyDirectory } from './geokey-directory.js';
import { COORD_TRANS, GEOKEY as K, USER_DEFINED } from './tiff-tags.js';

const R2D = 180 / Math.PI;
const isCode = (v: number | undefined): v is number => v !== undefined && v > 0 && v < USER_DEFINED;
const fmt = (v: number): string => String(Object.is(v, -0) ? 0 : v);

interface Ellipsoid {
  readonly a: number;
  /** Inverse flattening; 0 for a sphere; null when only the semi-minor axis is known. */
  readonly rf: number | null;
  readonly b: number;
}

/** The geodetic half of a CRS: ellipsoid, prime meridian, registry datum shift and names. */
interface GeodeticBase {
  readonly ellipsoid: Ellipsoid;
  /** Degrees east of Greenwich. */
  readonly pm: number;
  readonly towgs84: readonly number[] | null;
  /** Datum name for registry matching ('' when the file does not say). */
  readonly datum: string;
  /** Name of the geographic CRS when the file or the registry gives one. */
  readonly name: string;
  /** Degrees per GeogAngularUnit (the unit of every angle key). */
  readonly angle: number;
}

/**
 * Builds a CrsInfo from user-defined GeoKeys the way libgeotiff's GTIFGetDefn reads them:
 * geographic CRS from an EPSG geographic/datum/ellipsoid code or explicit axes, projection from an
 * EPSG zone code (ProjectionGeoKey) or a coordinate transformation with its parameters (angles
 * in GeogAngularUnits, false eastings/northings in ProjLinearUnits). `code` is an EPSG code only
 * when the definition and the named datum match a registry row exactly (ADR 0014). A datum shift
 * (+towgs84) is only ever taken from the registry entry of an EPSG datum or geographic code;
 * GeogTOWGS84GeoKey is ignored. Null when the keys do not define a CRS we can express.
 */
export function crsFromGeoKeys(keys: GeoKeyDirectory): CrsInfo | null {
  const esri = esriPeString(keys);
  if (esri !== null) return esri;
  const model = keys.shorts.get(K.GTModelType);
  const projected =
    model === 1 ||
    (model === undefined && (keys.shorts.has(K.ProjectedCSType) || keys.shorts.has(K.ProjCoordTrans)));
  if (!projected && model !== undefined && model !== 2) return null;
  const base = geodeticBase(keys);
  if (base === null) return null;
  const geog = geographicProj4(base);
  if (!projected) {
    if (base.angle !== 1) return null;
    return crsFromProj4(geog, {
      name: base.name !== '' ? base.name : describeGeographic(base),
      datum: base.datum,
    });
  }
  const projection = projectionOf(keys, base);
  if (projection === null) return null;
  const units = linearUnitOf(keys);
  if (units === null) return null;
  const definition = `${projection.proj4} ${geog.replace('+proj=longlat ', '').replace(' +no_defs', '')} ${units} +no_defs`;
  const name = citation(keys.texts.get(K.PCSCitation)) ?? citation(keys.texts.get(K.GTCitation));
  return crsFromProj4(definition, {
    name: name ?? `${projection.name} (${base.name !== '' ? base.name : ellipsoidName(base.ellipsoid)})`,
    datum: base.datum,
  });
}

function geodeticBase(keys: GeoKeyDirectory): GeodeticBase | null {
  const short = (id: number): number | undefined => keys.shorts.get(id);
  const double = (id: number): number | undefined => keys.doubles.get(id)?.[0];
  const angleCode = short(K.GeogAngularUnits);
  let angle = 1;
  if (angleCode === USER_DEFINED) {
    const size = double(K.GeogAngularUnitSize);
    if (size === undefined || !(size > 0)) return null;
    angle = size * R2D;
  } else if (angleCode !== undefined) {
    const known = ANGULAR_UNITS.get(angleCode);
    if (known === undefined) return null;
    angle = known;
  }
  const gcsCode = short(K.GeographicType);
  const datumCode = short(K.GeogGeodeticDatum);
  const registryCode = isCode(gcsCode) ? gcsCode : isCode(datumCode) ? geographicOfDatum(datumCode) : null;
  const fromRegistry = registryCode === null ? null : crsFromEpsg(registryCode);
  const registry = fromRegistry?.geographic === true ? projParams(fromRegistry.proj4) : null;
  let a = registry?.a;
  let b = registry?.b;
  let rf: number | null = null;
  const ellipsoidCode = short(K.GeogEllipsoid);
  const listed = isCode(ellipsoidCode) ? ELLIPSOIDS.get(ellipsoidCode) : undefined;
  if (isCode(ellipsoidCode) && listed === undefined && double(K.GeogSemiMajorAxis) === undefined) return null;
  if (listed !== undefined) ({ a, rf } = listed);
  const semiMajor = double(K.GeogSemiMajorAxis);
  if (semiMajor !== undefined) a = semiMajor;
  const inverseFlattening = double(K.GeogInvFlattening);
  const semiMinor = double(K.GeogSemiMinorAxis);
  if (inverseFlattening !== undefined) rf = inverseFlattening;
  else if (semiMinor !== undefined) {
    rf = null;
    b = semiMinor;
  }
  if (a === undefined || !(a > 0) || !Number.isFinite(a)) return null;
  if (rf !== null) b = rf === 0 ? a : a * (1 - 1 / rf);
  if (b === undefined || !(b > 0) || b > a) return null;
  const ellipsoid: Ellipsoid = { a, rf, b };
  const pmCode = short(K.GeogPrimeMeridian);
  let pm = registry === null ? 0 : registry.fromGreenwich * R2D;
  if (pmCode === USER_DEFINED || (pmCode === undefined && registry === null)) {
    pm = (double(K.GeogPrimeMeridianLong) ?? 0) * angle;
  } else if (isCode(pmCode)) {
    const known = PRIME_MERIDIANS.get(pmCode);
    if (known === undefined) return null;
    pm = known;
  }
  // A registry shift belongs to the registry ellipsoid and meridian; overridden, it means nothing.
  const sameEllipsoid =
    registry !== null &&
    Math.abs(registry.a - a) < 1e-3 &&
    Math.abs(registry.b - b) < 1e-3 &&
    Math.abs(registry.fromGreenwich * R2D - pm) < 1e-9;
  const geogCitation = keys.texts.get(K.GeogCitation);
  const citedDatum = /Datum = ([^|]*)/.exec(geogCitation ?? '')?.[1]?.trim() ?? '';
  const registryDatum = sameEllipsoid && registryCode !== null ? datumOfEpsg(registryCode) : null;
  const datum = registryDatum ?? (/^(unknown|unnamed|not specified)/i.test(citedDatum) ? '' : citedDatum);
  return {
    ellipsoid,
    pm,
    towgs84: sameEllipsoid ? registry.towgs84 : null,
    datum,
    name: citation(geogCitation) ?? (sameEllipsoid ? (fromRegistry?.name ?? '') : ''),
    angle,
  };
}

function geographicProj4(base: GeodeticBase): string {
  const { a, rf, b } = base.ellipsoid;
  const parts = [
    '+proj=longlat',
    `+a=${fmt(a)}`,
    rf !== null && rf !== 0 ? `+rf=${fmt(rf)}` : `+b=${fmt(b)}`,
  ];
  if (base.towgs84 !== null) parts.push(`+towgs84=${base.towgs84.map(fmt).join(',')}`);
  if (base.pm !== 0) parts.push(`+pm=${fmt(base.pm)}`);
  parts.push('+no_defs');
  return parts.join(' ');
}

interface Projection {
  /** `+proj=... +x_0 +y_0` in degrees and metres, without ellipsoid or units. */
  readonly proj4: string;
  /** Short description for CRSs the file does not name. */
  readonly name: string;
}

function projectionOf(keys: GeoKeyDirectory, base: GeodeticBase): Projection | null {
  const code = keys.shorts.get(K.Projection);
  if (isCode(code)) {
    const tm = tmConversion(code);
    if (tm === null) return null;
    return {
      proj4: `+proj=tmerc +lat_0=0 +lon_0=${fmt(tm.lon0)} +k=${fmt(tm.k)} +x_0=${fmt(tm.x0)} +y_0=${fmt(tm.y0)}`,
      name: tm.name,
    };
  }
  const unit = linearUnitSize(keys);
  if (unit === null) return null;
  const first = (ids: readonly number[]): number | undefined => {
    for (const id of ids) {
      const v = keys.doubles.get(id)?.[0] ?? keys.shorts.get(id);
      if (v !== undefined && Number.isFinite(v)) return v;
    }
    return undefined;
  };
  const angle = (...ids: number[]): number | undefined => {
    const v = first(ids);
    return v === undefined ? undefined : v * base.angle;
  };
  const fe = (first([K.ProjFalseEasting, K.ProjCenterEasting, K.ProjFalseOriginEasting]) ?? 0) * unit;
  const fn = (first([K.ProjFalseNorthing, K.ProjCenterNorthing, K.ProjFalseOriginNorthing]) ?? 0) * unit;
  const lon0 = angle(K.ProjNatOriginLong, K.ProjFalseOriginLong, K.ProjCenterLong) ?? 0;
  const lat0 = angle(K.ProjNatOriginLat, K.ProjFalseOriginLat, K.ProjCenterLat) ?? 0;
  const scale = first([K.ProjScaleAtNatOrigin, K.ProjScaleAtCenter]) ?? 1;
  const sp1 = angle(K.ProjStdParallel1);
  const sp2 = angle(K.ProjStdParallel2);
  const offsets = `+x_0=${fmt(fe)} +y_0=${fmt(fn)}`;
  const p = (text: string, name: string): Projection => ({ proj4: `${text} ${offsets}`, name });
  switch (keys.shorts.get(K.ProjCoordTrans)) {
    case COORD_TRANS.TransverseMercator:
      return p(
        `+proj=tmerc +lat_0=${fmt(lat0)} +lon_0=${fmt(lon0)} +k=${fmt(scale)}`,
        `Transverse Mercator, CM ${fmt(lon0)}`,
      );
    case COORD_TRANS.LambertConfConic1SP:
      return p(
        `+proj=lcc +lat_1=${fmt(lat0)} +lat_0=${fmt(lat0)} +lon_0=${fmt(lon0)} +k_0=${fmt(scale)}`,
        'Lambert Conic Conformal (1SP)',
      );
    case COORD_TRANS.LambertConfConic2SP:
      if (sp1 === undefined) return null;
      return p(
        `+proj=lcc +lat_0=${fmt(lat0)} +lon_0=${fmt(lon0)} +lat_1=${fmt(sp1)} +lat_2=${fmt(sp2 ?? sp1)}`,
        'Lambert Conic Conformal (2SP)',
      );
    case COORD_TRANS.AlbersEqualArea:
      if (sp1 === undefined) return null;
      return p(
        `+proj=aea +lat_0=${fmt(lat0)} +lon_0=${fmt(lon0)} +lat_1=${fmt(sp1)} +lat_2=${fmt(sp2 ?? sp1)}`,
        'Albers Equal Area',
      );
    case COORD_TRANS.LambertAzimEqualArea:
      return p(`+proj=laea +lat_0=${fmt(lat0)} +lon_0=${fmt(lon0)}`, 'Lambert Azimuthal Equal Area');
    case COORD_TRANS.Mercator:
      return sp1 !== undefined && !keys.doubles.has(K.ProjScaleAtNatOrigin)
        ? p(`+proj=merc +lat_ts=${fmt(sp1)} +lon_0=${fmt(lon0)}`, 'Mercator (2SP)')
        : p(`+proj=merc +lon_0=${fmt(lon0)} +k=${fmt(scale)}`, 'Mercator (1SP)');
    case COORD_TRANS.PolarStereographic: {
      const pole = angle(
        K.ProjStraightVertPoleLong,
        K.ProjNatOriginLong,
        K.ProjFalseOriginLong,
        K.ProjCenterLong,
      );
      const lon = fmt(pole ?? 0);
      if (Math.abs(Math.abs(lat0) - 90) < 1e-9) {
        return p(`+proj=stere +lat_0=${fmt(lat0)} +lon_0=${lon} +k=${fmt(scale)}`, 'Polar Stereographic');
      }
      if (lat0 === 0) return null;
      return p(
        `+proj=stere +lat_0=${lat0 > 0 ? '90' : '-90'} +lat_ts=${fmt(lat0)} +lon_0=${lon}`,
        'Polar Stereographic',
      );
    }
    case COORD_TRANS.ObliqueStereographic:
      return p(
        `+proj=sterea +lat_0=${fmt(lat0)} +lon_0=${fmt(lon0)} +k=${fmt(scale)}`,
        'Oblique Stereographic',
      );
    case COORD_TRANS.Equirectangular:
      return p(
        `+proj=eqc +lat_ts=${fmt(sp1 ?? 0)} +lat_0=${fmt(lat0)} +lon_0=${fmt(lon0)}`,
        'Equirectangular',
      );
    default:
      return null;
  }
}

/** Metres per ProjLinearUnit (metre when the key is absent); null for an unknown code. */
function linearUnitSize(keys: GeoKeyDirectory): number | null {
  const code = keys.shorts.get(K.ProjLinearUnits);
  if (code === undefined) return 1;
  if (code === USER_DEFINED) {
    const size = keys.doubles.get(K.ProjLinearUnitSize)?.[0];
    return size !== undefined && size > 0 && Number.isFinite(size) ? size : null;
  }
  return LINEAR_UNITS.get(code) ?? null;
}

/** The proj4 unit clause for the projected axes. */
function linearUnitOf(keys: GeoKeyDirectory): string | null {
  const size = linearUnitSize(keys);
  if (size === null) return null;
  if (size === 1) return '+units=m';
  if (size === 0.3048) return '+units=ft';
  if (Math.abs(size - 1200 / 3937) < 1e-15) return '+units=us-ft';
  return `+to_meter=${fmt(size)}`;
}

/**
 * The name in a citation key: GDAL's and ESRI's `PCS Name = X|...`, `GCS Name = X|...`, the
 * PROJCS name in `ESRI PE String = ...`, or the plain text. Null for empty or "unknown".
 */
const PE_STRING = /^ESRI PE String = (.+)$/s;

/**
 * ArcGIS writes the whole CRS as ESRI WKT in a citation ("ESRI PE String = PROJCS[...]"), with
 * keys that may say no more than "user-defined" (GDAL does too for CRSs GeoKeys cannot express,
 * such as Web Mercator). GDAL reads the CRS from that text; so do we, through core/crs's WKT
 * matching, when the text is a CRS it can read.
 */
function esriPeString(keys: GeoKeyDirectory): CrsInfo | null {
  for (const key of [K.PCSCitation, K.GTCitation, K.GeogCitation]) {
    const wkt = PE_STRING.exec(keys.texts.get(key)?.trim() ?? '')?.[1];
    if (wkt !== undefined) return crsFromWkt(wkt);
  }
  return null;
}

function citation(text: string | undefined): string | null {
  if (text === undefined) return null;
  const named =
    /(?:PCS|GCS) Name = ([^|]*)/.exec(text)?.[1] ?? /(?:PROJCS|GEOGCS)\["([^"]*)"/.exec(text)?.[1];
  const name = (named ?? (text.includes('=') ? '' : text)).trim().slice(0, 120);
  return name === '' || /^(unknown|unnamed|m)$/i.test(name) ? null : name;
}

function ellipsoidName(e: Ellipsoid): string {
  for (const known of ELLIPSOIDS.values()) {
    const b = known.rf === 0 ? known.a : known.a * (1 - 1 / known.rf);
    if (Math.abs(known.a - e.a) < 1e-3 && Math.abs(b - e.b) < 1e-3) return `${known.name} ellipsoid`;
  }
  return `ellipsoid a=${fmt(e.a)} 1/f=${e.rf !== null ? fmt(e.rf) : fmt(e.a / (e.a - e.b))}`;
}

const describeGeographic = (base: GeodeticBase): string => `Geographic (${ellipsoidName(base.ellipsoid)})`;
