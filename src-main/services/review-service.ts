import type { CallContext } from '../api/caller.js';
import { runReview } from '../core/review/engine.js';
import type { ReviewProfile } from '../core/review/profile.js';
import type { ReviewSubject } from '../core/review/rule.js';
import type { DatasetId } from '../core/model/index.js';
import type { ReviewRow } from '../core/ports/index.js';
import type { ReviewReport } from '../api/types.js';
import type { ServiceDeps } from './deps.js';
import { requireDataset, requireRecords } from './lookup.js';
import { withStagedSubject } from './subject.js';
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
  const row = await requireDataset(deps, id);
  const { latest } = await requireRecords(deps, id);
  const review = await withStagedSubject(
    deps,
    row,
    (subject) => Promise.resolve(reviewSubject(deps, ctx, profile, id, subject, row.sha256)),
    latest.fields,
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
