import type { ReviewRule } from '../rule.js';
import { positionPrecisionRule } from './position-precision.js';
import { rasterResolutionRule } from './raster-resolution.js';
import { hiddenContentRule } from './hidden-content.js';

/**
 * The rule registry (ADR 0160): every rule the engine knows, one module each. A profile enables
 * rules from this list by id and gives each its parameters; adding a rule is its file, its
 * messages and a line here.
 */
export const RULES: readonly ReviewRule[] = [positionPrecisionRule, rasterResolutionRule, hiddenContentRule];

export { hiddenContentRule, positionPrecisionRule, rasterResolutionRule };
