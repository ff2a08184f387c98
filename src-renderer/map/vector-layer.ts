import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import type { ProjectionLike } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import type { MapLayerSpec } from './layer-spec.js';
import { provideFeatureRows } from './style/feature-rows.js';
import { defaultVectorStyle, type LayerStyle } from './style/model.js';
import type { Restylable } from './style/restylable.js';
import { layerColour, vectorStyleFunction } from './vector-style.js';

/** A vector layer drawn by the dataset's style (renderer and labels); restyled in place. */
class StyledVectorLayer extends VectorLayer implements Restylable {
  private readonly colour;
  private readonly releaseRows: () => void;
  readonly styled = true;

  constructor(spec: MapLayerSpec, source: VectorSource) {
    super({
      source,
      zIndex: spec.zIndex,
      visible: spec.visible,
      // Labels give way to each other; points opt out (see vector-style.ts).
      declutter: true,
      // Keeps clicks responsive on dense layers: hit detection works on the rendered frame.
      updateWhileInteracting: false,
    });
    this.colour = layerColour(spec.colourIndex);
    this.restyle(spec.style);
    this.releaseRows = provideFeatureRows(spec.id, () =>
      source.getFeatures().map((feature) => {
        const geometry = feature.getGeometryName();
        return Object.fromEntries(
          Object.entries(feature.getProperties()).filter(([key]) => key !== geometry),
        );
      }),
    );
  }

  restyle(style: LayerStyle | null): void {
    this.setStyle(
      vectorStyleFunction(style?.kind === 'vector' ? style.vector : defaultVectorStyle(this.colour)),
    );
  }

  override disposeInternal(): void {
    this.releaseRows();
    super.disposeInternal();
  }
}

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
  const layer = new StyledVectorLayer(spec, source);
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
