import type { CrsInfo, Extent } from '../model/index.js';
import { datumKey } from './datum-names.js';
import { projParams, sameParams, type ProjParams } from './proj-params.js';
import { crsFromCode, datumOfEpsg } from './registry.js';
import { candidatesOf } from './registry-match.js';

/**
 * Eastings that carry the Gauss-Krüger zone number in front of the 500 km false easting
 * (39 500000 = 3° zone 39), found in data whose CRS is the non-prefixed "CM" variant, or that has
 * no CRS at all (ADR 0102).
 */
export interface ZonePrefixFinding {
  /** Zone number read from the eastings' millions. */
  readonly zone: number;
  readonly zoneWidth: 3 | 6;
  /** Central meridian of that zone, degrees east. */
  readonly centralMeridian: number;
  /**
   * `EPSG:nnnn` of the prefixed CRS on the same datum as the stated one: the CRS the coordinates
   * are really in. Null when the data has no CRS (the datum is then unknown) or the zone's central
   * meridian is not the stated one.
   */
  readonly code: string | null;
  /** Prefixed CRSs of this zone on the Chinese national datums (CGCS2000 first), for the user to pick from. */
  readonly candidates: readonly string[];
  /** True when a CRS was stated and its central meridian is not the zone's (the file contradicts itself). */
  readonly meridianMismatch: boolean;
}

const MILLION = 1_000_000;
const FALSE_EASTING = 500_000;
/** 6° zones that cover China and its seas; 3° zones likewise (EPSG defines exactly these). */
const SIX_DEGREE_ZONES: readonly [number, number] = [13, 23];
const THREE_DEGREE_ZONES: readonly [number, number] = [25, 45];
/** Northings a Gauss-Krüger zone in the northern hemisphere can hold (false northing 0). */
const MAX_NORTHING = 10_000_000;
const R2D = 180 / Math.PI;
/** National datums in the order candidates are offered. */
const NATIONAL_DATUMS = ['china2000', 'xian1980', 'beijing1954', 'newbeijing'];

/** Width and central meridian of zone `zone`, or null when it is neither a Chinese 3° nor 6° zone. */
function zoneOf(zone: number): { width: 3 | 6; cm: number } | null {
  if (zone >= SIX_DEGREE_ZONES[0] && zone <= SIX_DEGREE_ZONES[1]) return { width: 6, cm: 6 * zone - 3 };
  if (zone >= THREE_DEGREE_ZONES[0] && zone <= THREE_DEGREE_ZONES[1]) return { width: 3, cm: 3 * zone };
  return null;
}

/** The zone whose number prefixes every easting of `extent`, or null. */
function prefixedZone(extent: Extent): number | null {
  const [minX, minY, maxX, maxY] = extent;
  if (![minX, minY, maxX, maxY].every(Number.isFinite)) return null;
  if (minY < 0 || maxY > MAX_NORTHING) return null;
  const zone = Math.floor(minX / MILLION);
  if (Math.floor(maxX / MILLION) !== zone || zone < 1) return null;
  return zone;
}

/** True when `p` is a Gauss-Krüger/transverse Mercator with scale 1 and the plain 500 km false easting. */
const isPlainGk = (p: ProjParams): boolean =>
  p.family === 'tmerc' &&
  Math.abs(p.k0 - 1) < 1e-12 &&
  Math.abs(p.x0 - FALSE_EASTING) < 1e-3 &&
  Math.abs(p.y0) < 1e-3 &&
  Math.abs(p.lat0) < 1e-12 &&
  p.toMeter === 1;

/** Registry rows of the prefixed variant of zone `zone` (false easting zone·10⁶ + 500 km). */
function prefixedRows(zone: number, cm: number): { code: number; datum: string; params: ProjParams }[] {
  return candidatesOf('tmerc')
    .filter(
      (c) =>
        Math.abs(c.params.x0 - (zone * MILLION + FALSE_EASTING)) < 1e-3 &&
        Math.abs(c.params.long0 * R2D - cm) < 1e-9 &&
        Math.abs(c.params.k0 - 1) < 1e-12 &&
        Math.abs(c.params.y0) < 1e-3,
    )
    .map((c) => ({ code: c.row[0], datum: c.datum, params: c.params }));
}

/**
 * Reads whether the data's eastings carry a zone prefix its CRS does not account for. `crs` is the
 * CRS the file states (null when none); `extent` is the data's extent in the file's numbers.
 * Null when the eastings carry no prefix, or the stated CRS already has it (or is not a plain
 * Gauss-Krüger "CM" CRS, or is geographic). Import uses `code` in place of the stated CRS and
 * says so; without a CRS it offers `candidates`.
 */
export function detectZonePrefix(crs: CrsInfo | null, extent: Extent | null): ZonePrefixFinding | null {
  if (extent === null) return null;
  const zone = prefixedZone(extent);
  if (zone === null) return null;
  const spec = zoneOf(zone);
  if (spec === null) return null;
  const rows = prefixedRows(zone, spec.cm);
  const candidates = NATIONAL_DATUMS.flatMap((d) =>
    rows.filter((r) => r.datum === d).map((r) => `EPSG:${String(r.code)}`),
  );
  const base = { zone, zoneWidth: spec.width, centralMeridian: spec.cm, candidates };
  if (crs === null) return { ...base, code: null, meridianMismatch: false };
  if (crs.geographic) return null;
  const params = projParams(crs.proj4);
  if (params === null || !isPlainGk(params)) return null;
  if (Math.abs(params.long0 * R2D - spec.cm) > 1e-9) return { ...base, code: null, meridianMismatch: true };
  const datum = crs.code === null ? '' : datumKey(datumOfEpsg(Number(crs.code.slice(5))) ?? '');
  const same = rows.filter(
    (r) => (datum === '' || r.datum === datum) && sameParams(r.params, { ...params, x0: r.params.x0 }),
  );
  // Without a named datum the numbers cannot tell Beijing 1954 from New Beijing: no code then.
  const code =
    same.length === 1 || (datum !== '' && same.length > 0) ? Math.min(...same.map((r) => r.code)) : null;
  return { ...base, code: code === null ? null : `EPSG:${String(code)}`, meridianMismatch: false };
}

/** What import should record and say about a layer's CRS (ADR 0102); codes are `notice.<code>` keys. */
export interface ImportCrsDecision {
  /** The CRS to record: the prefixed one when the eastings call for it, else the stated one. */
  readonly crs: CrsInfo | null;
  readonly notice:
    | {
        readonly code: 'crs.zonePrefixed';
        readonly params: { zone: number; width: number; code: string; stated: string };
      }
    | {
        readonly code: 'crs.zonePrefixedNoCrs';
        readonly params: { zone: number; width: number; candidates: string };
      }
    | { readonly code: 'crs.missing'; readonly params: Record<string, never> }
    | null;
}

/** Candidates named in a notice: the first two (CGCS2000 and Xian 1980) keep the line short. */
const NOTICE_CANDIDATES = 2;

/**
 * The one call import makes per layer after reading its CRS and extent: applies `detectZonePrefix`
 * and says what to record and which notice to give (none when the CRS stands as stated).
 */
export function importCrsDecision(crs: CrsInfo | null, extent: Extent | null): ImportCrsDecision {
  const finding = detectZonePrefix(crs, extent);
  const prefixed = finding?.code == null ? null : crsFromCode(finding.code);
  if (finding !== null && prefixed !== null) {
    const stated = crs?.code ?? crs?.name ?? '';
    return {
      crs: prefixed,
      notice: {
        code: 'crs.zonePrefixed',
        params: { zone: finding.zone, width: finding.zoneWidth, code: finding.code ?? '', stated },
      },
    };
  }
  if (crs !== null) return { crs, notice: null };
  if (finding !== null && finding.candidates.length > 0) {
    return {
      crs: null,
      notice: {
        code: 'crs.zonePrefixedNoCrs',
        params: {
          zone: finding.zone,
          width: finding.zoneWidth,
          candidates: finding.candidates.slice(0, NOTICE_CANDIDATES).join(', '),
        },
      },
    };
  }
  return { crs: null, notice: { code: 'crs.missing', params: {} } };
}
