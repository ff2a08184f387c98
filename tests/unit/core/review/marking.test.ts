import { describe, expect, it } from 'vitest';
import type { SubjectMarking } from '../../../../src-main/core/review/rule.js';
import { markingRule } from '../../../../src-main/core/review/rules/index.js';
import { defaultParams, point, vectorSubject } from './vector-subject.js';

const params = markingRule.params.parse(defaultParams('marking'));

const ORIGINAL: SubjectMarking = {
  level: '秘密',
  period: '10年',
  attribution: '广西壮族自治区地质调查院',
  release: null,
};
const PUBLIC: SubjectMarking = {
  level: '公开',
  period: '',
  attribution: '广西壮族自治区地质调查院',
  release: { lineage: true, sourceReviewed: true },
};

const check = (marking: SubjectMarking | undefined, p = params) => {
  const subject = vectorSubject([point(500000, 2700000)]);
  return markingRule.check(marking === undefined ? subject : { ...subject, marking }, p);
};
/** Each finding as [messageKey, part, params]. */
const found = (marking: SubjectMarking | undefined, p = params) =>
  check(marking, p).map((f) => [f.messageKey, f.where.part, f.params]);

describe('markingRule', () => {
  it('passes a complete original and a complete public version', () => {
    expect(check(ORIGINAL)).toEqual([]);
    expect(check({ ...ORIGINAL, level: '内部', period: '' })).toEqual([]);
    expect(check({ ...ORIGINAL, level: '绝密', period: '长期' })).toEqual([]);
    expect(check(PUBLIC)).toEqual([]);
  });

  it('refuses a level that is not one of the five, located at the record level', () => {
    expect(check({ ...ORIGINAL, level: '' })).toEqual([
      {
        ruleId: 'marking',
        ruleVersion: 1,
        severity: 'blocking',
        messageKey: 'finding.markingLevel',
        params: {},
        where: { part: 'metadata.level' },
        action: 'refuse',
      },
    ]);
    expect(found({ ...ORIGINAL, level: 'secret' })).toEqual([['finding.markingLevel', 'metadata.level', {}]]);
  });

  it('needs a valid period for a state secret, and takes an empty one as the level default unless told not to', () => {
    expect(found({ ...ORIGINAL, period: '十年' })).toEqual([
      ['finding.markingPeriod', 'metadata.period', { level: 'level.秘密' }],
    ]);
    expect(found({ ...ORIGINAL, level: '机密', period: '0年' })).toEqual([
      ['finding.markingPeriod', 'metadata.period', { level: 'level.机密' }],
    ]);
    expect(check({ ...ORIGINAL, period: '' })).toEqual([]);
    expect(found({ ...ORIGINAL, period: '' }, { ...params, explicitPeriod: true })).toEqual([
      ['finding.markingPeriod', 'metadata.period', { level: 'level.秘密' }],
    ]);
    // 内部 is not a state secret: the national profile asks no period of it; an agency may.
    expect(check({ ...ORIGINAL, level: '内部', period: 'x' })).toEqual([]);
    expect(found({ ...ORIGINAL, level: '内部', period: 'x' }, { ...params, periodLevels: ['内部'] })).toEqual(
      [['finding.markingPeriod', 'metadata.period', { level: 'level.内部' }]],
    );
  });

  it('needs a data source of at least the configured length', () => {
    expect(found({ ...ORIGINAL, attribution: '' })).toEqual([
      ['finding.markingAttribution', 'metadata.attribution', {}],
    ]);
    expect(found({ ...ORIGINAL, attribution: '  院 ' })).toEqual([
      ['finding.markingAttribution', 'metadata.attribution', {}],
    ]);
    expect(check({ ...ORIGINAL, attribution: '地调' })).toEqual([]);
    expect(check({ ...ORIGINAL, attribution: '院' }, { ...params, attributionMinLength: 1 })).toEqual([]);
  });

  it('asks a public version for level 公开, its lineage and its source review, each its own finding', () => {
    expect(found({ ...PUBLIC, level: '秘密', period: '10年' })).toEqual([
      ['finding.markingNotPublic', 'metadata.level', { level: 'level.秘密' }],
    ]);
    expect(found({ ...PUBLIC, release: { lineage: false, sourceReviewed: true } })).toEqual([
      ['finding.markingLineage', 'lineage', {}],
    ]);
    expect(found({ ...PUBLIC, release: { lineage: true, sourceReviewed: false } })).toEqual([
      ['finding.markingSourceReview', 'source-review', {}],
    ]);
    expect(
      found({
        level: '内部',
        period: '',
        attribution: '',
        release: { lineage: false, sourceReviewed: false },
      }),
    ).toEqual([
      ['finding.markingAttribution', 'metadata.attribution', {}],
      ['finding.markingNotPublic', 'metadata.level', { level: 'level.内部' }],
      ['finding.markingLineage', 'lineage', {}],
      ['finding.markingSourceReview', 'source-review', {}],
    ]);
    // An original is not asked for what only a public version has.
    expect(check({ ...ORIGINAL, release: null })).toEqual([]);
  });

  it('fails closed on a subject read without its record: nothing is marked', () => {
    expect(found(undefined)).toEqual([
      ['finding.markingLevel', 'metadata.level', {}],
      ['finding.markingAttribution', 'metadata.attribution', {}],
    ]);
  });

  it('refuses parameters it does not know, a level that is none, or a length out of range', () => {
    const bad = [
      { ...params, periodLevels: ['秘密', 'secret'] },
      { ...params, periodLevels: [] },
      { ...params, attributionMinLength: 0 },
      { ...params, explicitPeriod: 'yes' },
      { ...params, extra: 1 },
      { periodLevels: ['秘密'], explicitPeriod: false },
    ];
    for (const doc of bad) expect(markingRule.params.safeParse(doc).success).toBe(false);
  });
});
