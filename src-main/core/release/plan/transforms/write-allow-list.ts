import type { WriterTransform } from '../release-transform.js';

/**
 * Writes the output fresh from the allow-list (never a copy of the source edited): only the
 * structures the format needs, so tags, sidecars, deleted records, free pages and metadata the
 * source hides do not come along ('strip-hidden'). Ends every plan; `format` names the output.
 */
export const writeAllowListTransform: WriterTransform = {
  id: 'write-allow-list',
  version: 1,
  kind: 'writer',
  answers: ['strip-hidden'],
  always: true,
  plan: (input) => ({ format: input.subject.kind === 'raster' ? 'GeoTIFF' : 'GeoJSON' }),
};
