import { datumOfEpsg, crsFromCode } from './registry.js';
import type { DatumShift } from './datum-shifts.js';

/** Why a datum-shift file was refused: a message key of the `problem.datumShift*` family and its entry. */
export interface DatumShiftFileProblem {
  readonly problem: 'problem.datumShiftFormat' | 'problem.datumShiftEntry' | 'problem.datumShiftEnds';
  /** 1-based number of the offending shift; 0 for the file as a whole. */
  readonly entry: number;
}

export const DATUM_SHIFT_FORMAT = 'strata-datum-shifts/1';
const MAX_SHIFTS = 1000;
const KEYS = new Set(['name', 'from', 'to', 'method', 'tx', 'ty', 'tz', 'rx', 'ry', 'rz', 'ds', 'area']);
/** Bounds that catch unit mix-ups (radians for seconds, a scale factor for ppm). */
const LIMITS = { tx: 10_000, ty: 10_000, tz: 10_000, rx: 100, ry: 100, rz: 100, ds: 1000 } as const;
const PARAMS = ['tx', 'ty', 'tz', 'rx', 'ry', 'rz', 'ds'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const inRange = (v: unknown, limit: number): v is number =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= limit;

/** `EPSG:nnnn` of a geographic registry CRS, or null. */
const geographic = (v: unknown): string | null => {
  if (typeof v !== 'string' || !/^EPSG:\d{1,6}$/.test(v)) return null;
  const crs = crsFromCode(v);
  return crs?.geographic === true ? crs.code : null;
};

function shiftOf(raw: unknown, entry: number): DatumShift | DatumShiftFileProblem {
  const bad = { problem: 'problem.datumShiftEntry', entry } as const;
  if (!isRecord(raw) || Object.keys(raw).some((k) => !KEYS.has(k)) || raw['method'] !== 'helmert-7')
    return bad;
  const values = PARAMS.map((p) => raw[p]);
  if (!PARAMS.every((p, i) => inRange(values[i], LIMITS[p]))) return bad;
  const name = raw['name'];
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '' || name.length > 200)) return bad;
  const area = raw['area'];
  if (
    area !== undefined &&
    !(
      Array.isArray(area) &&
      area.length === 4 &&
      inRange(area[0], 180) &&
      inRange(area[1], 90) &&
      inRange(area[2], 180) &&
      inRange(area[3], 90) &&
      area[0] < area[2] &&
      area[1] < area[3]
    )
  ) {
    return bad;
  }
  const from = geographic(raw['from']);
  const to = geographic(raw['to']);
  if (
    from === null ||
    to === null ||
    datumOfEpsg(Number(from.slice(5))) === datumOfEpsg(Number(to.slice(5)))
  ) {
    return { problem: 'problem.datumShiftEnds', entry };
  }
  return {
    name: typeof name === 'string' ? name.trim() : `${from} → ${to}`,
    from,
    to,
    method: 'helmert-7',
    params: values as unknown as DatumShift['params'],
    area: area === undefined ? null : (area as unknown as DatumShift['area']),
  };
}

/**
 * Reads the datum-shift file (ADR 0105): JSON `{"format": "strata-datum-shifts/1", "shifts": [...]}`,
 * each shift `{name?, from, to, method: "helmert-7", tx, ty, tz (m), rx, ry, rz (arc-seconds,
 * position vector), ds (ppm), area?: [west, south, east, north]}`, `from`/`to` geographic EPSG
 * codes on different datums. A problem names the entry, never a value: the numbers are secret.
 */
export function parseDatumShifts(text: string): DatumShift[] | DatumShiftFileProblem {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: 'problem.datumShiftFormat', entry: 0 };
  }
  if (!isRecord(data) || data['format'] !== DATUM_SHIFT_FORMAT || !Array.isArray(data['shifts'])) {
    return { problem: 'problem.datumShiftFormat', entry: 0 };
  }
  const list: unknown[] = data['shifts'];
  if (list.length === 0 || list.length > MAX_SHIFTS) return { problem: 'problem.datumShiftFormat', entry: 0 };
  const shifts: DatumShift[] = [];
  for (const [i, raw] of list.entries()) {
    const shift = shiftOf(raw, i + 1);
    if ('problem' in shift) return shift;
    shifts.push(shift);
  }
  return shifts;
}
