import { describe, expect, it } from 'vitest';
import { SHEET_SCALES, SheetProblem, sheetAt, sheetFromCode } from '../../../../src-main/core/maps/index.js';

const min = (m: number): number => m / 60;

// Corners worked out by hand from GB/T 13989-2012's sheet sizes (6°×4° at 1:1,000,000; B 3°×2°,
// C 1.5°×1°, D 30′×20′, E 15′×10′, F 7.5′×5′, G 3.75′×2.5′, H 1.875′×1.25′), rows from the north.
const SHEETS: readonly [string, number, [number, number, number, number]][] = [
  ['J50', 1_000_000, [114, 36, 120, 40]],
  ['J50B001001', 500_000, [114, 38, 117, 40]],
  ['J50C003004', 250_000, [118.5, 37, 120, 38]],
  ['J50D010012', 100_000, [119.5, 36 + min(40), 120, 37]],
  ['J50E001001', 50_000, [114, 39 + min(50), 114 + min(15), 40]],
  ['J50F048048', 25_000, [120 - min(7.5), 36, 120, 36 + min(5)]],
  ['J50G015010', 10_000, [114 + min(33.75), 39 + min(22.5), 114 + min(37.5), 39 + min(25)]],
  ['J50H192192', 5_000, [120 - min(1.875), 36, 120, 36 + min(1.25)]],
];

describe('GB/T 13989 sheet numbers', () => {
  it.each(SHEETS)('%s has the standard scale and corners', (code, scale, bounds) => {
    const sheet = sheetFromCode(code);
    expect(sheet.code).toBe(code);
    expect(sheet.scale).toBe(scale);
    sheet.bounds.forEach((v, i) => {
      expect(v).toBeCloseTo(bounds[i] ?? Number.NaN, 12);
    });
  });

  it('writes corners as degrees, minutes and seconds, half seconds included', () => {
    expect(sheetFromCode('J50H192192').boundsDms).toEqual([
      '119°58′07.5″',
      '36°00′00″',
      '120°00′00″',
      '36°01′15″',
    ]);
    expect(sheetFromCode('j50e001001 ').code).toBe('J50E001001');
  });

  it('finds the sheet of a point (the standard example: 114°33′45″E 39°22′30″N at 1:10,000)', () => {
    expect(sheetAt(114 + min(33.75), 39 + min(22.5), 10_000).code).toBe('J50G015010');
    expect(sheetAt(116.391, 39.907, 1_000_000).code).toBe('J50');
    // On an edge the sheet east and north of it holds the point.
    expect(sheetAt(116.25, 39.5, 50_000).code).toBe('J50E003010');
  });

  it('lists the eight neighbours, across 1:1,000,000 sheet edges', () => {
    expect(sheetFromCode('J50').neighbours).toEqual({
      northWest: 'K49',
      north: 'K50',
      northEast: 'K51',
      west: 'J49',
      east: 'J51',
      southWest: 'I49',
      south: 'I50',
      southEast: 'I51',
    });
    expect(sheetFromCode('J50E001001').neighbours).toMatchObject({
      northWest: 'K49E024024',
      north: 'K50E024001',
      west: 'J49E001024',
      southEast: 'J50E002002',
    });
    expect(sheetFromCode('J50F048048').neighbours).toMatchObject({
      east: 'J51F048001',
      south: 'I50F001048',
      southEast: 'I51F001001',
    });
  });

  it('has no neighbour south of the equator and wraps at 180°', () => {
    const a60 = sheetFromCode('A60');
    expect(a60.neighbours.south).toBeNull();
    expect(a60.neighbours.east).toBe('A01');
  });

  it('every sheet found for a point holds it and is found again from its code', () => {
    for (const scale of SHEET_SCALES) {
      for (let i = 0; i < 200; i += 1) {
        const lon = 73 + ((i * 7.919) % 62);
        const lat = 18 + ((i * 3.301) % 35);
        const sheet = sheetAt(lon, lat, scale);
        const [w, s, e, n] = sheet.bounds;
        expect(lon >= w && lon < e && lat >= s && lat < n).toBe(true);
        expect(sheetFromCode(sheet.code).bounds).toEqual(sheet.bounds);
      }
    }
  });

  it.each(['', 'J61', 'J00', 'W50', 'J50E025001', 'J50E001000', 'J50A001001', 'J50E1001', '../J50'])(
    'refuses %j with the sheet-code reason',
    (code) => {
      expect(() => sheetFromCode(code)).toThrow(SheetProblem);
      try {
        sheetFromCode(code);
      } catch (err) {
        expect((err as SheetProblem).detail).toBe('detail.sheetCode');
      }
    },
  );

  it('refuses a scale that has no sheets and a point outside 0°–88°N', () => {
    expect(() => sheetAt(116, 39, 2_000)).toThrow(expect.objectContaining({ detail: 'detail.sheetScale' }));
    expect(() => sheetAt(116, -1, 50_000)).toThrow(expect.objectContaining({ detail: 'detail.sheetPoint' }));
    expect(() => sheetAt(Number.NaN, 39, 50_000)).toThrow(
      expect.objectContaining({ detail: 'detail.sheetPoint' }),
    );
  });
});
