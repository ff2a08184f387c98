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

const nameKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

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
  const byName = pool.filter((c) => nameKey(c.row[1]) === nameKey(name));
  if (byName.length === 1) return byName[0]?.row ?? null;
  // Several rows on the same datum with identical numbers are aliases of one CRS: take the oldest.
  if (sameDatum.length > 0) return [...pool].sort((x, y) => x.row[0] - y.row[0])[0]?.row ?? null;
  return null;
}
