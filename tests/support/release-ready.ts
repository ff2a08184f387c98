import type { Client } from './contract-client.js';
import type { ReviewReport } from '../../src-main/api/types.js';
import { TEAM } from './team.js';

/** The 数据来源 tests give a record that is to be released. */
export const TEST_ATTRIBUTION = '广西壮族自治区地质调查院';

/** Who prepares and who approves: a curator's client and a reviewer's (who prepared none of it). */
export interface ReleaseTeam {
  readonly curator: Pick<Client, 'call'>;
  readonly reviewer: Pick<Client, 'call'>;
}

/** Records the 数据来源 the `marking` rule asks of a public version's source (ADR 0168), as a new version. */
export async function citeSource(curator: Pick<Client, 'call'>, id: string): Promise<void> {
  const { record } = await curator.call('datasets.get', { id });
  await curator.call('catalogue.save', {
    id,
    baseVersion: record.version,
    fields: { ...record.fields, attribution: TEST_ATTRIBUTION },
  });
}

/**
 * Gives an imported dataset what a release needs: a 数据来源 on its record (citeSource), a review
 * of its bytes, and that review approved, signed by the reviewer (ADR 0176).
 */
export async function readyForRelease(team: ReleaseTeam, id: string): Promise<void> {
  await citeSource(team.curator, id);
  await team.reviewer.call('review.run', { id });
  await approveCurrent(team.reviewer, id);
}

/**
 * The reviewer approves the current review of dataset `id`, signed with their own key: every
 * blocking finding accepted with a reason first. Returns the approved review.
 */
export async function approveCurrent(reviewer: Pick<Client, 'call'>, id: string): Promise<ReviewReport> {
  const review = (await reviewer.call('datasets.get', { id })).review;
  if (review === null) throw new Error(`${id} has no review to approve`);
  for (const [i, finding] of review.findings.entries())
    if (finding.severity === 'blocking')
      await reviewer.call('review.decide', {
        reviewId: review.id,
        finding: i + 1,
        decision: 'accept',
        reason: '经审查组研究，公开版处理后可公开',
      });
  return reviewer.call('review.approve', { reviewId: review.id, password: TEAM.reviewer.password });
}
