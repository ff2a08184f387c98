import type { CallContext } from '../api/caller.js';
import { StrataError } from '../api/errors.js';
import type { ReviewReport } from '../api/types.js';
import { mayTake } from '../core/catalogue/workflow.js';
import type { ReviewId, ReviewVerdictKind } from '../core/model/index.js';
import type { DatasetRow, FindingDecisionRow, ReviewRow } from '../core/ports/index.js';
import { accountsEnabled } from './account-trust.js';
import type { ServiceDeps } from './deps.js';
import { toReviewReport } from './dataset-view.js';
import { requireDataset } from './lookup.js';
import { requireCurrentReview } from './review-service.js';

export interface VerdictInput {
  readonly reviewId: ReviewId;
  readonly verdict: ReviewVerdictKind;
  readonly comment: string;
}

/** Numbers (1-based) of the blocking findings that stand in the way of an approval, by why. */
export function approvalBlockers(
  review: ReviewRow,
  decisions: readonly FindingDecisionRow[],
): { undecided: number[]; mustFix: number[] } {
  const held = new Map(decisions.map((d) => [d.finding, d.decision]));
  const undecided: number[] = [];
  const mustFix: number[] = [];
  review.findings.forEach((finding, i) => {
    if (finding.severity !== 'blocking') return;
    const decision = held.get(i + 1);
    if (decision === undefined) undecided.push(i + 1);
    else if (decision === 'must-fix') mustFix.push(i + 1);
  });
  return { undecided, mustFix };
}

/**
 * Four-eyes (ADR 0174): whoever imported the dataset, or produced the public version (and imported
 * its original), may not approve its review. Without accounts nobody's name is authenticated and
 * the one local user prepared everything, so no approval is possible there at all.
 */
async function requireFourEyes(deps: ServiceDeps, ctx: CallContext, dataset: DatasetRow): Promise<void> {
  if (!(await accountsEnabled(deps)))
    throw new StrataError('FOUR_EYES', { problem: 'problem.fourEyesNeedsAccounts' });
  const source = dataset.sourceId === null ? null : await requireDataset(deps, dataset.sourceId);
  if ([dataset.createdBy, source?.createdBy].includes(ctx.user))
    throw new StrataError('FOUR_EYES', { problem: 'problem.fourEyesPreparer', name: ctx.user });
}

/**
 * Approves or returns a dataset's current review as a whole, with the audit entry in the same
 * transaction. Refused: an unknown or superseded review, one that has a verdict already, a return
 * without a comment, an approval while a blocking finding is undecided or must be fixed, and an
 * approval by the person who prepared the content (four-eyes). Returns the review with its verdict.
 */
export async function decideReview(
  deps: ServiceDeps,
  ctx: CallContext,
  input: VerdictInput,
): Promise<ReviewReport> {
  if (!mayTake(ctx.roles, input.verdict)) throw new StrataError('FORBIDDEN');
  const { review, dataset } = await requireCurrentReview(deps, input.reviewId);
  const comment = input.comment.trim();
  if (input.verdict === 'return' && comment === '')
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.returnNeedsComment' });
  const decisions = await deps.store.decisions(review.id);
  if (input.verdict === 'approve') {
    const { undecided, mustFix } = approvalBlockers(review, decisions);
    if (undecided.length > 0)
      throw new StrataError('INVALID_ARGUMENT', {
        detail: 'detail.approveUndecided',
        findings: undecided.join(', '),
      });
    if (mustFix.length > 0)
      throw new StrataError('INVALID_ARGUMENT', {
        detail: 'detail.approveMustFix',
        findings: mustFix.join(', '),
      });
    await requireFourEyes(deps, ctx, dataset);
  }
  const verdict = {
    reviewId: review.id,
    verdict: input.verdict,
    comment,
    contentSha256: review.contentSha256,
    decidedBy: ctx.user,
    decidedAt: deps.clock.now().toISOString(),
  };
  await deps.store.write(async (tx) => {
    // Inside the write, so two verdicts racing on one review cannot both pass.
    const earlier = await deps.store.verdict(review.id);
    if (earlier !== null)
      throw new StrataError('INVALID_ARGUMENT', {
        detail: 'detail.reviewAlreadyDecided',
        by: earlier.decidedBy,
        at: earlier.decidedAt,
      });
    await tx.insertVerdict(verdict);
    await tx.appendAudit({
      actor: ctx.user,
      action: `review.${input.verdict}`,
      subject: review.datasetId,
      details: { reviewId: review.id, contentSha256: review.contentSha256, commented: comment !== '' },
    });
  });
  return toReviewReport(review, decisions, verdict);
}
