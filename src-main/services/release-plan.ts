import { StrataError } from '../api/errors.js';
import type { ReasonKey } from '../api/messages.js';
import type { ReleasePlanView } from '../api/types.js';
import { buildReleasePlan, type ReleasePlan } from '../core/release/plan/build-plan.js';
import {
  PlanRefusal,
  type PlanRefusalKind,
  type ReleaseOutput,
} from '../core/release/plan/release-transform.js';
import type { FindingDecisionKind } from '../core/model/index.js';
import type { DatasetId } from '../core/model/index.js';
import type { ReviewRow } from '../core/ports/index.js';
import type { ReviewProfile } from '../core/review/profile.js';
import type { ReviewSubject } from '../core/review/rule.js';
import type { ServiceDeps } from './deps.js';
import { requireInUse } from './lookup.js';
import { withStagedSubject } from './subject.js';

/** Finds a review profile by id as `review.run` does (shipped or loaded, hash-checked). */
export type ProfileResolver = (id: string) => Promise<ReviewProfile>;

const REFUSAL_REASONS: Record<PlanRefusalKind, ReasonKey> = {
  needsCurator: 'reason.planNeedsCurator',
  removesLayer: 'reason.planRemovesLayer',
  noTransform: 'reason.planNoTransform',
  profileLacksRule: 'reason.profileLacksRule',
  unlocated: 'reason.planUnlocated',
  outputFormat: 'reason.planOutputFormat',
};

/** The review a plan is built from, with the reviewer's decisions that hold (the latest per finding). */
export interface PlanBasis {
  readonly review: ReviewRow;
  readonly decisions: ReadonlyMap<number, FindingDecisionKind>;
  readonly profile: ReviewProfile;
}

/**
 * The review `source`'s plan is built from: its latest one, with the decisions that hold and the
 * profile that judged it, resolved again and required to hash as the review recorded (a plan
 * takes its targets, the 50 m and the 100 m, from the very profile the reviewer approved under).
 */
export async function planBasis(
  deps: ServiceDeps,
  resolve: ProfileResolver,
  id: DatasetId,
): Promise<PlanBasis> {
  const review = await deps.store.latestReview(id);
  if (review === null) throw new StrataError('RELEASE_REFUSED', { reason: 'reason.notReviewed' });
  const decisions = new Map<number, FindingDecisionKind>();
  for (const row of await deps.store.decisions(review.id)) decisions.set(row.finding, row.decision);
  const profile = await resolve(review.profileId);
  if (review.profileSha256 !== null && profile.sha256 !== review.profileSha256)
    throw new StrataError('RELEASE_REFUSED', {
      reason: 'reason.planProfileChanged',
      profile: review.profileId,
    });
  return { review, decisions, profile };
}

const numbers = (list: readonly number[]): string => list.join('、');

/** `buildReleasePlan` with its refusal as RELEASE_REFUSED, the reason naming the finding numbers. */
export function planOrRefuse(subject: ReviewSubject, basis: PlanBasis, output?: ReleaseOutput): ReleasePlan {
  try {
    return buildReleasePlan(subject, basis.profile, basis.review.findings, basis.decisions, output);
  } catch (error) {
    if (!(error instanceof PlanRefusal)) throw error;
    throw refusalError(error);
  }
}

export const refusalError = (refusal: PlanRefusal): Error =>
  new StrataError('RELEASE_REFUSED', {
    reason: REFUSAL_REASONS[refusal.kind],
    findings: numbers(refusal.findings),
    ...refusal.detail,
  });

/**
 * What `release.create` would do to a dataset, shown to the curator before it runs: the plan from
 * its latest review and the reviewer's decisions, or why there is none (the refusal the release
 * would give). It does not require the approval yet (the view says whether there is one).
 */
export async function previewReleasePlan(
  deps: ServiceDeps,
  resolve: ProfileResolver,
  id: DatasetId,
  output?: ReleaseOutput,
): Promise<ReleasePlanView> {
  const source = await requireInUse(deps, id);
  try {
    const basis = await planBasis(deps, resolve, id);
    const plan = await withStagedSubject(deps, source, (subject) =>
      Promise.resolve(planOrRefuse(subject, basis, output)),
    );
    return {
      datasetId: id,
      reviewId: basis.review.id,
      profile: { id: basis.profile.id, version: basis.profile.version },
      steps: plan.steps.map((s) => ({
        transform: s.transform,
        step: s.id,
        params: s.params,
        findings: s.findings,
      })),
      refusal: null,
    };
  } catch (error) {
    if (!(error instanceof StrataError) || error.code !== 'RELEASE_REFUSED') throw error;
    return { datasetId: id, reviewId: null, profile: null, steps: [], refusal: { ...error.params } };
  }
}
