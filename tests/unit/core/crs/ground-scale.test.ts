import { describe, expect, it } from 'vitest';
import { createTransform, crsFromEpsg } from '../../../../src-main/core/crs/index.js';
import { groundScale, unitsToGroundMetres } from '../../../../src-main/core/crs/ground-scale.js';
import type { CrsInfo, Extent } from '../../../../src-main/core/model/index.js';

/** The value, or a test failure when it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

const RAD = Math.PI / 180;

/** The extent in `crs` of a lon/lat box (WGS 84 degrees) given by its south-west and north-east corners. */
function extentOfLonLat(crs: CrsInfo, sw: [number, number], ne: [number, number]): Extent {
  const to = createTransform(must(crsFromEpsg(4326)), crs);
  const [x0, y0] = to(sw);
  const [x1, y1] = to(ne);
  return [x0, y0, x1, y1];
}

/** Metres per degree of longitude / latitude on WGS 84 (standard series, good to ~1 m). */
const perDegreeLon = (lat: number): number =>
  111_412.84 * Math.cos(lat * RAD) - 93.5 * Math.cos(3 * lat * RAD);
const perDegreeLat = (lat: number): number =>
  111_132.92 - 559.82 * Math.cos(2 * lat * RAD) + 1.175 * Math.cos(4 * lat * RAD);

describe('groundScale / unitsToGroundMetres', () => {
  it('measures a Web Mercator unit at 40° N as cos(40°) metres on both axes', () => {
    const crs = must(crsFromEpsg(3857));
    const extent = extentOfLonLat(crs, [116, 39.9], [116.1, 40]);
    const scale = must(groundScale(crs, extent));
    expect(scale.x / Math.cos(40 * RAD)).toBeCloseTo(1, 2);
    expect(scale.y / Math.cos(40 * RAD)).toBeCloseTo(1, 2);
    expect(unitsToGroundMetres(crs, extent)).toEqual(scale);
  });

  it('keeps the nominal unit for Gauss-Krüger and UTM zones (true to scale within 1 %)', () => {
    const cases: [number, number, number][] = [
      [2364, 121, 25],
      [4545, 108.3, 26],
      [32618, -74, 40.7],
    ];
    for (const [code, lon, lat] of cases) {
      const crs = must(crsFromEpsg(code));
      const extent = extentOfLonLat(crs, [lon, lat], [lon + 0.2, lat + 0.2]);
      const scale = must(groundScale(crs, extent));
      expect(Math.abs(scale.x - 1)).toBeLessThan(0.01);
      expect(unitsToGroundMetres(crs, extent)).toEqual({ x: 1, y: 1 });
    }
  });

  it('measures degrees at the extent edge where they are shortest (EPSG:4326, EPSG:4490)', () => {
    for (const code of [4326, 4490]) {
      const scale = unitsToGroundMetres(must(crsFromEpsg(code)), [109, 25, 109.5, 25.5]);
      expect(scale.x / perDegreeLon(25.5)).toBeCloseTo(1, 3);
      expect(scale.y / perDegreeLat(25)).toBeCloseTo(1, 3);
    }
  });

  it('falls back to the nominal unit without an extent, and caps latitude for global layers', () => {
    expect(unitsToGroundMetres(must(crsFromEpsg(3857)), null)).toEqual({ x: 1, y: 1 });
    const world = unitsToGroundMetres(must(crsFromEpsg(4326)), [-180, -90, 180, 90]);
    expect(world.x / perDegreeLon(85)).toBeCloseTo(1, 2);
  });
});
