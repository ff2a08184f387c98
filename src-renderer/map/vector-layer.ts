import GeoJSON from 'ol/format/GeoJSON.js';
import type BaseLayer from 'ol/layer/Base.js';
import { buffer, getHeight, getIntersection, getWidth, isEmpty, type Extent } from 'ol/extent.js';
import { transformExtent } from 'ol/proj.js';
import VectorLayer from 'ol/layer/Vector.js';
import type { ProjectionLike } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import { GEOJSON_CONTENT_TYPE } from '../../src-main/api/display-copy.js';
import { DENSE_POINTS, DensePointsLayer } from './dense-points-layer.js';
import { flatGeobufLoader } from './flatgeobuf-loader.js';
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
 * A vector dataset's layer in the view projection. An indexed FlatGeobuf display copy (ADR 0150)
 * is read by extent (bbox strategy, see flatgeobuf-loader.ts); a dense point layer is drawn by
 * WebGL without labels. A GeoJSON copy (datasets imported before, public versions) is read whole,
 * as before. Errors surface through `onError` (translated by the UI).
 */
export function createVectorLayer(
  spec: MapLayerSpec,
  viewProjection: ProjectionLike,
  onError: () => void,
): BaseLayer {
  const dataProjection = spec.crs?.code ?? 'EPSG:4326';
  if (spec.display.contentType === GEOJSON_CONTENT_TYPE) {
    const source = new VectorSource();
    const format = new GeoJSON({ dataProjection, featureProjection: viewProjection });
    void fetch(spec.url, { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
        source.addFeatures(format.readFeatures(await response.json()));
      })
      .catch(onError);
    return new StyledVectorLayer(spec, source);
  }
  const source: VectorSource = new VectorSource({
    strategy: aroundTheView(spec, dataProjection, viewProjection),
  });
  const points = spec.geometryType === 'Point' || spec.geometryType === 'MultiPoint';
  const layer =
    points && spec.featureCount >= DENSE_POINTS
      ? new DensePointsLayer(source, spec.id, layerColour(spec.colourIndex), spec.style, {
          zIndex: spec.zIndex,
          visible: spec.visible,
        })
      : new StyledVectorLayer(spec, source);
  source.setLoader(flatGeobufLoader(source, spec.url, dataProjection, viewProjection, onError));
  return layer;
}

/**
 * Extents to load: the view's, widened by its own size each way and cut to the layer's extent, so
 * a pan within the widened area or anywhere in a layer loaded whole (zoomed out) loads nothing.
 */
function aroundTheView(spec: MapLayerSpec, dataProjection: string, viewProjection: ProjectionLike) {
  const whole = spec.extent ? transformExtent([...spec.extent], dataProjection, viewProjection, 8) : null;
  return (extent: Extent): Extent[] => {
    const wide = buffer(extent, Math.max(getWidth(extent), getHeight(extent)));
    if (whole === null || !whole.every(Number.isFinite)) return [wide];
    const cut = getIntersection(wide, whole);
    return isEmpty(cut) ? [extent] : [cut];
  };
}
