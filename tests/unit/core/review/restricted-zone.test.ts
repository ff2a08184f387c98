import { describe, expect, it } from 'vitest';
import { createTransform, crsFromEpsg } from '../../../../src-main/core/crs/index.js';
import type { CrsInfo, RasterInfo, VectorFeature } from '../../../../src-main/core/model/index.js';
import type { VectorSubject } from '../../../../src-main/core/review/rule.js';
import { restrictedZoneRule } from '../../../../src-main/core/review/rules/restricted-zone.js';
import { vectorSubject } from '../../../support/vector-subject.js';

function must<T>(value: T | null): T {
  if (value === null) throw new Error('expected a value');
  return value;
}
const GK = must(crsFromEpsg(4545));
const GEO = must(crsFromEpsg(4490));
const toGeo = createTransform(GK, GEO);

/** A square zone in CGCS2000 degrees around a Gauss-Krüger CM 108E square (metres). */
const zoneAround = (x0: number, y0: number, x1: number, y1: number): [number, number][][] => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ].map(([x = 0, y = 0]) => toGeo([x, y])),
];
const ZONE = zoneAround(553000, 2524500, 554000, 2525500);
const params = { zones: [{ file: '/secure/zones.geojson', crs: 'EPSG:4490', polygons: [ZONE] }] };

const point = (x: number, y: number): VectorFeature => ({
  geometry: { type: 'Point', coordinates: [x, y] },
  properties: {},
});

const vector = (features: VectorFeature[], crs: CrsInfo | null = GK): VectorSubject =>
  vectorSubject(features, { crs, geometryType: 'Mixed' });

const raster: RasterInfo = {
  kind: 'raster',
  width: 240,
  height: 200,
  bandCount: 1,
  dataType: 'Float32',
  crs: GK,
  extent: [552000, 2524000, 554400, 2526000],
  pixelSize: [10, 10],
  origin: [552000, 2526000],
  nodata: null,
};

describe('restricted-zone (ADR 0164)', () => {
  it('blocks the features that meet a zone given in degrees, by number: inside, crossing, or enclosing it', () => {
    const features: VectorFeature[] = [
      point(552100, 2524100),
      point(553500, 2525000),
      {
        geometry: {
          type: 'LineString',
          coordinates: [
            [552500, 2525000],
            [554500, 2525000],
          ],
        },
        properties: {},
      },
      {
        geometry: {
          type: 'LineString',
          coordinates: [
            [552500, 2526000],
            [554500, 2526000],
          ],
        },
        properties: {},
      },
      {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [552000, 2524000],
              [555000, 2524000],
              [555000, 2527000],
              [552000, 2527000],
              [552000, 2524000],
            ],
          ],
        },
        properties: {},
      },
      { geometry: null, properties: {} },
    ];
    expect(restrictedZoneRule.check(vector(features), params)).toEqual([
      {
        ruleId: 'restricted-zone',
        ruleVersion: 1,
        severity: 'blocking',
        messageKey: 'finding.restrictedZoneFeatures',
        params: { zone: 1, count: 3 },
        where: { features: [2, 3, 5], featureCount: 3 },
        action: 'remove-features',
      },
    ]);
  });

  it('gives a raster the pixel window and area to mask', () => {
    const [finding, ...rest] = restrictedZoneRule.check(
      { kind: 'raster', name: 'r.tif', layer: null, texts: [], hidden: [], info: raster },
      params,
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      messageKey: 'finding.restrictedZoneRaster',
      params: { zone: 1 },
      action: 'mask-area',
    });
    const [col = NaN, row = NaN, width = NaN, height = NaN] = finding?.where.window ?? [];
    // The zone is 1 km square from (553000, 2525500): columns 100.., rows 50.. on a 10 m grid (a pixel of slack for the transform).
    [100, 50, 100, 100].forEach((want, i) => {
      expect(Math.abs(([col, row, width, height][i] ?? NaN) - want)).toBeLessThanOrEqual(2);
    });
    expect(finding?.where.area?.map((v) => Math.round(v))).toEqual([553000, 2524500, 554000, 2525500]);
  });

  it('finds nothing away from the zones or with none configured; a dataset without CRS cannot be placed', () => {
    expect(restrictedZoneRule.check(vector([point(552100, 2524100)]), params)).toEqual([]);
    const far = {
      ...raster,
      extent: [600000, 2524000, 602400, 2526000] as const,
      origin: [600000, 2526000] as const,
    };
    expect(
      restrictedZoneRule.check(
        { kind: 'raster', name: 'r.tif', layer: null, texts: [], hidden: [], info: far },
        params,
      ),
    ).toEqual([]);
    expect(restrictedZoneRule.check(vector([point(553500, 2525000)]), { zones: [] })).toEqual([]);
    expect(restrictedZoneRule.check(vector([point(553500, 2525000)], null), params)).toMatchObject([
      { messageKey: 'finding.restrictedZoneNoCrs', severity: 'blocking', action: null },
    ]);
  });
});
