import type { FindingDecisionRow, ReviewRow } from '../ports/index.js';
import { canonicalJson } from './canonical-json.js';

// A reviewer's approval as a signed statement (ADR 0176): what the reviewer's own key signs, and
// what export and release compare it with. Hashing and signing are the caller's (ports).

/** The domain tag the statement bytes start with; no other signature of the same key can be one. */
export const APPROVAL_TAG = 'strata.review-approval.v1';
const REPORT_TAG = 'strata.review-report.v1';

/** What a reviewer signs when approving a review. */
export interface ApprovalStatement {
  readonly reviewId: string;
  readonly datasetId: string;
  /** SHA-256 of exactly the reviewed files (the dataset's content hash). */
  readonly contentSha256: string;
  /** SHA-256 of `reportBytes(review, decisions)`: findings, decisions, profile id/version/hash. */
  readonly reportSha256: string;
  /** The account that signs. */
  readonly reviewer: string;
  readonly comment: string;
  /** ISO time of the approval. */
  readonly approvedAt: string;
}

const FIELDS = [
  'reviewId',
  'datasetId',
  'contentSha256',
  'reportSha256',
  'reviewer',
  'comment',
  'approvedAt',
] as const satisfies readonly (keyof ApprovalStatement)[];

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The exact bytes signed: the tag, then every field in a fixed order. */
export const statementBytes = (statement: ApprovalStatement): Uint8Array =>
  encode(`${APPROVAL_TAG}\n${JSON.stringify(FIELDS.map((f) => statement[f]))}`);

/** The statement as stored beside its signature. */
export const statementJson = (statement: ApprovalStatement): string =>
  JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, statement[f]])));

/** A stored statement read back; null unless it is an object with every field a string. */
export function parseStatement(text: string | null): ApprovalStatement | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  if (!FIELDS.every((f) => typeof record[f] === 'string')) return null;
  return Object.fromEntries(FIELDS.map((f) => [f, record[f]])) as unknown as ApprovalStatement;
}

/**
 * The review report an approval binds, as canonical bytes: the review's identity, the content it
 * read, its profile (id, version, document hash, rules with versions), every finding and the
 * decisions that hold on them (in finding order). A finding or decision added, dropped or changed
 * changes these bytes.
 */
export function reportBytes(review: ReviewRow, decisions: readonly FindingDecisionRow[]): Uint8Array {
  const held = [...decisions]
    .sort((a, b) => a.finding - b.finding)
    .map((d) => [d.finding, d.decision, d.reason, d.decidedBy, d.decidedAt]);
  const body = canonicalJson([
    review.id,
    review.datasetId,
    review.contentSha256,
    [review.profileId, review.profileVersion, review.profileSha256, review.rules],
    review.findings,
    held,
    review.reviewer,
    review.createdAt,
  ]);
  return encode(`${REPORT_TAG}\n${body}`);
}

/** Why a statement does not approve what it is checked against; null when it does. */
export type StatementProblem = 'statementMismatch' | 'contentChanged' | 'reportChanged';

/**
 * Compares a verified statement with what the catalogue and the bytes say now: the review and
 * dataset it names and the verdict's signer, the content hash of the bytes, the report hash
 * recomputed from the stored review and decisions.
 */
export function statementProblem(
  statement: ApprovalStatement,
  now: {
    readonly reviewId: string;
    readonly datasetId: string;
    readonly signer: string;
    readonly contentSha256: string;
    readonly reportSha256: string;
  },
): StatementProblem | null {
  if (
    statement.reviewId !== now.reviewId ||
    statement.datasetId !== now.datasetId ||
    statement.reviewer !== now.signer
  )
    return 'statementMismatch';
  if (statement.contentSha256 !== now.contentSha256) return 'contentChanged';
  if (statement.reportSha256 !== now.reportSha256) return 'reportChanged';
  return null;
}
