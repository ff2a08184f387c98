import type { ReleaseTransform } from './release-transform.js';
import { degradeCoordinatesTransform } from './transforms/degrade-coordinates.js';
import { dropFieldsTransform } from './transforms/drop-fields.js';
import { removeFeaturesTransform } from './transforms/remove-features.js';
import { resampleBlockAverageTransform } from './transforms/resample-block-average.js';
import { writeAllowListTransform } from './transforms/write-allow-list.js';

/**
 * Every public-version transform, in the order a plan runs them: features go before fields are
 * dropped, fields before coordinates are snapped (what is removed is judged on the source's own
 * values), and the writer last. A new transform is one module under transforms/ and one line here.
 */
export const RELEASE_TRANSFORMS: readonly ReleaseTransform[] = [
  removeFeaturesTransform,
  dropFieldsTransform,
  degradeCoordinatesTransform,
  resampleBlockAverageTransform,
  writeAllowListTransform,
];
