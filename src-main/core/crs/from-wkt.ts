import type { CrsInfo } from '../model/index.js';
import { datumKey } from './datum-names.js';
import { proj4StringOf, projParams } from './proj-params.js';
import { crsFromEpsg, crsFromRow } from './registry.js';
import { matchRegistry } from './registry-match.js';
import { isGeographicProj4, metresPerUnitOfProj4 } from './units.js';
import { scanWkt } from './wkt-scan.js';

/**
 * Identifies a CRS from OGC WKT1, ESRI .prj WKT or WKT2 text. Order: the root's own
 * AUTHORITY["EPSG",n] / ID["EPSG",n]; else the registry row whose projection parameters,
 * ellipsoid and datum match (ESRI names such as `CGCS2000_3_Degree_GK_CM_108E` or
 * `WGS_1984_UTM_Zone_18N` resolve this way); else a CrsInfo with `code: null` whose proj4 is
 * built from the WKT. Null when the text is not a CRS proj4js can read.
 */
export function crsFromWkt(wkt: string): CrsInfo | null {
  const head = scanWkt(wkt);
  if (head === null) return null;
  if (head.epsg !== null) {
    const known = crsFromEpsg(head.epsg);
    if (known !== null) return known;
  }
  const parsed = projParams(wkt.trim());
  if (parsed === null || !Number.isFinite(parsed.a)) return null;
  // ESRI's Web Mercator is spherical although its GEOGCS names the WGS 84 ellipsoid.
  const params = /Mercator_Auxiliary_Sphere/i.test(wkt) ? { ...parsed, b: parsed.a } : parsed;
  const row = matchRegistry(params, datumKey(head.datum), head.name);
  if (row !== null) return crsFromRow(row);
  const proj4 = proj4StringOf(params) ?? wkt.trim();
  const geographic = params.family === 'longlat';
  return {
    code: null,
    name: head.name === '' ? 'unnamed' : head.name,
    proj4,
    geographic: geographic || isGeographicProj4(proj4),
    metresPerUnit: geographic ? null : proj4.startsWith('+') ? metresPerUnitOfProj4(proj4) : params.toMeter,
  };
}
