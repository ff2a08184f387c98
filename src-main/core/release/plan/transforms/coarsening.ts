import type { Finding } from '../../../model/index.js';
import { coverageAreaRule } from '../../../review/rules/index.js';

/**
 * Coarsening answers a large-scale coverage (coverage-area's 'mask-area'): past the scale, the
 * re-review finds no large scale (the rule says so); a restricted zone's mask is not answered by it.
 */
export const answersCoverage = (finding: Finding): boolean =>
  finding.ruleId === coverageAreaRule.id && finding.action === 'mask-area';
