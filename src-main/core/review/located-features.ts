import { MAX_LOCATED_FEATURES, type FindingLocation } from '../model/index.js';

/**
 * The `features` / `featureCount` members of a location from 0-based indices in layer order:
 * numbers 1..N as the attribute table and the map show them, the first MAX_LOCATED_FEATURES listed.
 */
export function locatedFeatures(
  indices: readonly number[],
): Pick<FindingLocation, 'features' | 'featureCount'> {
  return { features: indices.slice(0, MAX_LOCATED_FEATURES).map((i) => i + 1), featureCount: indices.length };
}
