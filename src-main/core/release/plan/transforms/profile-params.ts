import type { ReviewProfile } from '../../../review/profile.js';
import type { ReviewRule } from '../../../review/rule.js';
import { PlanRefusal, type NumberedFinding } from '../release-transform.js';

/** The profile's parameters of the rule a transform takes its target from; the plan is refused without them. */
export function requireRuleParams<P>(
  profile: ReviewProfile,
  rule: ReviewRule<P>,
  findings: readonly NumberedFinding[],
): P {
  const params = profile.paramsOf(rule);
  if (params === null)
    throw new PlanRefusal(
      'profileLacksRule',
      findings.map((f) => f.number),
      { rule: rule.id },
    );
  return params;
}
