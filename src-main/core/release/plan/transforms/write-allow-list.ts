import { epsgNumber } from '../../../formats/geopackage/write-schema.js';
import {
  PlanRefusal,
  RELEASE_OUTPUTS,
  type ReleaseOutput,
  type WriterTransform,
} from '../release-transform.js';

/**
 * Writes the output fresh from the allow-list (never a copy of the source edited): only the
 * structures the format needs, so tags, sidecars, deleted records, free pages and metadata the
 * source hides do not come along ('strip-hidden'). Ends every plan; `format` names the output the
 * curator chose among the kind's (RELEASE_OUTPUTS). A GeoPackage registers its CRS by EPSG code,
 * so a layer whose CRS has none is refused that output.
 */
export const writeAllowListTransform: WriterTransform = {
  id: 'write-allow-list',
  version: 1,
  kind: 'writer',
  answers: ['strip-hidden'],
  always: true,
  plan: (input) => {
    const formats: readonly ReleaseOutput[] = RELEASE_OUTPUTS[input.subject.kind];
    const format = input.output ?? formats[0] ?? 'GeoJSON';
    const crs = input.subject.info.crs;
    if (!formats.includes(format) || (format === 'GeoPackage' && (crs === null || epsgNumber(crs) === null)))
      throw new PlanRefusal('outputFormat', [], { format });
    return { format };
  },
};
