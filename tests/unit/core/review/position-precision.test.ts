import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from '../../../../src-main/core/crs/index.js';
import { parseGeoJson } from '../../../../src-main/core/formats/geojson/index.js';
import { readShapefile } from '../../../../src-main/core/formats/shapefile/index.js';
import type { CrsInfo, VectorFeature } from '../../../../src-main/core/model/index.js';
import type { VectorSubject } from '../../../../src-main/core/review/rule.js';
import { degradeCoordinates } from '../../../../src-main/core/release/vector-degrade.js';
import { positionPrecisionRule } from '../../../../src-main/core/review/rules/position-precision.js';
import { fixture } from '../../../fixtures/index.js';

/** The default profile's parameters of the rule. */
const settings = { metres: 50 };

function subject(features: VectorFeature[], crs: CrsInfo | null): VectorSubject {
  return {
    kind: 'vector',
    name: 'test',
    layer: null,
    texts: [],
    hidden: [],
    features,
    info: {
      kind: 'vector',
      featureCount: features.length,
      geometryType: 'Point',
      fields: [],
      crs,
      extent: null,
      encoding: 'UTF-8',
    },
  };
}

const points = (coords: [number, number][]): VectorFeature[] =>
  coords.map((c) => ({ geometry: { type: 'Point', coordinates: c }, properties: {} }));

describe('positionPrecisionRule', () => {
  it('flags the real mineral-occurrence points (millimetre coordinates) as blocking', () => {
    const set = (ext: string): Uint8Array =>
      new Uint8Array(readFileSync(fixture('chinese', 'shapefile', 'kuangdian_gbk_cpg', `矿点.${ext}`)));
    const { info, features } = readShapefile({
      shp: set('shp'),
      shx: set('shx'),
      dbf: set('dbf'),
      prj: set('prj'),
      cpg: set('cpg'),
    });
    const findings = positionPrecisionRule.check(
      { kind: 'vector', name: '矿点', layer: null, texts: [], hidden: [], info, features },
      settings,
    );
    expect(findings).toEqual([
      {
        ruleId: 'position-precision',
        ruleVersion: 2,
        severity: 'blocking',
        messageKey: 'finding.positionPrecision',
        params: { precision: 0.001, threshold: 50 },
        where: {},
        action: 'degrade-coordinates',
      },
    ]);
  });

  it('measures the quantum as the coarsest 1-2-5 step all x/y share', () => {
    const utm = crsFromEpsg(32650);
    const precisionOf = (coords: [number, number][]): number | string | undefined =>
      positionPrecisionRule.check(subject(points(coords), utm), { metres: 1e9 })[0]?.params['precision'];
    expect(
      precisionOf([
        [500050, 3000100],
        [500100, 3000000],
      ]),
    ).toBe(50);
    expect(
      precisionOf([
        [500040, 3000060],
        [500100, 3000200],
      ]),
    ).toBe(20);
    expect(
      precisionOf([
        [500050, 3000040],
        [500100, 3000200],
      ]),
    ).toBe(10);
    expect(precisionOf([[500000.25, 3000000.5]])).toBe(0.05);
    expect(precisionOf([[431234.5677, 2534567.1]])).toBe(0.0001);
    expect(precisionOf([[431234.5678, 2534567.1]])).toBe(0.0002);
  });

  it('passes data already on a 50 m grid, and degree data on a 0.0005° grid', () => {
    expect(
      positionPrecisionRule.check(
        subject(
          points([
            [431250, 2534550],
            [431300, 2534600],
          ]),
          crsFromEpsg(4545),
        ),
        settings,
      ),
    ).toEqual([]);
    const geo = points([
      [112.1235, 26.114],
      [112.0005, 26.0],
    ]);
    expect(positionPrecisionRule.check(subject(geo, crsFromEpsg(4490)), settings)).toEqual([]);
    const fine = points([[112.1233, 26.114]]);
    // 0.0001° is 11.1 m along the meridian but only 10.0 m along the parallel at 26.1° N.
    expect(positionPrecisionRule.check(subject(fine, crsFromEpsg(4490)), settings)[0]?.params).toEqual({
      precision: 10,
      threshold: 50,
    });
  });

  it('measures feet CRSs in metres', () => {
    const ft = crsFromEpsg(2269);
    expect(
      positionPrecisionRule.check(
        subject(
          points([
            [100, 200],
            [300, 500],
          ]),
          ft,
        ),
        settings,
      )[0]?.params['precision'],
    ).toBe(30.5);
    expect(positionPrecisionRule.check(subject(points([[200, 400]]), ft), settings)).toEqual([]);
  });

  it('blocks a Web Mercator layer on a 50-unit grid at 40° N (≈ 38 m on the ground) and passes it degraded', () => {
    const mercator = crsFromEpsg(3857);
    const layer = points([
      [12912900, 4865950],
      [12913950, 4866900],
      [12915000, 4868000],
    ]);
    const findings = positionPrecisionRule.check(subject(layer, mercator), settings);
    expect(findings).toMatchObject([
      { severity: 'blocking', messageKey: 'finding.positionPrecision', action: 'degrade-coordinates' },
    ]);
    expect(findings[0]?.params['precision']).toBeCloseTo(50 * Math.cos((40 * Math.PI) / 180), 0);
    if (mercator === null) throw new Error('EPSG:3857 missing');
    const degraded = degradeCoordinates(layer, mercator, 50);
    expect(degraded.grid).toBe(100);
    expect(positionPrecisionRule.check(subject(degraded.features, mercator), settings)).toEqual([]);
  });

  it('reports a missing CRS as blocking and ignores rasters and empty layers', () => {
    expect(positionPrecisionRule.check(subject(points([[1, 2]]), null), settings)).toMatchObject([
      { messageKey: 'finding.noCrs', severity: 'blocking' },
    ]);
    expect(positionPrecisionRule.check(subject([], crsFromEpsg(4326)), settings)).toEqual([]);
  });

  it('scans the 7 MB UN outline in a time of the order of reading it', () => {
    const text = readFileSync(fixture('geojson', 'UN.json'), 'utf8');
    // Measured against parsing the same text on the same machine, so load slows both alike:
    // a scan that grew faster than linearly would take many times longer than the parse.
    const parseStarted = performance.now();
    const { info, features } = parseGeoJson(text);
    const parseMs = performance.now() - parseStarted;
    const started = performance.now();
    const findings = positionPrecisionRule.check(
      { kind: 'vector', name: 'UN', layer: null, texts: [], hidden: [], info, features },
      settings,
    );
    const ms = performance.now() - started;
    expect(findings[0]?.messageKey).toBe('finding.positionPrecision');
    expect(ms).toBeLessThan(5 * parseMs);
  });
});
