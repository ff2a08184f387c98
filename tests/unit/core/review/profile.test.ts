import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from '../../../../src-main/core/crs/index.js';
import { HIDDEN_PARTS, type RasterInfo } from '../../../../src-main/core/model/index.js';
import { runReview } from '../../../../src-main/core/review/engine.js';
import { parseProfile, type ReviewProfile } from '../../../../src-main/core/review/profile.js';
import {
  contourIntervalRule,
  coverageAreaRule,
  hiddenContentRule,
  markingRule,
  positionPrecisionRule,
  rasterResolutionRule,
  restrictedZoneRule,
} from '../../../../src-main/core/review/rules/index.js';
import { ROOT } from '../../../support/samples.js';

const HASH = 'ab'.repeat(32);
const defaultProfile: unknown = JSON.parse(
  readFileSync(path.join(ROOT, 'resources/profiles/default.json'), 'utf8'),
);

function load(doc: unknown): ReviewProfile {
  const parsed = parseProfile(doc, HASH);
  if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
  return parsed.profile;
}

const problemsOf = (doc: unknown): string[] => {
  const parsed = parseProfile(doc, HASH);
  return 'problems' in parsed ? parsed.problems : [];
};

const profile = (rules: Record<string, unknown>) => ({
  id: 'agency-x',
  version: 1,
  name: '某单位规则',
  rules,
});

/** A 5 m DEM in CGCS2000 3° GK CM 117E. */
const dem: RasterInfo = {
  kind: 'raster',
  width: 100,
  height: 100,
  bandCount: 1,
  dataType: 'Float32',
  crs: crsFromEpsg(4548),
  extent: [500000, 3000000, 500500, 3000500],
  pixelSize: [5, 5],
  origin: [500000, 3000500],
  nodata: null,
};

describe('review profiles as data (ADR 0160)', () => {
  it('loads the bundled national profile: its rules in order, each with its own parameters, and its hash', () => {
    const loaded = load(defaultProfile);
    expect(loaded).toMatchObject({ id: 'cn-default', version: 4, sha256: HASH });
    expect(loaded.rules.map((r) => `${r.id}@${String(r.version)}`)).toEqual([
      'position-precision@2',
      'raster-resolution@2',
      'contour-interval@1',
      'coverage-area@1',
      'restricted-zone@1',
      'forbidden-content@1',
      'sensitive-field@1',
      'graticule@1',
      'geodetic-gravity@1',
      'hidden-content@1',
      'marking@1',
    ]);
    expect(loaded.paramsOf(positionPrecisionRule)).toEqual({ metres: 50 });
    expect(loaded.paramsOf(rasterResolutionRule)).toEqual({
      demGridMetres: 100,
      imageryResolutionMetres: 0.5,
    });
    expect(loaded.paramsOf(hiddenContentRule)).toEqual({
      parts: [...HIDDEN_PARTS],
      minLength: 2,
      localPaths: true,
    });
    // DOMAIN.md's defaults: 20 m contours are secret, public maps need 50 m; 1:5000 over 25 km².
    expect(loaded.paramsOf(contourIntervalRule)).toMatchObject({ secretMetres: 20, publicMetres: 50 });
    expect(loaded.paramsOf(coverageAreaRule)).toEqual({
      scaleDenominator: 5000,
      areaKm2: 25,
      gapMetres: 1000,
    });
    // Zones are configured locally: the national profile ships none.
    expect(loaded.paramsOf(restrictedZoneRule)).toEqual({ zones: [] });
    // A period is asked of the state secrets; an empty one is the level's default (DOMAIN.md).
    expect(loaded.paramsOf(markingRule)).toEqual({
      periodLevels: ['秘密', '机密', '绝密'],
      explicitPeriod: false,
      attributionMinLength: 2,
    });
  });

  it('fails closed on a zone file the host did not read, or one in a CRS it does not know', () => {
    const zone = { file: '/secure/zones.geojson', crs: 'EPSG:4490' };
    expect(problemsOf(profile({ 'restricted-zone': { zones: [zone] } }))[0]).toMatch(
      /^rules\.restricted-zone\.zones\.0\.polygons: /,
    );
    const square = [
      [
        [108, 23],
        [108.1, 23],
        [108.1, 23.1],
        [108, 23],
      ],
    ];
    expect(
      problemsOf(
        profile({ 'restricted-zone': { zones: [{ ...zone, crs: 'EPSG:1', polygons: [square] }] } }),
      )[0],
    ).toMatch(/^rules\.restricted-zone\.zones\.0\.crs: /);
    expect(problemsOf(profile({ 'restricted-zone': { zones: [{ ...zone, polygons: [square] }] } }))).toEqual(
      [],
    );
  });

  it('fails closed: an unknown rule or a parameter its rule refuses loads nothing, naming rule and field', () => {
    expect(problemsOf(profile({ 'position-precision': { metres: 50 }, 'secret-sauce': {} }))).toEqual([
      'rules.secret-sauce: unknown rule',
    ]);
    expect(problemsOf(profile({ 'position-precision': { metres: -1 } }))[0]).toMatch(
      /^rules\.position-precision\.metres: /,
    );
    // A misspelt key is not silently ignored (the threshold it meant would not apply).
    expect(problemsOf(profile({ 'position-precision': { metre: 50 } })).join(' ')).toMatch(
      /rules\.position-precision/,
    );
    expect(problemsOf(profile({ 'raster-resolution': { demGridMetres: 100 } }))[0]).toMatch(
      /^rules\.raster-resolution\.imageryResolutionMetres: /,
    );
    expect(problemsOf(profile({}))[0]).toMatch(/^rules: /);
    expect(problemsOf({ ...profile({ 'position-precision': { metres: 50 } }), settings: {} })).not.toEqual(
      [],
    );
    expect(
      problemsOf({ id: 'Bad Id', version: 1, name: 'x', rules: { 'position-precision': { metres: 5 } } })[0],
    ).toMatch(/^id: /);
  });

  it('runs only the rules it enables, with its own thresholds', () => {
    const subject = {
      kind: 'raster',
      name: 'dem.tif',
      layer: null,
      texts: [],
      hidden: [],
      marking: { level: '秘密', period: '', attribution: '广西地质调查院', release: null },
      info: dem,
    } as const;
    // The national profile: a 5 m DEM grid is finer than 100 m; the record is marked in full.
    expect(runReview(subject, load(defaultProfile)).findings.map((f) => f.ruleId)).toEqual([
      'raster-resolution',
    ]);
    // An agency profile that allows 5 m grids finds nothing; one without the rule does not run it.
    const lenient = load(
      profile({ 'raster-resolution': { demGridMetres: 5, imageryResolutionMetres: 0.5 } }),
    );
    expect(runReview(subject, lenient)).toEqual({ findings: [], blocking: 0 });
    const vectorsOnly = load(profile({ 'position-precision': { metres: 50 } }));
    expect(vectorsOnly.paramsOf(rasterResolutionRule)).toBeNull();
    expect(runReview(subject, vectorsOnly).findings).toEqual([]);
  });
});
