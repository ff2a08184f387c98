import Feature from 'ol/Feature.js';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import type BaseLayer from 'ol/layer/Base.js';
import VectorLayer from 'ol/layer/Vector.js';
import { getPointResolution, toLonLat, transformExtent } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import { createEmpty, extend, isEmpty } from 'ol/extent.js';
import { createBasemapLayer } from './basemap.js';
import type { MapLayerSpec } from './layer-spec.js';
import { ensureProjection } from './projections.js';
import { createRasterLayer } from './raster-layer.js';
import { isRestylable } from './style/restylable.js';
import { createVectorLayer } from './vector-layer.js';
import { HIGHLIGHT_STYLE } from './vector-style.js';

/** The view CRS: Web Mercator, metres, x = easting. Rasters and vectors are reprojected into it. */
export const VIEW_CRS = 'EPSG:3857';
/** OGC standardised rendering pixel (0.28 mm) used to turn ground resolution into a 1:n scale. */
const METRES_PER_PIXEL_ON_SCREEN = 0.00028;

export interface MapStatus {
  readonly crs: string;
  /** Denominator n of 1:n at the view centre (true ground scale, not the Mercator nominal). */
  readonly scale: number;
}

export interface MapPointer {
  /** Longitude, latitude in degrees (WGS 84). */
  readonly lonLat: readonly [number, number];
  /** Easting, northing in the view CRS (metres). */
  readonly xy: readonly [number, number];
}

export type MapProblem = {
  readonly id: string;
  readonly name: string;
  readonly key: 'map.rasterFailed' | 'map.vectorFailed' | 'map.noCrs' | 'map.noWebgl';
};

export interface MapListener {
  onStatus(status: MapStatus): void;
  onPointer(pointer: MapPointer | null): void;
  /** A vector feature was clicked (null: empty map clicked). Attribute values never leave the renderer. */
  onFeature(
    hit: { readonly layerId: string; readonly properties: readonly (readonly [string, unknown])[] } | null,
  ): void;
  onProblem(problem: MapProblem): void;
}

interface Entry {
  readonly spec: MapLayerSpec;
  readonly layer: BaseLayer;
}

const webglAvailable = (): boolean => {
  try {
    return document.createElement('canvas').getContext('webgl') !== null;
  } catch {
    return false;
  }
};

/**
 * Owns the OpenLayers map. React hands it the wanted layers (setLayers) and requests (zoomTo);
 * it reports status, pointer and clicks back through the listener. Imperative inside, so React
 * re-renders never rebuild layers or reload data.
 */
export class MapController {
  private readonly map: OlMap;
  private readonly entries = new Map<string, Entry>();
  private readonly highlight = new VectorSource();
  private readonly listener: MapListener;
  private readonly hasWebgl = webglAvailable();

  constructor(target: HTMLElement, listener: MapListener) {
    this.listener = listener;
    const basemap = createBasemapLayer();
    this.map = new OlMap({
      target,
      controls: defaultControls({ attribution: false, rotate: false }),
      layers: [
        ...(basemap ? [basemap] : []),
        new VectorLayer({ source: this.highlight, style: HIGHLIGHT_STYLE, zIndex: 10000 }),
      ],
      view: new View({ projection: VIEW_CRS, center: [11_700_000, 4_200_000], zoom: 4, maxZoom: 24 }),
    });
    // A counter tests (and screenshots) wait on: it moves each time every layer has finished
    // drawing in its style (not while a raster still waits for the sample its style needs).
    let rendered = 0;
    this.map.on('rendercomplete', () => {
      const waiting = [...this.entries.values()].some(
        (e) => e.spec.visible && isRestylable(e.layer) && !e.layer.styled,
      );
      if (waiting) return;
      rendered += 1;
      target.dataset['rendered'] = String(rendered);
    });
    this.map.on('moveend', () => {
      this.emitStatus();
    });
    this.map.on('pointermove', (event) => {
      if (event.dragging) return;
      const [x = 0, y = 0] = event.coordinate;
      const [lon = 0, lat = 0] = toLonLat([x, y], VIEW_CRS);
      listener.onPointer({ lonLat: [lon, lat], xy: [x, y] });
    });
    target.addEventListener('pointerleave', () => {
      listener.onPointer(null);
    });
    this.map.on('singleclick', (event) => {
      this.pick(event.pixel);
    });
    this.emitStatus();
  }

  /** Brings the map in line with `specs`: adds new layers, removes gone ones, updates visibility and order. */
  setLayers(specs: readonly MapLayerSpec[]): void {
    const wanted = new Set(specs.map((s) => s.id));
    for (const [id, entry] of this.entries) {
      if (
        !wanted.has(id) ||
        this.needsRebuild(
          entry.spec,
          specs.find((s) => s.id === id),
        )
      ) {
        this.map.removeLayer(entry.layer);
        entry.layer.dispose();
        this.entries.delete(id);
      }
    }
    for (const spec of specs) {
      const existing = this.entries.get(spec.id);
      if (existing) {
        existing.layer.setVisible(spec.visible);
        existing.layer.setZIndex(spec.zIndex);
        if (existing.spec.style !== spec.style && isRestylable(existing.layer))
          existing.layer.restyle(spec.style);
        this.entries.set(spec.id, { spec, layer: existing.layer });
        continue;
      }
      const layer = this.build(spec);
      if (!layer) continue;
      this.entries.set(spec.id, { spec, layer });
      this.map.addLayer(layer);
    }
    if (!this.highlightStillShown()) this.highlight.clear();
  }

  /** Fits the view to a dataset's extent (its own CRS transformed to the view). Returns false when it cannot. */
  zoomTo(spec: MapLayerSpec): boolean {
    return this.fit([spec]);
  }

  /** Fits the view to the union of the given datasets' extents (used once at start-up). */
  fit(specs: readonly MapLayerSpec[]): boolean {
    const union = createEmpty();
    for (const spec of specs) {
      if (!spec.extent || !ensureProjection(spec.crs)) continue;
      const extent = transformExtent([...spec.extent], spec.crs?.code ?? VIEW_CRS, VIEW_CRS, 16);
      if (!isEmpty(extent) && extent.every(Number.isFinite)) extend(union, extent);
    }
    if (isEmpty(union)) return false;
    this.map.getView().fit(union, { padding: [24, 24, 24, 24], maxZoom: 20, duration: 0 });
    return true;
  }

  /** Re-measures the map after its container changed size (panel resize). */
  updateSize(): void {
    this.map.updateSize();
  }

  dispose(): void {
    for (const entry of this.entries.values()) entry.layer.dispose();
    this.entries.clear();
    this.map.setTarget(undefined);
    this.map.dispose();
  }

  private needsRebuild(old: MapLayerSpec, next: MapLayerSpec | undefined): boolean {
    return (
      !!next &&
      (old.url !== next.url || old.crs?.proj4 !== next.crs?.proj4 || old.colourIndex !== next.colourIndex)
    );
  }

  private build(spec: MapLayerSpec): BaseLayer | null {
    if (!ensureProjection(spec.crs)) {
      this.listener.onProblem({ id: spec.id, name: spec.name, key: 'map.noCrs' });
      return null;
    }
    if (spec.display.kind === 'raster') {
      if (!this.hasWebgl) {
        this.listener.onProblem({ id: spec.id, name: spec.name, key: 'map.noWebgl' });
        return null;
      }
      const layer = createRasterLayer(spec);
      layer.getSource()?.on('change', (event) => {
        const source = event.target as { getState(): string };
        if (source.getState() === 'error')
          this.listener.onProblem({ id: spec.id, name: spec.name, key: 'map.rasterFailed' });
      });
      layer.set('strataId', spec.id);
      return layer;
    }
    const layer = createVectorLayer(spec, VIEW_CRS, () => {
      this.listener.onProblem({ id: spec.id, name: spec.name, key: 'map.vectorFailed' });
    });
    layer.set('strataId', spec.id);
    layer.set('strataVector', true);
    return layer;
  }

  private pick(pixel: number[]): void {
    const hit = this.map.forEachFeatureAtPixel(
      pixel,
      (feature, layer) => ({ layerId: String(layer.get('strataId')), feature }),
      {
        hitTolerance: 4,
        layerFilter: (layer) => layer.get('strataVector') === true && layer.getVisible(),
      },
    );
    this.highlight.clear();
    if (!hit || !(hit.feature instanceof Feature)) {
      this.listener.onFeature(null);
      return;
    }
    const { layerId, feature } = hit;
    const geometryName = feature.getGeometryName();
    const properties = Object.entries(feature.getProperties()).filter(([key]) => key !== geometryName);
    const shown = feature.clone();
    shown.set('strataLayer', layerId);
    this.highlight.addFeature(shown);
    this.listener.onFeature({ layerId, properties });
  }

  private highlightStillShown(): boolean {
    const feature = this.highlight.getFeatures()[0];
    if (!feature) return true;
    const entry = this.entries.get(String(feature.get('strataLayer')));
    return !!entry && entry.spec.visible;
  }

  private emitStatus(): void {
    const view = this.map.getView();
    const resolution = view.getResolution();
    const center = view.getCenter();
    if (resolution === undefined || !center) return;
    const ground = getPointResolution(view.getProjection(), resolution, center, 'm');
    this.listener.onStatus({ crs: VIEW_CRS, scale: Math.round(ground / METRES_PER_PIXEL_ON_SCREEN) });
  }
}
