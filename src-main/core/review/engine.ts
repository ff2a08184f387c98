import type { Finding } from '../model/index.js';
import type { ReviewProfile } from './profile.js';
import type { ReviewRule, ReviewSubject } from './rule.js';
import { positionPrecisionRule } from './rules/position-precision.js';
import { rasterResolutionRule } from './rules/raster-resolution.js';

/** Every rule the engine knows, by id. A profile selects from these. */
export const RULES: ReadonlyMap<string, ReviewRule> = new Map(
  [positionPrecisionRule, rasterResolutionRule].map((rule) => [rule.id, rule]),
);

export interface ReviewOutcome {
  readonly findings: readonly Finding[];
  readonly blocking: number;
}

/**
 * Runs the profile's rules over one subject. An unknown rule id in the profile is itself a
 * blocking finding: a profile that cannot be applied in full must not pass anything.
 */
export function runReview(subject: ReviewSubject, profile: ReviewProfile): ReviewOutcome {
  const findings: Finding[] = [];
  for (const id of profile.rules) {
    const rule = RULES.get(id);
    if (!rule) {
      findings.push({
        ruleId: id,
        ruleVersion: 0,
        severity: 'blocking',
        messageKey: 'finding.unknownRule',
        params: { rule: id },
        where: 'profile',
        action: null,
      });
      continue;
    }
    findings.push(...rule.check(subject, profile.settings));
  }
  return { findings, blocking: findings.filter((f) => f.severity === 'blocking').length };
}
