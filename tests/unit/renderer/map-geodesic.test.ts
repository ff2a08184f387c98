import { describe, expect, it } from 'vitest';
import {
  CGCS2000_ELLIPSOID,
  areaInUnits,
  geodesicArea,
  geodesicLength,
  lengthInUnit,
  type LonLat,
} from '../../../src-renderer/map/tools/geodesic.js';
import { fixture } from '../../fixtures/index.js';
import { projArea, projDistance, spatialite, wktPositions } from '../../support/proj-geodesic.js';

/** Any OGR datasource hosts SpatiaLite's SQL. */
const SQL_HOST = fixture('geojson', 'world.zh.json');

// Beijing → Shanghai → Guangzhou, continental scale; and a 1 km-ish survey block near Beijing.
const LINE: readonly LonLat[] = [
  [116.3975, 39.9087],
  [121.4737, 31.2304],
  [113.2644, 23.1291],
];
const BLOCK: readonly LonLat[] = [
  [116.3, 39.9],
  [116.31, 39.9],
  [116.31, 39.91],
  [116.3, 39.91],
];
const COUNTY: readonly LonLat[] = [
  [110.1, 25.1],
  [110.6, 25.05],
  [110.75, 25.4],
  [110.3, 25.6],
];

describe('geodesic measurement on the CGCS2000 ellipsoid', () => {
  it('uses the GRS80 parameters', () => {
    expect(CGCS2000_ELLIPSOID).toEqual({ a: 6378137, f: 1 / 298.257222101 });
  });

  it('gives the distances PROJ geod gives on GRS80, to the millimetre', async () => {
    const pairs = LINE.slice(1).map((p, i) => [LINE[i] as LonLat, p] as const);
    const legs = await Promise.all(pairs.map(([a, b]) => projDistance(a, b)));
    for (const [i, [a, b]] of pairs.entries())
      expect(Math.abs(geodesicLength([a, b]) - (legs[i] ?? NaN))).toBeLessThanOrEqual(0.0006);
    expect(Math.abs(geodesicLength(LINE) - legs.reduce((s, l) => s + l, 0))).toBeLessThanOrEqual(0.0012);
  });

  it('gives the polyline lengths SpatiaLite ST_Length(g, 1) gives on SRID 4490', async () => {
    for (const line of [LINE, BLOCK, COUNTY]) {
      const reference = await spatialite('ST_Length', `LINESTRING(${wktPositions(line)})`, SQL_HOST);
      expect(Math.abs(geodesicLength(line) - reference)).toBeLessThan(1e-3);
    }
  });

  it('gives the areas PROJ gives (geodesic edges, equal-area projection), signed by the ring direction', async () => {
    for (const ring of [BLOCK, COUNTY, LINE]) {
      const reference = await projArea(ring);
      const { area } = geodesicArea(ring);
      expect(Math.abs(area - reference) / Math.abs(reference)).toBeLessThan(1e-7);
      expect(geodesicArea([...ring].reverse()).area).toBeCloseTo(-area, 3);
    }
  });

  it('gives the area SpatiaLite ST_Area(g, 1) gives on SRID 4490 for a survey block', async () => {
    // SpatiaLite's spheroid area is exact for small rings only (3e-4 off at 50 km), so only here.
    const closed = [...BLOCK, BLOCK[0] as LonLat];
    const reference = await spatialite('ST_Area', `POLYGON((${wktPositions(closed)}))`, SQL_HOST);
    expect(Math.abs(Math.abs(geodesicArea(BLOCK).area) - reference) / reference).toBeLessThan(1e-8);
  });

  it('reports lengths in m or km and areas in m², 公顷 and km²', () => {
    expect(lengthInUnit(999.5)).toEqual({ value: 999.5, unit: 'm' });
    expect(lengthInUnit(1500)).toEqual({ value: 1.5, unit: 'km' });
    expect(areaInUnits(2500)).toEqual([
      { value: 2500, unit: 'm2' },
      { value: 0.25, unit: 'ha' },
    ]);
    expect(areaInUnits(250_000)).toEqual([
      { value: 25, unit: 'ha' },
      { value: 250_000, unit: 'm2' },
    ]);
    expect(areaInUnits(3_000_000)).toEqual([
      { value: 3, unit: 'km2' },
      { value: 300, unit: 'ha' },
    ]);
  });
});
