import { crsNameKey, nameFacts } from './crs-names.js';
import { datumKey } from './datum-names.js';
import { type ProjParams, projParams, sameParams } from './proj-params.js';
import { registryRows, type EpsgRow } from './registry.js';

export interface Candidate {
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
/** The rows `byFamily` was built from: a newly installed registry starts a fresh cache. */
let cachedRows: readonly EpsgRow[] | null = null;

/** Registry rows of one projection family with their parsed parameters (built once per family). */
export function candidatesOf(family: string): readonly Candidate[] {
  const rows = registryRows();
  if (rows !== cachedRows) {
    byFamily.clear();
    cachedRows = rows;
  }
  const cached = byFamily.get(family);
  if (cached !== undefined) return cached;
  const list: Candidate[] = [];
  for (const row of rows) {
    const proj = /\+proj=(\w+)/.exec(row[2])?.[1] ?? '';
    if ((FAMILY_OF_PROJ[proj] ?? proj) !== family) continue;
    const params = projParams(row[2]);
    if (params !== null) list.push({ row, params, datum: datumKey(row[3]) });
  }
  byFamily.set(family, list);
  return list;
}

/**
 * Among rows with identical parameters, the one the file names (ADR 0101): the row whose folded
 * name equals the file's, else the only rows whose Gauss-Krüger zone width agrees with the width the
 * name states (`CGCS2000_3_Degree_GK_CM_117E` is the 3° EPSG:4548, not the 6° EPSG:4509).
 */
function namedBy(pool: readonly Candidate[], name: string): readonly Candidate[] {
  const key = crsNameKey(name);
  if (key === '') return [];
  const exact = pool.filter((c) => crsNameKey(c.row[1]) === key);
  if (exact.length > 0) return exact;
  const width = nameFacts(name).zoneWidth;
  if (width === null) return [];
  const sameWidth = pool.filter((c) => nameFacts(c.row[1]).zoneWidth === width);
  return sameWidth.length < pool.length ? sameWidth : [];
}

const oldest = (pool: readonly Candidate[]): EpsgRow | null =>
  [...pool].sort((x, y) => x.row[0] - y.row[0])[0]?.row ?? null;

/**
 * Picks the registry row for parameters read from a WKT (ADR 0021), or null when none or several
 * fit. `strict` (GeoKeys, ADR 0014) requires a datum key and a row on that datum: parameters
 * alone never name a datum, so no shift the file did not state is ever adopted.
 */
export function matchRegistry(
  params: ProjParams,
  datum: string,
  name: string,
  strict = false,
): EpsgRow | null {
  if (strict && datum === '') return null;
  const same = candidatesOf(params.family).filter((c) => sameParams(c.params, params));
  if (same.length === 0) return null;
  const sameDatum = datum === '' ? [] : same.filter((c) => c.datum === datum);
  if (strict && sameDatum.length === 0) return null;
  const pool = sameDatum.length > 0 ? sameDatum : same;
  if (pool.length === 1) return pool[0]?.row ?? null;
  const byName = namedBy(pool, name);
  if (byName.length === 1) return byName[0]?.row ?? null;
  // Several rows on the same datum with identical numbers, none named apart by the file: aliases
  // of one CRS as far as the numbers go, so the oldest code (stable, and the one GDAL reports).
  if (byName.length > 1 && sameDatum.length > 0) return oldest(byName);
  if (sameDatum.length > 0) return oldest(pool);
  return null;
}
