import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from '../../../../src-main/core/crs/index.js';
import { groundAreaKm2 } from '../../../../src-main/core/crs/ground-area.js';
import type { CrsInfo, RasterInfo, VectorFeature } from '../../../../src-main/core/model/index.js';
import { continuousExtents } from '../../../../src-main/core/review/continuous-areas.js';
import type { VectorSubject } from '../../../../src-main/core/review/rule.js';
import { coverageAreaRule } from '../../../../src-main/core/review/rules/coverage-area.js';
import { subjectTexts } from '../../../../src-main/core/review/subject-texts.js';
import { vectorSubject } from '../../../support/vector-subject.js';

const settings = { scaleDenominator: 5000, areaKm2: 25, gapMetres: 1000 };

function must<T>(value: T | null): T {
  if (value === null) throw new Error('expected a value');
  return value;
}
const GK = must(crsFromEpsg(4545));
const GEO = must(crsFromEpsg(4490));

const raster = (
  pixel: number,
  side: number,
  dataType: RasterInfo['dataType'],
  crs: CrsInfo = GK,
): RasterInfo => {
  const size = pixel * side;
  return {
    kind: 'raster',
    width: side,
    height: side,
    bandCount: dataType === 'Byte' ? 3 : 1,
    dataType,
    crs,
    extent: [500000, 2500000, 500000 + size, 2500000 + size],
    pixelSize: [pixel, pixel],
    origin: [500000, 2500000 + size],
    nodata: null,
  };
};

const rasterSubject = (info: RasterInfo, abstract = '') => ({
  kind: 'raster' as const,
  name: 'r.tif',
  layer: null,
  texts: subjectTexts('r.tif', null, { title: 't', abstract }),
  hidden: [],
  info,
});

/** A grid of points `step` metres apart, `n` × `n`, from (x0, y0), on a 0.1 m quantum. */
const pointGrid = (x0: number, y0: number, n: number, step: number): VectorFeature[] =>
  Array.from({ length: n * n }, (_, i) => ({
    geometry: {
      type: 'Point',
      coordinates: [x0 + (i % n) * step + 0.1, y0 + Math.floor(i / n) * step + 0.1],
    },
    properties: {},
  }));

const vector = (features: VectorFeature[], abstract = ''): VectorSubject =>
  vectorSubject(features, { crs: GK, texts: subjectTexts('v.geojson', null, { title: 't', abstract }) });

describe('coverage-area (ADR 0164)', () => {
  it('measures ground area: planar for Gauss-Krüger, on the CGCS2000 ellipsoid for degrees', () => {
    expect(groundAreaKm2(GK, [0, 0, 5000, 6000])).toBe(30);
    // One degree square at the equator: 111.32 km × 110.57 km.
    expect(groundAreaKm2(GEO, [0, 0, 1, 1])).toBeCloseTo(12308.8, 0);
    expect(groundAreaKm2(GEO, [108, 60, 109, 61])).toBeLessThan(groundAreaKm2(GEO, [108, 0, 109, 1]) / 1.9);
  });

  it('blocks 0.3 m imagery over 36 km², the area located; passes it over 16 km², and 0.5 m imagery', () => {
    const big = raster(0.3, 20000, 'Byte');
    expect(coverageAreaRule.check(rasterSubject(big), settings)).toEqual([
      {
        ruleId: 'coverage-area',
        ruleVersion: 1,
        severity: 'blocking',
        messageKey: 'finding.coverageArea',
        params: { scale: 3000, limit: 5000, area: 36, threshold: 25 },
        where: { area: big.extent },
        action: 'mask-area',
      },
    ]);
    expect(coverageAreaRule.check(rasterSubject(raster(0.3, 13000, 'Byte')), settings)).toEqual([]);
    expect(coverageAreaRule.check(rasterSubject(raster(0.5, 12000, 'Byte')), settings)).toEqual([]);
  });

  it('takes a DEM grid as a DEM scale (2 m ↔ 1:4000), and a scale the record states', () => {
    expect(coverageAreaRule.check(rasterSubject(raster(2, 3000, 'Float32')), settings)).toHaveLength(1);
    expect(coverageAreaRule.check(rasterSubject(raster(5, 1200, 'Float32')), settings)).toEqual([]);
    // A record that states 1:2000 makes the 36 km² DEM large-scale, and is itself blocking.
    expect(
      coverageAreaRule.check(rasterSubject(raster(5, 1200, 'Float32'), '1:2000 实测'), settings),
    ).toEqual([
      {
        ruleId: 'coverage-area',
        ruleVersion: 1,
        severity: 'blocking',
        messageKey: 'finding.statedScale',
        params: { scale: 2000, limit: 5000 },
        where: { part: 'metadata.abstract' },
        action: 'strip-hidden',
      },
      expect.objectContaining({
        messageKey: 'finding.coverageArea',
        params: expect.objectContaining({ scale: 2000 }) as unknown,
      }),
    ]);
    // 1:5万 is not large-scale: nothing, in the text or the area.
    expect(
      coverageAreaRule.check(rasterSubject(raster(5, 1200, 'Float32'), '1:5万区域地质调查'), settings),
    ).toEqual([]);
  });

  it('clusters vector features by the gap: two 4 × 4 km blocks 3 km apart are two areas under 25 km²', () => {
    const apart = [...pointGrid(500000, 2500000, 41, 100), ...pointGrid(507000, 2500000, 41, 100)];
    expect(coverageAreaRule.check(vector(apart), settings)).toEqual([]);
    // 500 m apart, they join: one continuous area of 8.5 × 4 km.
    const joined = [...pointGrid(500000, 2500000, 41, 100), ...pointGrid(504500, 2500000, 41, 100)];
    const [finding, ...rest] = coverageAreaRule.check(vector(joined), settings);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ params: { area: 34, scale: 1000 }, action: 'mask-area' });
    expect(finding?.where.area?.map((v) => Math.round(v))).toEqual([500000, 2500000, 508500, 2504000]);
    // On a 1 m quantum (1:10000) the same layer is not large-scale.
    const coarse = joined.map((f) => ({
      ...f,
      geometry:
        f.geometry?.type === 'Point'
          ? { type: 'Point' as const, coordinates: f.geometry.coordinates.map(Math.round) }
          : null,
    }));
    expect(coverageAreaRule.check(vector(coarse), settings)).toEqual([]);
  });

  it('joins lines through the cells they cross, and finds nothing without a CRS', () => {
    const line: VectorFeature = {
      geometry: {
        type: 'LineString',
        coordinates: [
          [0.1, 0.1],
          [10000.1, 10000.1],
        ],
      },
      properties: {},
    };
    expect(continuousExtents([line], [0.1, 0.1, 10000.1, 10000.1], 1000)).toHaveLength(1);
    const none = vector(pointGrid(0, 0, 41, 200));
    expect(coverageAreaRule.check({ ...none, info: { ...none.info, crs: null } }, settings)).toEqual([]);
  });
});
