import { describe, expect, it } from 'vitest';
import { asDatasetId, asReviewId } from '../../../../src-main/core/model/ids.js';
import type { FindingDecisionRow, ReviewRow } from '../../../../src-main/core/ports/index.js';
import {
  APPROVAL_TAG,
  parseStatement,
  reportBytes,
  statementBytes,
  statementJson,
  statementProblem,
  type ApprovalStatement,
} from '../../../../src-main/core/review/approval.js';
import { canonicalJson } from '../../../../src-main/core/review/canonical-json.js';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

const review: ReviewRow = {
  id: asReviewId('rv_0000000000000001'),
  datasetId: asDatasetId('ds_0000000000000001'),
  profileId: 'cn-default',
  profileVersion: 3,
  profileName: '国家默认',
  profileSha256: 'ab'.repeat(32),
  rules: [{ id: 'raster-resolution', version: 2 }],
  findings: [
    {
      ruleId: 'raster-resolution',
      ruleVersion: 2,
      severity: 'blocking',
      messageKey: 'finding.demResolution',
      params: { resolution: 5, limit: 100 },
      where: {},
      action: 'resample',
    },
  ],
  contentSha256: 'cd'.repeat(32),
  reviewer: 'li.na',
  createdAt: '2026-12-04T10:00:00.000Z',
};
const accepted: FindingDecisionRow = {
  reviewId: review.id,
  finding: 1,
  decision: 'accept',
  reason: '经批准',
  decidedBy: 'wang.shen',
  decidedAt: '2026-12-04T10:05:00.000Z',
};
const statement: ApprovalStatement = {
  reviewId: review.id,
  datasetId: review.datasetId,
  contentSha256: review.contentSha256,
  reportSha256: 'ef'.repeat(32),
  reviewer: 'wang.shen',
  comment: '同意',
  approvedAt: '2026-12-04T10:06:00.000Z',
};

describe('the signed approval statement (ADR 0176)', () => {
  it('is the domain tag and every field in a fixed order, whatever order the object was built in', () => {
    expect(text(statementBytes(statement))).toBe(
      `${APPROVAL_TAG}\n${JSON.stringify([
        review.id,
        review.datasetId,
        'cd'.repeat(32),
        'ef'.repeat(32),
        'wang.shen',
        '同意',
        '2026-12-04T10:06:00.000Z',
      ])}`,
    );
    const reordered = { ...Object.fromEntries(Object.entries(statement).reverse()) } as ApprovalStatement;
    expect(statementBytes(reordered)).toEqual(statementBytes(statement));
    expect(statementBytes({ ...statement, comment: '同意。' })).not.toEqual(statementBytes(statement));
  });

  it('reads back from its stored JSON, and refuses JSON that is not a whole statement', () => {
    expect(parseStatement(statementJson(statement))).toEqual(statement);
    expect(parseStatement(null)).toBeNull();
    expect(parseStatement('not json')).toBeNull();
    expect(parseStatement('[]')).toBeNull();
    expect(parseStatement(JSON.stringify({ ...statement, reviewer: 7 }))).toBeNull();
    const partial = Object.fromEntries(Object.entries(statement).filter(([key]) => key !== 'comment'));
    expect(parseStatement(JSON.stringify(partial))).toBeNull();
    // Extra members are not part of what was signed and are dropped.
    expect(parseStatement(JSON.stringify({ ...statement, role: 'admin' }))).toEqual(statement);
  });
});

describe('the review report an approval binds', () => {
  it('is the same bytes for the same review and decisions, in any key or decision order', () => {
    const shuffled = JSON.parse(canonicalJson(review)) as ReviewRow;
    const other = { ...accepted, finding: 2, decision: 'false-positive' as const };
    expect(reportBytes(shuffled, [other, accepted])).toEqual(reportBytes(review, [accepted, other]));
    expect(text(reportBytes(review, []))).toMatch(/^strata\.review-report\.v1\n/);
  });

  it('changes with a finding dropped, a decision changed or added, or another profile', () => {
    const base = reportBytes(review, [accepted]);
    expect(reportBytes({ ...review, findings: [] }, [accepted])).not.toEqual(base);
    expect(reportBytes(review, [])).not.toEqual(base);
    expect(reportBytes(review, [{ ...accepted, decision: 'false-positive' }])).not.toEqual(base);
    expect(reportBytes(review, [{ ...accepted, reason: '另一理由' }])).not.toEqual(base);
    expect(reportBytes({ ...review, profileSha256: '00'.repeat(32) }, [accepted])).not.toEqual(base);
    expect(reportBytes({ ...review, profileVersion: 4 }, [accepted])).not.toEqual(base);
    expect(reportBytes({ ...review, contentSha256: '00'.repeat(32) }, [accepted])).not.toEqual(base);
  });

  it('canonical JSON sorts keys at every depth and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('a verified statement against the catalogue and the bytes now', () => {
  const now = {
    reviewId: review.id,
    datasetId: review.datasetId,
    signer: 'wang.shen',
    contentSha256: review.contentSha256,
    reportSha256: 'ef'.repeat(32),
  };
  it('holds when everything it names is what is there', () => {
    expect(statementProblem(statement, now)).toBeNull();
  });
  it('says which part no longer holds', () => {
    expect(statementProblem(statement, { ...now, reviewId: 'rv_0000000000000002' })).toBe(
      'statementMismatch',
    );
    expect(statementProblem(statement, { ...now, datasetId: 'ds_0000000000000002' })).toBe(
      'statementMismatch',
    );
    expect(statementProblem(statement, { ...now, signer: 'li.na' })).toBe('statementMismatch');
    expect(statementProblem(statement, { ...now, contentSha256: '00'.repeat(32) })).toBe('contentChanged');
    expect(statementProblem(statement, { ...now, reportSha256: '00'.repeat(32) })).toBe('reportChanged');
  });
});
