import { rasterResolutionRule } from '../../../review/rules/index.js';
import { targetPixelSize } from '../../../review/rules/raster-resolution.js';
import { PlanRefusal, type RasterTransform } from '../release-transform.js';
import { answersCoverage } from './coarsening.js';
import { requireRuleParams } from './profile-params.js';

/**
 * Resamples a raster finer than the profile allows by area-weighted block average onto a grid of
 * the target pixel size (raster-block-average.ts; run by the host's raster writer in a worker).
 * Parameters: `resolution` (x; the target's y is in `resolutionY`) in the CRS's `unit`.
 */
export const resampleBlockAverageTransform: RasterTransform = {
  id: 'resample-block-average',
  version: 1,
  kind: 'raster',
  answers: ['resample'],
  answersFinding: answersCoverage,
  plan: (input) => {
    const info = input.subject.info;
    const target = targetPixelSize(
      info,
      requireRuleParams(input.profile, rasterResolutionRule, input.findings),
    );
    if (target === null || info.crs === null)
      throw new PlanRefusal(
        'needsCurator',
        input.findings.map((f) => f.number),
      );
    return { resolution: target[0], resolutionY: target[1], unit: info.crs.geographic ? '°' : 'm' };
  },
};
