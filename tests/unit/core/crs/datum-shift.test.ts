import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTransform,
  crsFromEpsg,
  describeTransform,
  installDatumShifts,
  parseDatumShifts,
  type DatumShift,
} from '../../../../src-main/core/crs/index.js';

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

/** Made-up parameters of the size real Beijing 1954 → CGCS2000 shifts have (they are secret). */
const PARAMS = [-12.5, 130.25, 48.75, 0.5, -1.25, 2.75, 3.5] as const;
const shift = (area: DatumShift['area'] = null, params: DatumShift['params'] = PARAMS): DatumShift => ({
  name: 'test',
  from: 'EPSG:4214',
  to: 'EPSG:4490',
  method: 'helmert-7',
  params,
  area,
});

/** gdaltransform (PROJ) between two proj strings: the reference for the numbers. */
function gdalTransform(from: string, to: string, xy: readonly [number, number]): [number, number] {
  const out = execFileSync('gdaltransform', ['-s_srs', from, '-t_srs', to, '-output_xy'], {
    input: `${String(xy[0])} ${String(xy[1])}\n`,
    encoding: 'utf8',
  })
    .trim()
    .split(/\s+/)
    .map(Number);
  return [must(out[0]), must(out[1])];
}

const BEIJING_GK_114 = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=krass +units=m';
const CGCS_GK_114 = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m';
const withShift = (def: string, p: readonly number[]): string => `${def} +towgs84=${p.join(',')}`;

afterEach(() => {
  installDatumShifts([]);
});

describe('datum shifts between national datums', () => {
  it('without a loaded shift: says it is unknown and carries geodetic coordinates over unshifted', () => {
    const from = must(crsFromEpsg(4214));
    const to = must(crsFromEpsg(4490));
    expect(describeTransform(from, to)).toEqual({ kind: 'unknown', from: 'beijing1954', to: 'china2000' });
    const [lon, lat] = createTransform(from, to)([114.25, 30.5]);
    expect(lon).toBeCloseTo(114.25, 12);
    expect(lat).toBeCloseTo(30.5, 12);
    expect(describeTransform(must(crsFromEpsg(4214)), must(crsFromEpsg(4326))).kind).toBe('registry');
    expect(describeTransform(must(crsFromEpsg(4548)), must(crsFromEpsg(4490))).kind).toBe('none');
  });

  it('applies a loaded 7-parameter shift as PROJ does (Beijing 1954 GK → CGCS2000 GK, and back)', () => {
    installDatumShifts([shift()]);
    const from = must(crsFromEpsg(2435)); // Beijing 1954 / 3-degree Gauss-Kruger CM 114E
    const to = must(crsFromEpsg(4547)); // CGCS2000 / 3-degree Gauss-Kruger CM 114E
    expect(describeTransform(from, to)).toMatchObject({ kind: 'loaded', inverse: false });
    const point = [431_234.5, 3_376_543.25] as const;
    const expected = gdalTransform(
      withShift(BEIJING_GK_114, PARAMS),
      withShift(CGCS_GK_114, [0, 0, 0]),
      point,
    );
    const [x, y] = createTransform(from, to)(point);
    expect(x).toBeCloseTo(expected[0], 3);
    expect(y).toBeCloseTo(expected[1], 3);
    // The shift moves the point by tens of metres: the test would see it missing.
    expect(Math.hypot(x - point[0], y - point[1])).toBeGreaterThan(10);

    expect(describeTransform(to, from)).toMatchObject({ kind: 'loaded', inverse: true });
    const back = createTransform(to, from)([x, y]);
    expect(back[0]).toBeCloseTo(point[0], 2);
    expect(back[1]).toBeCloseTo(point[1], 2);
  });

  it('picks the shift whose area holds the point when several are loaded', () => {
    const other = [5, -20, 10, 0, 0, 0, 0] as const;
    installDatumShifts([shift([110, 20, 115, 35]), shift([115, 20, 125, 35], other)]);
    const t = createTransform(must(crsFromEpsg(4214)), must(crsFromEpsg(4490)));
    const geo = '+proj=longlat +ellps=krass';
    const cgcs = '+proj=longlat +ellps=GRS80 +towgs84=0,0,0';
    for (const [point, params] of [
      [[112.5, 30.25], PARAMS],
      [[118.75, 31.5], other],
    ] as const) {
      const expected = gdalTransform(withShift(geo, params), cgcs, point);
      const [lon, lat] = t(point);
      expect(lon).toBeCloseTo(expected[0], 8);
      expect(lat).toBeCloseTo(expected[1], 8);
    }
    // Outside every area: carried over unshifted, as when no shift is known.
    const [lon, lat] = t([100.5, 30]);
    expect(lon).toBeCloseTo(100.5, 12);
    expect(lat).toBeCloseTo(30, 12);
  });
});

describe('parseDatumShifts', () => {
  const file = (shifts: unknown[]): string => JSON.stringify({ format: 'strata-datum-shifts/1', shifts });
  const ok = {
    from: 'EPSG:4214',
    to: 'EPSG:4490',
    method: 'helmert-7',
    tx: 1,
    ty: 2,
    tz: 3,
    rx: 0.1,
    ry: 0.2,
    rz: 0.3,
    ds: 1,
  };

  it('reads the format, defaulting the name', () => {
    expect(parseDatumShifts(file([ok]))).toEqual([
      {
        name: 'EPSG:4214 → EPSG:4490',
        from: 'EPSG:4214',
        to: 'EPSG:4490',
        method: 'helmert-7',
        params: [1, 2, 3, 0.1, 0.2, 0.3, 1],
        area: null,
      },
    ]);
  });

  it.each([
    ['a rotation in radians-sized units', [{ ...ok, rx: 500 }], 'problem.datumShiftEntry', 1],
    ['an unknown key', [ok, { ...ok, tw: 1 }], 'problem.datumShiftEntry', 2],
    ['another method', [{ ...ok, method: 'molodensky' }], 'problem.datumShiftEntry', 1],
    ['an inverted area', [{ ...ok, area: [120, 20, 110, 30] }], 'problem.datumShiftEntry', 1],
    ['a projected CRS as an end', [{ ...ok, to: 'EPSG:4548' }], 'problem.datumShiftEnds', 1],
    ['the same datum at both ends', [{ ...ok, to: 'EPSG:4214' }], 'problem.datumShiftEnds', 1],
    ['no shifts', [], 'problem.datumShiftFormat', 0],
  ])('refuses %s', (_what, shifts, problem, entry) => {
    expect(parseDatumShifts(file(shifts))).toEqual({ problem, entry });
  });

  it('refuses text that is not the format', () => {
    expect(parseDatumShifts('{')).toEqual({ problem: 'problem.datumShiftFormat', entry: 0 });
    expect(parseDatumShifts(JSON.stringify({ format: 'other', shifts: [ok] }))).toEqual({
      problem: 'problem.datumShiftFormat',
      entry: 0,
    });
  });
});
