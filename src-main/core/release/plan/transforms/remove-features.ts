import type { Finding, VectorFeature } from '../../../model/index.js';
import type { VectorSubject } from '../../../review/rule.js';
import { PlanRefusal, type PlanInput, type VectorTransform } from '../release-transform.js';

/** The ids of the rules whose findings ask for features to go. */
const rulesOf = (input: PlanInput<VectorSubject>): ReadonlySet<string> =>
  new Set(input.findings.map((f) => f.finding.ruleId));

/** The 0-based indices a finding lists, refused when it counts features it does not list. */
function listed(finding: Finding, number: number): number[] {
  const features = finding.where.features ?? [];
  if (features.length === 0 && (finding.where.featureCount ?? 0) > 0)
    throw new PlanRefusal('unlocated', [number]);
  return features.map((n) => n - 1);
}

/**
 * Removes the features that forbidden-content, restricted-zone, geodetic-gravity, graticule or
 * contour-interval name ('remove-features'). A finding lists at most MAX_LOCATED_FEATURES
 * features, so the rules that asked are run again over what remains, and what they list goes,
 * until they list none: what leaves is what those rules, as the profile sets them, pass. A rule
 * that comes to find the whole layer ('remove-layer') refuses the plan: nothing would be left.
 */
export const removeFeaturesTransform: VectorTransform = {
  id: 'remove-features',
  version: 1,
  kind: 'vector',
  answers: ['remove-features'],
  plan: (input) => ({
    count: input.findings.reduce((n, f) => n + (f.finding.where.featureCount ?? 0), 0),
    rules: [...rulesOf(input)].join(','),
  }),
  apply: (features, _params, input) => {
    const ids = rulesOf(input);
    const rules = input.profile.rules.filter((r) => ids.has(r.id));
    const numbers = input.findings.map((f) => f.number);
    let current: readonly VectorFeature[] = features;
    // Each pass removes at least one feature, so a layer of N features needs at most N passes.
    for (let pass = 0; pass <= features.length; pass += 1) {
      const subject: VectorSubject = {
        ...input.subject,
        info: { ...input.subject.info, featureCount: current.length },
        features: current,
      };
      const gone = new Set<number>();
      for (const rule of rules)
        for (const finding of rule.check(subject)) {
          if (finding.action === 'remove-layer') throw new PlanRefusal('removesLayer', numbers);
          if (finding.action === 'remove-features')
            for (const i of listed(finding, numbers[0] ?? 0)) gone.add(i);
        }
      if (gone.size === 0) return { features: current, lineage: { count: features.length - current.length } };
      current = current.filter((_, i) => !gone.has(i));
    }
    throw new PlanRefusal('unlocated', numbers);
  },
};
