import { positionPrecisionRule } from '../../../review/rules/index.js';
import type { VectorSubject } from '../../../review/rule.js';
import { degradeCoordinates, degradeGrid } from '../../vector-degrade.js';
import { PlanRefusal, type PlanInput, type VectorTransform } from '../release-transform.js';
import { answersCoverage } from './coarsening.js';
import { requireRuleParams } from './profile-params.js';

/** The CRS and the profile's metres a snap needs; a layer without a CRS has no grid to snap to. */
function targetOf(input: PlanInput<VectorSubject>) {
  const crs = input.subject.info.crs;
  if (crs === null)
    throw new PlanRefusal(
      'needsCurator',
      input.findings.map((f) => f.number),
    );
  return { crs, metres: requireRuleParams(input.profile, positionPrecisionRule, input.findings).metres };
}

/**
 * Snaps every coordinate to the decimal grid at least the profile's position-precision metres
 * long on the ground (vector-degrade.ts). The plan shows the grid the source's extent gives; the
 * lineage records the grid applied (the same unless removed features changed the extent).
 */
export const degradeCoordinatesTransform: VectorTransform = {
  id: 'degrade-coordinates',
  version: 1,
  kind: 'vector',
  answers: ['degrade-coordinates'],
  answersFinding: answersCoverage,
  plan: (input) => {
    const { crs, metres } = targetOf(input);
    const { grid, unit } = degradeGrid(input.subject.features, crs, metres);
    return { grid, unit };
  },
  apply: (features, _params, input) => {
    const { crs, metres } = targetOf(input);
    const degraded = degradeCoordinates(features, crs, metres);
    return { features: degraded.features, lineage: { grid: degraded.grid, unit: degraded.unit } };
  },
};
