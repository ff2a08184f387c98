import { StrataError } from '../api/errors.js';
import type { FeatureCollectionResult } from '../api/types.js';
import type { DatasetId } from '../core/model/index.js';
import type { ServiceDeps } from './deps.js';
import { requireDataset } from './lookup.js';
import { withStagedSubject } from './subject.js';

/**
 * A vector dataset's features, read again from its stored files (never from the catalogue), as a
 * GeoJSON FeatureCollection in the dataset's own CRS; the first `limit` when given. Feature ids
 * are the 0-based position in the layer.
 */
export async function datasetFeatures(
  deps: ServiceDeps,
  id: DatasetId,
  limit?: number,
): Promise<FeatureCollectionResult> {
  const row = await requireDataset(deps, id);
  if (row.kind !== 'vector') throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.notVector' });
  return withStagedSubject(deps, row, (subject) => {
    if (subject.kind !== 'vector') throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.notVector' });
    const code = subject.info.crs?.code ?? null;
    const picked = limit === undefined ? subject.features : subject.features.slice(0, limit);
    return Promise.resolve({
      type: 'FeatureCollection',
      name: row.layer ?? row.name,
      crs: code === null ? null : { type: 'name', properties: { name: code } },
      features: picked.map((f, i) => ({
        type: 'Feature',
        id: i,
        properties: f.properties,
        geometry: f.geometry,
      })),
    });
  });
}
