import type { CallContext } from '../api/caller.js';
import { StrataError } from '../api/errors.js';
import type { ReviewReport } from '../api/types.js';
import { mayTake } from '../core/catalogue/workflow.js';
import type { ReviewId, ReviewVerdictKind } from '../core/model/index.js';
import type { DatasetRow, FindingDecisionRow, ReviewRow, ReviewVerdictRow } from '../core/ports/index.js';
import {
  reportBytes,
  statementBytes,
  statementJson,
  type ApprovalStatement,
} from '../core/review/approval.js';
import { accountsEnabled, trustedAccount } from './account-trust.js';
import type { ServiceDeps } from './deps.js';
import { toReviewReport } from './dataset-view.js';
import { requireDataset } from './lookup.js';
import { requireCurrentReview } from './review-service.js';
import { checkPassword } from './session-service.js';

export interface VerdictInput {
  readonly reviewId: ReviewId;
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

/** Who prepared `dataset`: whoever imported it and, for a public version, its original (ADR 0174). */
export async function preparersOf(deps: ServiceDeps, dataset: DatasetRow): Promise<string[]> {
  const source = dataset.sourceId === null ? null : await requireDataset(deps, dataset.sourceId);
  return [dataset.createdBy, ...(source === null ? [] : [source.createdBy])];
}

/**
 * Four-eyes (ADR 0174): whoever imported the dataset, or produced the public version (and imported
 * its original), may not approve its review. Without accounts nobody's name is authenticated and
 * the one local user prepared everything, so no approval is possible there at all.
 */
async function requireFourEyes(deps: ServiceDeps, ctx: CallContext, dataset: DatasetRow): Promise<void> {
  if (!(await accountsEnabled(deps)))
    throw new StrataError('FOUR_EYES', { problem: 'problem.fourEyesNeedsAccounts' });
  if ((await preparersOf(deps, dataset)).includes(ctx.user))
    throw new StrataError('FOUR_EYES', { problem: 'problem.fourEyesPreparer', name: ctx.user });
}

/** The current review of `reviewId` that may still be concluded, with its decisions. */
async function openReview(
  deps: ServiceDeps,
  ctx: CallContext,
  verdict: ReviewVerdictKind,
  reviewId: ReviewId,
): Promise<{ review: ReviewRow; dataset: DatasetRow; decisions: FindingDecisionRow[] }> {
  if (!mayTake(ctx.roles, verdict)) throw new StrataError('FORBIDDEN');
  const { review, dataset } = await requireCurrentReview(deps, reviewId);
  return { review, dataset, decisions: await deps.store.decisions(review.id) };
}

/** Stores a verdict and its audit entry in one transaction, refusing a second verdict on the review. */
async function storeVerdict(
  deps: ServiceDeps,
  ctx: CallContext,
  review: ReviewRow,
  verdict: ReviewVerdictRow,
): Promise<void> {
  await deps.store.write(async (tx) => {
    // Inside the write, so two verdicts racing on one review cannot both pass.
    const earlier = await deps.store.verdict(verdict.reviewId);
    if (earlier !== null)
      throw new StrataError('INVALID_ARGUMENT', {
        detail: 'detail.reviewAlreadyDecided',
        by: earlier.decidedBy,
        at: earlier.decidedAt,
      });
    await tx.insertVerdict(verdict);
    await tx.appendAudit({
      actor: ctx.user,
      action: `review.${verdict.verdict}`,
      subject: review.datasetId,
      details: {
        reviewId: verdict.reviewId,
        contentSha256: verdict.contentSha256,
        commented: verdict.comment !== '',
        signed: verdict.signature !== null,
      },
    });
  });
}

/**
 * Signs `statement` with the caller's own key, unwrapped by `password` (ADR 0176). A wrong
 * password counts as a failed login (five lock the account) and is refused with
 * `detail.approvePassword`.
 */
async function signStatement(
  deps: ServiceDeps,
  ctx: CallContext,
  statement: ApprovalStatement,
  password: string,
): Promise<string> {
  const account = await trustedAccount(deps, ctx.user);
  if (account === null) throw new StrataError('FOUR_EYES', { problem: 'problem.fourEyesNeedsAccounts' });
  try {
    await checkPassword(deps, account, password);
  } catch (error) {
    if (error instanceof StrataError && error.code === 'LOGIN_FAILED')
      throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.approvePassword', user: ctx.user });
    throw error;
  }
  return deps.accounts.signAsUser(account.name, account, password, statementBytes(statement));
}

/**
 * Approves a dataset's current review as a whole: a statement binding the review, the dataset,
 * the content hash of exactly the reviewed files and the hash of the review report (findings,
 * decisions, profile) is signed with the reviewer's own key and stored with the verdict, with the
 * audit entry in the same transaction. Refused: an unknown or superseded review, one that has a
 * verdict already, a blocking finding undecided or to be fixed, the person who prepared the
 * content (four-eyes), and a wrong password. Returns the review with its verdict.
 */
export async function approveReview(
  deps: ServiceDeps,
  ctx: CallContext,
  input: VerdictInput,
  password: string,
): Promise<ReviewReport> {
  const { review, dataset, decisions } = await openReview(deps, ctx, 'approve', input.reviewId);
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
  const statement: ApprovalStatement = {
    reviewId: review.id,
    datasetId: dataset.id,
    contentSha256: review.contentSha256,
    reportSha256: deps.accounts.sha256(reportBytes(review, decisions)),
    reviewer: ctx.user,
    comment: input.comment.trim(),
    approvedAt: deps.clock.now().toISOString(),
  };
  const signature = await signStatement(deps, ctx, statement, password);
  const verdict: ReviewVerdictRow = {
    reviewId: review.id,
    verdict: 'approve',
    comment: statement.comment,
    contentSha256: statement.contentSha256,
    decidedBy: ctx.user,
    decidedAt: statement.approvedAt,
    statement: statementJson(statement),
    signature,
  };
  await storeVerdict(deps, ctx, review, verdict);
  return toReviewReport(review, decisions, verdict);
}

/**
 * Returns a dataset's current review to the curator with a comment (required), audited. Possible
 * without accounts: sending work back is harmless. Returns the review with its verdict.
 */
export async function returnReview(
  deps: ServiceDeps,
  ctx: CallContext,
  input: VerdictInput,
): Promise<ReviewReport> {
  const { review, decisions } = await openReview(deps, ctx, 'return', input.reviewId);
  const comment = input.comment.trim();
  if (comment === '') throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.returnNeedsComment' });
  const verdict: ReviewVerdictRow = {
    reviewId: review.id,
    verdict: 'return',
    comment,
    contentSha256: review.contentSha256,
    decidedBy: ctx.user,
    decidedAt: deps.clock.now().toISOString(),
    statement: null,
    signature: null,
  };
  await storeVerdict(deps, ctx, review, verdict);
  return toReviewReport(review, decisions, verdict);
}
