import type { CrsInfo } from '../model/index.js';
import { datumKey } from './datum-names.js';
import { datumOfEpsg } from './registry.js';

/**
 * A 7-parameter Helmert shift between two geodetic datums, given by the user from a local file
 * (ADR 0105). Translations in metres, rotations in arc-seconds (position-vector convention, EPSG
 * method 9606 — proj's `+towgs84` order), scale difference in ppm. The numbers are secret: they
 * live in this process's memory only, and nothing here logs, audits or exports them.
 */
export interface DatumShift {
  /** The user's label for the pair (shown back to them). */
  readonly name: string;
  /** `EPSG:nnnn` of the source geographic CRS (e.g. EPSG:4214 Beijing 1954). */
  readonly from: string;
  /** `EPSG:nnnn` of the target geographic CRS (e.g. EPSG:4490 CGCS2000). */
  readonly to: string;
  readonly method: 'helmert-7';
  readonly params: readonly [
    tx: number,
    ty: number,
    tz: number,
    rx: number,
    ry: number,
    rz: number,
    ds: number,
  ];
  /** Where the parameters hold, lon/lat degrees [west, south, east, north] on the source datum; null: anywhere. */
  readonly area: readonly [number, number, number, number] | null;
}

/**
 * The Chinese national datums: between two of them no registry shift is used (the published EPSG
 * approximations are not the ones surveys use, and the real ones are secret), so a transform
 * between them needs a loaded shift or says the shift is unknown.
 */
const NATIONAL_DATUMS = new Set(['china2000', 'xian1980', 'beijing1954', 'newbeijing']);

let loaded: readonly DatumShift[] = [];

/** Replaces the shifts this process knows (an empty list forgets them). */
export function installDatumShifts(shifts: readonly DatumShift[]): void {
  loaded = [...shifts];
}

/** Datum key of a CRS from its registry code; '' when the CRS has no code or the code is unknown. */
export function datumKeyOfCrs(crs: Pick<CrsInfo, 'code'>): string {
  const code = /^EPSG:(\d+)$/.exec(crs.code ?? '')?.[1];
  if (code === undefined) return '';
  return datumKey(datumOfEpsg(Number(code)) ?? '');
}

/** Datum key of a shift's end (its code's datum). */
const endKey = (code: string): string => {
  const n = /^EPSG:(\d+)$/.exec(code)?.[1];
  return n === undefined ? '' : datumKey(datumOfEpsg(Number(n)) ?? '');
};

/** How a transform between two CRSs crosses datums. */
export type DatumShiftUse =
  /** Same datum (or no datum change to make). */
  | { readonly kind: 'none' }
  /** The registry's own datum definitions (outside the national pairs). */
  | { readonly kind: 'registry' }
  /** Loaded shifts for this pair; `inverse` when they are stated the other way round. */
  | { readonly kind: 'loaded'; readonly shifts: readonly DatumShift[]; readonly inverse: boolean }
  /** Two national datums with no loaded shift: coordinates are carried over unshifted. */
  | { readonly kind: 'unknown'; readonly from: string; readonly to: string };

/** Says how a transform from `from` to `to` handles the datum change (ADR 0105). */
export function datumShiftFor(from: Pick<CrsInfo, 'code'>, to: Pick<CrsInfo, 'code'>): DatumShiftUse {
  const a = datumKeyOfCrs(from);
  const b = datumKeyOfCrs(to);
  if (a === '' || b === '' || a === b) return { kind: 'none' };
  if (!NATIONAL_DATUMS.has(a) || !NATIONAL_DATUMS.has(b)) return { kind: 'registry' };
  const forward = loaded.filter((s) => endKey(s.from) === a && endKey(s.to) === b);
  if (forward.length > 0) return { kind: 'loaded', shifts: forward, inverse: false };
  const backward = loaded.filter((s) => endKey(s.from) === b && endKey(s.to) === a);
  if (backward.length > 0) return { kind: 'loaded', shifts: backward, inverse: true };
  return { kind: 'unknown', from: a, to: b };
}

/** What a user may be told about the loaded shifts: names and ends, never the numbers. */
export function loadedShiftSummary(): { name: string; from: string; to: string; hasArea: boolean }[] {
  return loaded.map((s) => ({ name: s.name, from: s.from, to: s.to, hasArea: s.area !== null }));
}
