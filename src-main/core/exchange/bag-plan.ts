import { dataPath } from './bag-layout.js';
import { pathProblems, pathSetProblems, showPath } from './path-safety.js';

/**
 * Problems with what a bag is about to be made of (empty = go ahead): the bag name must be one safe
 * path segment, and the payload names (relative to `data/`, `/`-separated) a safe, collision-free
 * set — the same rules the receiving side applies in `verify`, so Strata never writes a bag it
 * would reject.
 */
export function bagPlanProblems(bagName: string, payloadNames: readonly string[]): string[] {
  const problems = pathProblems(bagName);
  if (bagName.includes('/')) problems.push(`${showPath(bagName)}: bag name must not contain "/"`);
  if (bagName.startsWith('.')) problems.push(`${showPath(bagName)}: bag name must not start with "."`);
  if (payloadNames.length === 0) problems.push('the payload is empty');
  return [...problems, ...pathSetProblems(payloadNames.map(dataPath))];
}
