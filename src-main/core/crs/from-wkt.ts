import type { CrsInfo } from '../model/index.js';
import { datumKey } from './datum-names.js';
import type { EpsgRow } from './epsg-table.js';
import { type ProjParams, proj4StringOf, projParams, sameParams } from './proj-params.js';
import { crsFromEpsg, crsFromRow, registryRows } from './registry.js';
import { isGeographicProj4, metresPerUnitOfProj4 } from './units.js';
import { scanWkt } from './wkt-scan.js';

interface Candidate {
  readonly row: EpsgRow;
  readonly params: ProjParams;
  readonly datum: string;
}

const FAMILY_OF_PROJ: Readonly<Record<string, string>> = {
  utm: 'tmerc',
  etmerc: 'tmerc',
  latlong: 'longlat',
};
const byFamily = new Map<string, readonly Candidate[]>();

/** Registry rows of one projection family with their parsed parameters (built once per family). */
function candidatesOf(family: string): readonly Candidate[] {
  const cached = byFamily.get(family);
  if (cached !== undefined) return cached;
  const list: Candidate[] = [];
  for (const row of registryRows()) {
    const proj = /\+proj=(\w+)/.exec(row[2])?.[1] ?? '';
    if ((FAMILY_OF_PROJ[proj] ?? proj) !== family) continue;
    const params = projParams(row[2]);
    if (params !== null) list.push({ row, params, datum: datumKey(row[3]) });
  }
  byFamily.set(family, list);
  return list;
}

const nameKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Picks the registry row for parameters read from a WKT, or null when none or several fit. */
function matchRegistry(params: ProjParams, datum: string, name: string): EpsgRow | null {
  const same = candidatesOf(params.family).filter((c) => sameParams(c.params, params));
  if (same.length === 0) return null;
  const sameDatum = datum === '' ? [] : same.filter((c) => c.datum === datum);
  const pool = sameDatum.length > 0 ? sameDatum : same;
  if (pool.length === 1) return pool[0]?.row ?? null;
  const byName = pool.filter((c) => nameKey(c.row[1]) === nameKey(name));
  if (byName.length === 1) return byName[0]?.row ?? null;
  // Several rows on the same datum with identical numbers are aliases of one CRS: take the oldest.
  if (sameDatum.length > 0) return [...pool].sort((x, y) => x.row[0] - y.row[0])[0]?.row ?? null;
  return null;
}

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
