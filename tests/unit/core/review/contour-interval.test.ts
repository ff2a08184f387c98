import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readShapefile } from '../../../../src-main/core/formats/shapefile/index.js';
import type { VectorFeature } from '../../../../src-main/core/model/index.js';
import type { VectorSubject } from '../../../../src-main/core/review/rule.js';
import {
  contourIntervalRule,
  detectInterval,
} from '../../../../src-main/core/review/rules/contour-interval.js';
import { fixture } from '../../../fixtures/index.js';
import { vectorSubject } from '../../../support/vector-subject.js';

/** DOMAIN.md's defaults, as the national profile gives them. */
const settings = { secretMetres: 20, publicMetres: 50, fields: ['ELEV', 'elevation', '高程', 'Z'] };

/** A contour shapefile gdal_contour wrote (tests/fixtures/contours.ts). */
function contours(name: string): VectorSubject {
  const set = (ext: string): Uint8Array => new Uint8Array(readFileSync(fixture('review', `${name}.${ext}`)));
  const { info, features } = readShapefile({
    shp: set('shp'),
    shx: set('shx'),
    dbf: set('dbf'),
    prj: set('prj'),
    cpg: null,
  });
  return { kind: 'vector', name: `${name}.shp`, layer: null, texts: [], hidden: [], info, features };
}

const line = (z: number | null, props: VectorFeature['properties'] = {}): VectorFeature => ({
  geometry: {
    type: 'LineString',
    coordinates: [z === null ? [0, 0] : [0, 0, z], z === null ? [1, 1] : [1, 1, z]],
  },
  properties: props,
});

const lines = (features: VectorFeature[], fields: string[]): VectorSubject =>
  vectorSubject(features, {
    geometryType: 'LineString',
    fields: fields.map((name) => ({ name, type: 'number' })),
  });

describe('contour-interval', () => {
  it('blocks 10 m contours from gdal_contour (ELEV), naming the field and the lines a 50 m public version drops', () => {
    const subject = contours('contours_10m');
    const elevations = subject.features.map((f) => Number(f.properties.ELEV));
    const dropped = elevations.flatMap((e, i) => (e % 50 === 0 ? [] : [i + 1]));
    const [finding, ...rest] = contourIntervalRule.check(subject, settings);
    expect(rest).toEqual([]);
    expect(finding).toEqual({
      ruleId: 'contour-interval',
      ruleVersion: 1,
      severity: 'blocking',
      messageKey: 'finding.contourIntervalSecret',
      params: { interval: 10, threshold: 20, public: 50 },
      where: { field: 'ELEV', features: dropped.slice(0, 100), featureCount: dropped.length },
      action: 'remove-features',
    });
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.length).toBeLessThan(subject.features.length);
  });

  it('reads the interval from the Z of 3D contours when no field names an elevation', () => {
    const subject = contours('contours_10m_3d');
    expect(subject.info.fields.map((f) => f.name)).not.toContain('ELEV');
    const [finding] = contourIntervalRule.check(subject, settings);
    expect(finding).toMatchObject({ params: { interval: 10 }, action: 'remove-features' });
    expect(finding?.where.field).toBeUndefined();
  });

  it('passes 50 m contours from gdal_contour', () => {
    expect(contourIntervalRule.check(contours('contours_50m'), settings)).toEqual([]);
  });

  it('tells a not-secret interval below the public minimum apart, and drops a layer with no public level', () => {
    const at = (levels: number[], field = 'elevation'): VectorSubject =>
      lines(
        levels.map((e) => line(null, { [field]: e })),
        [field],
      );
    expect(contourIntervalRule.check(at([125, 150, 175, 200, 225]), settings)[0]).toMatchObject({
      messageKey: 'finding.contourIntervalPublic',
      params: { interval: 25, threshold: 50 },
      where: { field: 'elevation', features: [1, 3, 5], featureCount: 3 },
    });
    expect(contourIntervalRule.check(at([105, 125, 145, 165], '高程值'), settings)[0]).toMatchObject({
      messageKey: 'finding.contourIntervalSecret',
      where: { field: '高程值' },
      action: 'remove-layer',
    });
  });

  it('is not fooled by index contours or a few odd levels, and ignores what is not a contour layer', () => {
    const series = Array.from({ length: 30 }, (_, i) => 300 + i * 10);
    // A supplementary half-interval line and a typo do not move the interval.
    expect(detectInterval([...series, ...series.filter((e) => e % 50 === 0), 305, 412.5])).toBe(10_000);
    expect(detectInterval([100, 200])).toBeNull();
    // Lines with a numeric field that is no elevation, 2D lines without Z, and points: nothing.
    expect(
      contourIntervalRule.check(
        lines([line(null, { LENGTH: 1 }), line(null, { LENGTH: 2 })], ['LENGTH']),
        settings,
      ),
    ).toEqual([]);
    expect(contourIntervalRule.check(lines([line(null), line(null), line(null)], []), settings)).toEqual([]);
    // ELEVATOR is not ELEV: an ASCII name matches in full only.
    expect(
      contourIntervalRule.check(
        lines(
          [10, 20, 30].map((e) => line(null, { ELEVATOR: e })),
          ['ELEVATOR'],
        ),
        settings,
      ),
    ).toEqual([]);
    const points = {
      ...lines(
        [10, 20, 30].map((e) => line(null, { ELEV: e })),
        ['ELEV'],
      ),
    };
    expect(
      contourIntervalRule.check({ ...points, info: { ...points.info, geometryType: 'Point' } }, settings),
    ).toEqual([]);
  });

  it('refuses a profile whose public interval is finer than its secret one', () => {
    expect(contourIntervalRule.params.safeParse({ ...settings, publicMetres: 10 }).success).toBe(false);
  });
});
