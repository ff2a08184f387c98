import type { ReviewRule } from '../rule.js';
import { contourIntervalRule } from './contour-interval.js';
import { coverageAreaRule } from './coverage-area.js';
import { forbiddenContentRule } from './forbidden-content.js';
import { geodeticGravityRule } from './geodetic-gravity.js';
import { graticuleRule } from './graticule.js';
import { hiddenContentRule } from './hidden-content.js';
import { markingRule } from './marking.js';
import { positionPrecisionRule } from './position-precision.js';
import { rasterResolutionRule } from './raster-resolution.js';
import { restrictedZoneRule } from './restricted-zone.js';
import { sensitiveFieldRule } from './sensitive-field.js';

/**
 * The rule registry (ADR 0160): every rule the engine knows, one module each. A profile enables
 * rules from this list by id and gives each its parameters; adding a rule is its file, its
 * messages and a line here.
 */
export const RULES: readonly ReviewRule[] = [
  positionPrecisionRule,
  rasterResolutionRule,
  contourIntervalRule,
  coverageAreaRule,
  restrictedZoneRule,
  forbiddenContentRule,
  sensitiveFieldRule,
  graticuleRule,
  geodeticGravityRule,
  hiddenContentRule,
  markingRule,
];

export {
  contourIntervalRule,
  coverageAreaRule,
  forbiddenContentRule,
  geodeticGravityRule,
  graticuleRule,
  hiddenContentRule,
  markingRule,
  positionPrecisionRule,
  rasterResolutionRule,
  restrictedZoneRule,
  sensitiveFieldRule,
};
