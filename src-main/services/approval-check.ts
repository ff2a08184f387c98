import { StrataError, type ErrorCode } from '../api/errors.js';
import type { MessageKey } from '../api/messages.js';
import type { DatasetRow } from '../core/ports/index.js';
import {
  parseStatement,
  type ApprovalStatement,
  reportBytes,
  statementBytes,
  statementProblem,
  type StatementProblem,
} from '../core/review/approval.js';
import { trusted } from './account-trust.js';
import type { ServiceDeps } from './deps.js';
import { preparersOf } from './verdict-service.js';

// What release and export accept as an approval (ADR 0176): never the verdict row by itself, only
// a statement signed by the own key of a trusted reviewer that binds these bytes and this report.

type ApprovalReason = Extract<
  MessageKey,
  | 'reason.notApproved'
  | 'reason.approvalUnsigned'
  | 'reason.approvalSignature'
  | 'reason.approvalSigner'
  | 'reason.approvalSignerRole'
  | 'reason.approvalMismatch'
  | 'reason.approvalContentChanged'
  | 'reason.approvalReportChanged'
  | 'reason.approvalFourEyes'
>;

const STATEMENT_REASONS: Record<StatementProblem, ApprovalReason> = {
  statementMismatch: 'reason.approvalMismatch',
  contentChanged: 'reason.approvalContentChanged',
  reportChanged: 'reason.approvalReportChanged',
};

interface Refusal {
  readonly reason: ApprovalReason;
  readonly by?: string;
}

/** Why `dataset`'s current review does not stand approved, or the signed statement that approves it. */
async function approvalOf(deps: ServiceDeps, dataset: DatasetRow): Promise<Refusal | ApprovalStatement> {
  const review = await deps.store.latestReview(dataset.id);
  const verdict = review === null ? null : await deps.store.verdict(review.id);
  if (review === null || verdict?.verdict !== 'approve') return { reason: 'reason.notApproved' };
  const statement = parseStatement(verdict.statement);
  if (statement === null || verdict.signature === null) return { reason: 'reason.approvalUnsigned' };
  const by = statement.reviewer;
  const signer = await deps.store.getAccount(by);
  if (signer === null || !(await trusted(deps, signer))) return { reason: 'reason.approvalSigner', by };
  if (!deps.accounts.verifyUser(signer.publicKeyPem, statementBytes(statement), verdict.signature))
    return { reason: 'reason.approvalSignature', by };
  if (!signer.roles.includes('reviewer')) return { reason: 'reason.approvalSignerRole', by };
  const problem = statementProblem(statement, {
    reviewId: review.id,
    datasetId: dataset.id,
    signer: verdict.decidedBy,
    contentSha256: dataset.sha256,
    reportSha256: deps.accounts.sha256(reportBytes(review, await deps.store.decisions(review.id))),
  });
  if (problem !== null) return { reason: STATEMENT_REASONS[problem], by };
  if ((await preparersOf(deps, dataset)).includes(by)) return { reason: 'reason.approvalFourEyes', by };
  return statement;
}

/**
 * Refuses with `code` (EXPORT_REFUSED, RELEASE_REFUSED) and the reason unless the current review of
 * `dataset` carries a reviewer's signed approval that verifies under the key of a trusted account
 * holding the reviewer role, binds the dataset's content hash now and the review report as stored
 * (recomputed here), and was not given by who prepared the dataset or its original. Returns the
 * statement that approves it.
 */
export async function requireSignedApproval(
  deps: ServiceDeps,
  dataset: DatasetRow,
  code: Extract<ErrorCode, 'EXPORT_REFUSED' | 'RELEASE_REFUSED'>,
): Promise<ApprovalStatement> {
  const approval = await approvalOf(deps, dataset);
  if ('reason' in approval) throw new StrataError(code, { ...approval, id: dataset.id });
  return approval;
}
