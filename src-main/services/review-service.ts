import type { CallContext } from '../api/caller.js';
import { runReview } from '../core/review/engine.js';
import type { ReviewProfile } from '../core/review/profile.js';
import type { ReviewSubject } from '../core/review/rule.js';
import { StrataError } from '../api/errors.js';
import type { DatasetId, FindingDecisionKind, ReviewId } from '../core/model/index.js';
import type { DatasetRow, ReviewRow } from '../core/ports/index.js';
import type { ReviewReport } from '../api/types.js';
import type { ServiceDeps } from './deps.js';
import { requireInUse, requireRecords } from './lookup.js';
import { withStagedSubject } from './subject.js';
import { storedRecord } from './subject-record.js';
import { toReviewReport } from './dataset-view.js';

/** Builds (does not store) the review record of `subject` whose bytes hash to `contentSha256`. */
export function reviewSubject(
  deps: ServiceDeps,
  ctx: CallContext,
  profile: ReviewProfile,
  datasetId: DatasetId,
  subject: ReviewSubject,
  contentSha256: string,
): ReviewRow {
  const outcome = runReview(subject, profile);
  return {
    id: deps.ids.reviewId(),
    datasetId,
    profileId: profile.id,
    profileVersion: profile.version,
    profileName: profile.name,
    profileSha256: profile.sha256,
    rules: profile.rules.map((rule) => ({ id: rule.id, version: rule.version })),
    findings: outcome.findings,
    contentSha256,
    reviewer: ctx.user,
    createdAt: deps.clock.now().toISOString(),
  };
}

/** Runs the profile on the dataset as parsed again from its stored bytes, and records the result. */
export async function runDatasetReview(
  deps: ServiceDeps,
  ctx: CallContext,
  profile: ReviewProfile,
  id: DatasetId,
): Promise<ReviewReport> {
  const row = await requireInUse(deps, id);
  const { latest } = await requireRecords(deps, id);
  const review = await withStagedSubject(
    deps,
    row,
    (subject) => Promise.resolve(reviewSubject(deps, ctx, profile, id, subject, row.sha256)),
    await storedRecord(deps, row, latest.fields),
  );
  const report = toReviewReport(review);
  await deps.store.write(async (tx) => {
    await tx.insertReview(review);
    if (row.status === 'draft') await tx.setStatus(id, 'reviewed');
    await tx.appendAudit({
      actor: ctx.user,
      action: 'review.run',
      subject: id,
      details: {
        reviewId: review.id,
        profile: `${profile.id}@${String(profile.version)}`,
        profileSha256: profile.sha256,
        findings: review.findings.length,
        blocking: report.blocking,
      },
    });
  });
  return report;
}

export interface DecisionInput {
  readonly reviewId: ReviewId;
  /** 1-based, in the review's order. */
  readonly finding: number;
  readonly decision: FindingDecisionKind;
  readonly reason: string;
}

/**
 * Records a reviewer's decision on one finding of a dataset's current review, with the audit entry
 * in the same transaction. Refused: an unknown review (NOT_FOUND), a review a newer one has
 * superseded or that was approved or returned already, a finding number the review does not have,
 * and accept or false-positive without a reason (INVALID_ARGUMENT). Returns the review with the
 * decisions that now hold.
 */
export async function decideFinding(
  deps: ServiceDeps,
  ctx: CallContext,
  input: DecisionInput,
): Promise<ReviewReport> {
  const { review } = await requireCurrentReview(deps, input.reviewId);
  const verdict = await deps.store.verdict(review.id);
  // A concluded review is closed: its decisions are what the verdict was given on.
  if (verdict !== null)
    throw new StrataError('INVALID_ARGUMENT', {
      detail: 'detail.reviewAlreadyDecided',
      by: verdict.decidedBy,
      at: verdict.decidedAt,
    });
  if (input.finding > review.findings.length)
    throw new StrataError('INVALID_ARGUMENT', {
      detail: 'detail.noSuchFinding',
      count: review.findings.length,
    });
  const reason = input.reason.trim();
  if (input.decision !== 'must-fix' && reason === '')
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.decisionNeedsReason' });
  await deps.store.write(async (tx) => {
    await tx.insertDecision({
      reviewId: review.id,
      finding: input.finding,
      decision: input.decision,
      reason,
      decidedBy: ctx.user,
      decidedAt: deps.clock.now().toISOString(),
    });
    await tx.appendAudit({
      actor: ctx.user,
      action: 'review.decide',
      subject: review.datasetId,
      details: {
        reviewId: review.id,
        finding: input.finding,
        ruleId: review.findings[input.finding - 1]?.ruleId ?? '',
        decision: input.decision,
      },
    });
  });
  return toReviewReport(review, await deps.store.decisions(review.id));
}

/**
 * The review `reviewId` with its dataset, while it is the dataset's latest review of the bytes it
 * holds now. Refused: an unknown review (NOT_FOUND), a dataset not in use, and a review a newer one
 * (or a change of content) has superseded.
 */
export async function requireCurrentReview(
  deps: ServiceDeps,
  reviewId: ReviewId,
): Promise<{ review: ReviewRow; dataset: DatasetRow }> {
  const review = await deps.store.getReview(reviewId);
  if (review === null) throw new StrataError('NOT_FOUND', { what: reviewId });
  const dataset = await requireInUse(deps, review.datasetId);
  const latest = await deps.store.latestReview(review.datasetId);
  if (latest?.id !== review.id || review.contentSha256 !== dataset.sha256)
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.reviewSuperseded' });
  return { review, dataset };
}
