import type { Finding } from '../model/index.js';
import type { ReviewProfile } from './profile.js';
import type { ReviewSubject } from './rule.js';

export interface ReviewOutcome {
  readonly findings: readonly Finding[];
  readonly blocking: number;
}

/** Runs the profile's rules, in the profile's order, over one subject. */
export function runReview(subject: ReviewSubject, profile: ReviewProfile): ReviewOutcome {
  const findings = profile.rules.flatMap((rule) => rule.check(subject));
  return { findings, blocking: findings.filter((f) => f.severity === 'blocking').length };
}
