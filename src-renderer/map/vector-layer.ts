import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import type { ProjectionLike } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import type { MapLayerSpec } from './layer-spec.js';
import { vectorStyle } from './vector-style.js';

/**
 * A GeoJSON display copy (x = easting/longitude, in the dataset CRS) drawn in the view projection.
 * The features are read once per layer; errors surface through `onError` (translated by the UI).
 */
export function createVectorLayer(
  spec: MapLayerSpec,
  viewProjection: ProjectionLike,
  onError: () => void,
): VectorLayer {
  const source = new VectorSource();
  const layer = new VectorLayer({
    source,
    style: vectorStyle(spec.colourIndex),
    zIndex: spec.zIndex,
    visible: spec.visible,
    // Keeps clicks responsive on dense layers: hit detection works on the rendered frame.
    updateWhileInteracting: false,
  });
  const format = new GeoJSON({
    dataProjection: spec.crs?.code ?? 'EPSG:4326',
    featureProjection: viewProjection,
  });
  void fetch(spec.url, { credentials: 'same-origin' })
    .then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
      source.addFeatures(format.readFeatures(await response.json()));
    })
    .catch(onError);
  return layer;
}
