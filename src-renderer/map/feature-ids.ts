import type { FeatureLike } from 'ol/Feature.js';

/**
 * The features service's id of a feature the map drew (its 0-based position in the layer, as
 * `datasets.featurePage` numbers rows): the display copy numbers features 1..N in layer order
 * (core/formats/geojson/write.ts). Null for a feature without such an id.
 */
export function featureIdOf(feature: FeatureLike): number | null {
  const id = feature.getId();
  return typeof id === 'number' && Number.isInteger(id) && id >= 1 ? id - 1 : null;
}
