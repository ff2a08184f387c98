import type { Finding, VectorFeature } from '../../model/index.js';
import type { ReviewProfile } from '../../review/profile.js';
import type { VectorSubject } from '../../review/rule.js';
import { stepInput, transformOf, type ReleasePlan } from './build-plan.js';
import type { PlanInput, StepParams } from './release-transform.js';

/** A step as it was applied: the transform (`id@version`) and the parameters its lineage records. */
export interface AppliedStep {
  readonly transform: string;
  readonly id: string;
  readonly params: StepParams;
}

/**
 * Runs a vector plan's transforms over the source's features in order; the writer step is the
 * host's (it writes the features out) and is recorded with its planned parameters.
 */
export function applyVectorPlan(
  plan: ReleasePlan,
  subject: VectorSubject,
  profile: ReviewProfile,
  findings: readonly Finding[],
): { readonly features: readonly VectorFeature[]; readonly steps: readonly AppliedStep[] } {
  let features: readonly VectorFeature[] = subject.features;
  const steps: AppliedStep[] = [];
  for (const step of plan.steps) {
    const transform = transformOf(step);
    if (transform?.kind === 'vector') {
      const input = stepInput(step, subject, profile, findings) as PlanInput<VectorSubject>;
      const applied = transform.apply(features, step.params, input);
      features = applied.features;
      steps.push({ transform: step.transform, id: step.id, params: applied.lineage });
    } else steps.push({ transform: step.transform, id: step.id, params: step.params });
  }
  return { features, steps };
}
