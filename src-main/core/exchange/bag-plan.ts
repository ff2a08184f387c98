import { bagProblem, type BagProblem } from './problems.js';
import { dataPath } from './bag-layout.js';
import { pathProblems, pathSetProblems, showPath } from './path-safety.js';

/**
 * Problems with what a bag is about to be made of (empty = go ahead): the bag name must be one safe
 * path segment, and the payload names (relative to `data/`, `/`-separated) a safe, collision-free
 * set — the same rules the receiving side applies in `verify`, so Strata never writes a bag it
 * would reject.
 */
export function bagPlanProblems(bagName: string, payloadNames: readonly string[]): BagProblem[] {
  const problems = pathProblems(bagName);
  if (bagName.includes('/')) problems.push(bagProblem('bag.nameSlash', { path: showPath(bagName) }));
  if (bagName.startsWith('.')) problems.push(bagProblem('bag.nameDot', { path: showPath(bagName) }));
  if (payloadNames.length === 0) problems.push(bagProblem('bag.payloadEmpty'));
  return [...problems, ...pathSetProblems(payloadNames.map(dataPath))];
}
