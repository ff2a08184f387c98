import type { ReviewRule } from '../rule.js';
import { forbiddenContentRule } from './forbidden-content.js';
import { geodeticGravityRule } from './geodetic-gravity.js';
import { graticuleRule } from './graticule.js';
import { positionPrecisionRule } from './position-precision.js';
import { rasterResolutionRule } from './raster-resolution.js';
import { hiddenContentRule } from './hidden-content.js';
import { sensitiveFieldRule } from './sensitive-field.js';

/**
 * The rule registry (ADR 0160): every rule the engine knows, one module each. A profile enables
 * rules from this list by id and gives each its parameters; adding a rule is its file, its
 * messages and a line here.
 */
export const RULES: readonly ReviewRule[] = [
  positionPrecisionRule,
  rasterResolutionRule,
  forbiddenContentRule,
  sensitiveFieldRule,
  graticuleRule,
  geodeticGravityRule,
  hiddenContentRule,
];

export {
  forbiddenContentRule,
  geodeticGravityRule,
  graticuleRule,
  hiddenContentRule,
  positionPrecisionRule,
  rasterResolutionRule,
  sensitiveFieldRule,
};
