import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from '../../../../src-main/core/crs/index.js';
import type { Finding, FindingDecisionKind, RasterInfo } from '../../../../src-main/core/model/index.js';
import { runReview } from '../../../../src-main/core/review/engine.js';
import { parseProfile, type ReviewProfile } from '../../../../src-main/core/review/profile.js';
import type { RasterSubject, VectorSubject } from '../../../../src-main/core/review/rule.js';
import { applyVectorPlan } from '../../../../src-main/core/release/plan/apply-vector.js';
import { buildReleasePlan } from '../../../../src-main/core/release/plan/build-plan.js';
import { PlanRefusal } from '../../../../src-main/core/release/plan/release-transform.js';
import { RELEASE_TRANSFORMS } from '../../../../src-main/core/release/plan/registry.js';
import { point, vectorSubject } from '../review/vector-subject.js';
import { ROOT } from '../../../support/samples.js';

const profile: ReviewProfile = (() => {
  const doc: unknown = JSON.parse(readFileSync(path.join(ROOT, 'resources/profiles/default.json'), 'utf8'));
  const parsed = parseProfile(doc, 'ab'.repeat(32));
  if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
  return parsed.profile;
})();

/** A record marked as the `marking` rule asks, so that only the data's findings remain. */
const marking = {
  level: '秘密',
  period: '',
  attribution: '广西壮族自治区地质调查院',
  release: null,
} as const;

const none = new Map<number, FindingDecisionKind>();
const refusalOf = (run: () => unknown): PlanRefusal => {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanRefusal) return error;
    throw error;
  }
  throw new Error('the plan was not refused');
};

/** 300 mine points in CGCS2000 3° GK CM 117E at millimetre precision; every 2nd names a forces' post. */
function mines(): VectorSubject {
  const features = Array.from({ length: 300 }, (_, i) =>
    point(500000.123 + i * 97.001, 3000000.456 + i * 53.002, {
      名称: i % 2 === 0 ? `某部队驻地${String(i)}` : `大厂${String(i)}号矿点`,
      储量: 3254.67 + i,
    }),
  );
  return { ...vectorSubject(features, { epsg: 4548, name: '矿点.geojson' }), marking };
}

const stepsOf = (subject: VectorSubject | RasterSubject, findings: readonly Finding[], decisions = none) =>
  buildReleasePlan(subject, profile, findings, decisions).steps.map((s) => s.transform);

describe('the release plan (ADR 0186)', () => {
  it('names each step by a registered transform id@version, in the registry order, writer last', () => {
    const names = RELEASE_TRANSFORMS.map((t) => `${t.id}@${String(t.version)}`);
    expect(new Set(names).size).toBe(names.length);
    expect(names.at(-1)).toBe('write-allow-list@1');
    const subject = mines();
    const { findings } = runReview(subject, profile);
    expect(stepsOf(subject, findings)).toEqual([
      'remove-features@1',
      'drop-fields@1',
      'degrade-coordinates@1',
      'write-allow-list@1',
    ]);
  });

  it('shows the curator what each step will do, and which findings it answers', () => {
    const subject = mines();
    const { findings } = runReview(subject, profile);
    const plan = buildReleasePlan(subject, profile, findings, none);
    const byId = new Map(plan.steps.map((s) => [s.id, s]));
    expect(byId.get('remove-features')?.params).toEqual({ count: 150, rules: 'forbidden-content' });
    expect(byId.get('drop-fields')?.params).toEqual({ fields: '储量', count: 1 });
    expect(byId.get('degrade-coordinates')?.params).toEqual({ grid: 50, unit: 'm' });
    const numbered = (action: Finding['action']) =>
      findings.flatMap((f, i) => (f.action === action ? [i + 1] : []));
    expect(byId.get('drop-fields')?.findings).toEqual(numbered('drop-field'));
    // Snapping answers the precision finding and the large-scale coverage the precision makes.
    expect(byId.get('degrade-coordinates')?.findings).toEqual(
      [...numbered('degrade-coordinates'), ...numbered('mask-area')].sort((a, b) => a - b),
    );
  });

  it('removes every feature the rules name, past the 100 a finding lists, and records what it did', () => {
    const subject = mines();
    const { findings } = runReview(subject, profile);
    expect(findings.find((f) => f.action === 'remove-features')?.where.featureCount).toBe(150);
    const plan = buildReleasePlan(subject, profile, findings, none);
    const out = applyVectorPlan(plan, subject, profile, findings);
    expect(out.features).toHaveLength(150);
    expect(out.features.every((f) => !String(f.properties['名称']).includes('部队'))).toBe(true);
    expect(out.features.every((f) => !('储量' in f.properties))).toBe(true);
    expect(out.steps).toEqual([
      { transform: 'remove-features@1', id: 'remove-features', params: { count: 150 } },
      { transform: 'drop-fields@1', id: 'drop-fields', params: { count: 1 } },
      { transform: 'degrade-coordinates@1', id: 'degrade-coordinates', params: { grid: 50, unit: 'm' } },
      { transform: 'write-allow-list@1', id: 'write-allow-list', params: { format: 'GeoJSON' } },
    ]);
    // What is left passes the rules whose findings the plan answered.
    const left = runReview(
      { ...vectorSubject(out.features, { epsg: 4548, name: '矿点.geojson' }), marking },
      profile,
    );
    expect(left.findings.filter((f) => f.severity === 'blocking')).toEqual([]);
  });

  it('asks nothing for a finding the reviewer judged a false positive', () => {
    const subject = mines();
    const { findings } = runReview(subject, profile);
    const decisions = new Map<number, FindingDecisionKind>(
      findings.flatMap((f, i): [number, FindingDecisionKind][] =>
        f.action === 'drop-field' ? [[i + 1, 'false-positive']] : [],
      ),
    );
    expect(stepsOf(subject, findings, decisions)).not.toContain('drop-fields@1');
    // An accepted finding is answered by its action.
    const accepted = new Map([...decisions].map(([n]) => [n, 'accept' as const]));
    expect(stepsOf(subject, findings, accepted)).toContain('drop-fields@1');
  });

  it('refuses, naming the findings, what no transform can answer', () => {
    const subject = mines();
    const base: Finding = {
      ruleId: 'x',
      ruleVersion: 1,
      severity: 'blocking',
      messageKey: 'finding.markingAttribution',
      params: {},
      where: {},
      action: 'refuse',
    };
    const curator = refusalOf(() =>
      buildReleasePlan(subject, profile, [base, { ...base, action: null }], none),
    );
    expect([curator.kind, curator.findings]).toEqual(['needsCurator', [1, 2]]);
    // A warning nothing answers asks for nothing.
    expect(stepsOf(subject, [{ ...base, severity: 'warning', action: null }])).toEqual([
      'write-allow-list@1',
    ]);
    const layer = refusalOf(() =>
      buildReleasePlan(subject, profile, [{ ...base, action: 'remove-layer' }], none),
    );
    expect([layer.kind, layer.findings]).toEqual(['removesLayer', [1]]);
    const mask = refusalOf(() =>
      buildReleasePlan(subject, profile, [{ ...base, action: 'mask-area' }], none),
    );
    expect([mask.kind, mask.detail]).toEqual(['noTransform', { action: 'mask-area' }]);
    // A raster transform does not answer a vector's finding.
    const resample = refusalOf(() =>
      buildReleasePlan(subject, profile, [{ ...base, action: 'resample' }], none),
    );
    expect(resample.kind).toBe('noTransform');
  });

  it('plans a raster that passes as a rewrite only, and a fine DEM as a block average to the profile grid', () => {
    const info: RasterInfo = {
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
    const dem: RasterSubject = {
      kind: 'raster',
      name: 'dem.tif',
      layer: null,
      texts: [],
      hidden: [],
      info,
      marking,
    };
    const { findings } = runReview(dem, profile);
    const plan = buildReleasePlan(dem, profile, findings, none);
    expect(plan.steps.map((s) => [s.transform, s.params])).toEqual([
      ['resample-block-average@1', { resolution: 100, resolutionY: 100, unit: 'm' }],
      ['write-allow-list@1', { format: 'GeoTIFF' }],
    ]);
    const coarse: RasterSubject = { ...dem, info: { ...info, pixelSize: [100, 100], width: 5, height: 5 } };
    expect(stepsOf(coarse, runReview(coarse, profile).findings)).toEqual(['write-allow-list@1']);
  });
});
