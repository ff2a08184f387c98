import { z } from 'zod';
import {
  PERIOD_PATTERN,
  SECRECY_LEVELS,
  type Finding,
  type FindingMessageKey,
  type MarkingPart,
} from '../../model/index.js';
import { defineRule, type SubjectMarking } from '../rule.js';

const ID = 'marking';
const VERSION = 1;

const paramsSchema = z.strictObject({
  /** Levels whose record must carry a valid 保密期限 (DOMAIN.md: the state-secret levels). */
  periodLevels: z.array(z.enum(SECRECY_LEVELS)).min(1).max(SECRECY_LEVELS.length),
  /** Whether an empty 保密期限 (the level's default: 秘密 10 years ...) counts as missing. */
  explicitPeriod: z.boolean(),
  /** Fewest characters, trimmed (UTF-16 units: one per hanzi), that make a 数据来源. */
  attributionMinLength: z.number().int().min(1).max(200),
});

export type MarkingParams = z.infer<typeof paramsSchema>;

/** A subject read without its record has nothing marked: every check finds its item missing. */
const UNMARKED: SubjectMarking = { level: '', period: '', attribution: '', release: null };

const isLevel = (level: string): level is (typeof SECRECY_LEVELS)[number] =>
  (SECRECY_LEVELS as readonly string[]).includes(level);

const finding = (
  messageKey: FindingMessageKey,
  part: MarkingPart,
  params: Readonly<Record<string, string>> = {},
): Finding => ({
  ruleId: ID,
  ruleVersion: VERSION,
  severity: 'blocking',
  messageKey,
  params,
  where: { part },
  action: 'refuse',
});

/** The items of the record itself: a known level, a valid period where the level needs one, a source. */
function recordFindings(marking: SubjectMarking, params: MarkingParams): Finding[] {
  const out: Finding[] = [];
  const level = marking.level.trim();
  if (!isLevel(level)) out.push(finding('finding.markingLevel', 'metadata.level'));
  else if (params.periodLevels.includes(level)) {
    const period = marking.period.trim();
    if (!PERIOD_PATTERN.test(period) || (params.explicitPeriod && period === ''))
      out.push(finding('finding.markingPeriod', 'metadata.period', { level: `level.${level}` }));
  }
  if (marking.attribution.trim().length < params.attributionMinLength)
    out.push(finding('finding.markingAttribution', 'metadata.attribution'));
  return out;
}

/** What a public version needs besides: level 公开, a lineage to its source, a review of that source. */
function releaseFindings(marking: SubjectMarking): Finding[] {
  const release = marking.release;
  if (release === null) return [];
  const out: Finding[] = [];
  const level = marking.level.trim();
  if (isLevel(level) && level !== '公开')
    out.push(finding('finding.markingNotPublic', 'metadata.level', { level: `level.${level}` }));
  if (!release.lineage) out.push(finding('finding.markingLineage', 'lineage'));
  if (!release.sourceReviewed) out.push(finding('finding.markingSourceReview', 'source-review'));
  return out;
}

/**
 * Marking (DOMAIN.md: "output level must be 公开; lineage, attribution, review record present",
 * required before export; ADR 0168): the record's 密级 is one of the levels, a state secret has a
 * valid 保密期限, and the 数据来源 is given; a public version is also marked 公开, has a lineage
 * to its source and a review record of that source. Each missing item is its own blocking finding,
 * located at the record's part, with action `refuse`: no transform can supply it, a curator must.
 */
export const markingRule = defineRule({
  id: ID,
  version: VERSION,
  params: paramsSchema,
  check(subject, params): readonly Finding[] {
    const marking = subject.marking ?? UNMARKED;
    return [...recordFindings(marking, params), ...releaseFindings(marking)];
  },
});
