import Feature from 'ol/Feature.js';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import type BaseLayer from 'ol/layer/Base.js';
import VectorLayer from 'ol/layer/Vector.js';
import { getPointResolution, transformExtent } from 'ol/proj.js';
import type { CrsDefinition } from '../../src-main/api/types.js';
import VectorSource from 'ol/source/Vector.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import { defaults as defaultInteractions } from 'ol/interaction/defaults.js';
import { createEmpty, extend, isEmpty } from 'ol/extent.js';
import { createBasemapLayer } from './basemap.js';
import type { MapLayerSpec } from './layer-spec.js';
import { ensureProjection } from './projections.js';
import { createRasterLayer } from './raster-layer.js';
import { LoadingIndicator } from './raster-source.js';
import { viewInProjection } from './tools/view-projection.js';
import { isRestylable } from './style/restylable.js';
import { createVectorLayer } from './vector-layer.js';
import { FINDING_STYLE, HIGHLIGHT_STYLE, SELECTION_STYLE } from './vector-style.js';
import { featureIdOf } from './feature-ids.js';
import { SelectionOverlay, type MapSelection } from './selection-overlay.js';

/** The view CRS until the user's map CRS is set (setViewCrs); every layer is reprojected into the view's. */
export const VIEW_CRS = 'EPSG:3857';
const VIEW_LIMITS = { maxZoom: 24 } as const;
/** OGC standardised rendering pixel (0.28 mm) used to turn ground resolution into a 1:n scale. */
const METRES_PER_PIXEL_ON_SCREEN = 0.00028;

export interface MapStatus {
  readonly crs: string;
  /** Denominator n of 1:n at the view centre (true ground scale, not the Mercator nominal). */
  readonly scale: number;
  /** What the view shows as a lon/lat box (the catalogue's "current view" filter); null before it has a size. */
  readonly lonLatExtent: readonly [number, number, number, number] | null;
}

export interface MapPointer {
  /** x, y in the view CRS (easting/northing, or longitude/latitude in a geographic view). */
  readonly xy: readonly [number, number];
}

export type MapProblem = {
  readonly id: string;
  readonly name: string;
  readonly key:
    | 'map.rasterFailed'
    | 'map.vectorFailed'
    | 'map.noCrs'
    | 'map.noWebgl'
    | 'layers.cannotPlaceNoCrs'
    | 'layers.cannotPlaceNoExtent';
};

export interface MapListener {
  onStatus(status: MapStatus): void;
  onPointer(pointer: MapPointer | null): void;
  /**
   * A vector feature was clicked (null: empty map clicked), with its id in the layer (null when
   * the display copy gives none). Attribute values never leave the renderer.
   */
  onFeature(
    hit: {
      readonly layerId: string;
      readonly fid: number | null;
      readonly properties: readonly (readonly [string, unknown])[];
    } | null,
  ): void;
  onProblem(problem: MapProblem): void;
  /** A layer was built (e.g. once it has a CRS): what the map said about drawing it no longer holds. */
  onLayerBuilt(id: string): void;
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
/** The overlays drawn above every layer: the attribute table's selection and a review finding. */
export type Overlay = 'selection' | 'finding';

export class MapController {
  private readonly map: OlMap;
  private readonly entries = new Map<string, Entry>();
  private readonly highlight = new VectorSource();
  private readonly overlays: Readonly<Record<Overlay, SelectionOverlay>>;
  private readonly listener: MapListener;
  private readonly hasWebgl = webglAvailable();
  /** "Loading n tiles" per raster layer, and the functions that stop counting a removed layer's tiles. */
  private readonly loading = new LoadingIndicator();
  private readonly unwatch = new Map<string, () => void>();
  private viewCrs = VIEW_CRS;
  private basemap: BaseLayer | null;
  /** The configured basemap's tile layer (ADR 0106), built again for each map CRS. */
  private tileBasemap: { readonly build: () => BaseLayer | null; layer: BaseLayer | null } | null = null;
  private picking = true;

  constructor(target: HTMLElement, listener: MapListener) {
    this.listener = listener;
    const basemap = createBasemapLayer();
    this.basemap = basemap;
    this.overlays = {
      selection: new SelectionOverlay(target, SELECTION_STYLE, 9999, 'selected'),
      finding: new SelectionOverlay(target, FINDING_STYLE, 9998, 'finding'),
    };
    this.map = new OlMap({
      target,
      controls: defaultControls({ attribution: false, rotate: false }).extend([this.loading]),
      // OpenLayers' own default is onFocusOnly: with a tabindex on the container (keyboard panning),
      // drag-pan and wheel-zoom then ignore a press on an unfocused map, and focus only moves on the
      // mousedown that follows the pointerdown: a left-drag never panned. The map is the workspace,
      // not a widget in a scrolling page, so it takes pointer input unfocused.
      interactions: defaultInteractions({ onFocusOnly: false }),
      layers: [
        ...(basemap ? [basemap] : []),
        this.overlays.finding.layer,
        this.overlays.selection.layer,
        new VectorLayer({ source: this.highlight, style: HIGHLIGHT_STYLE, zIndex: 10000 }),
      ],
      view: new View({ ...VIEW_LIMITS, projection: VIEW_CRS, center: [11_700_000, 4_200_000], zoom: 4 }),
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
      listener.onPointer({ xy: [x, y] });
    });
    // A press on the map gives it the keyboard, so arrow keys and +/- act on the map just clicked.
    target.addEventListener('pointerdown', () => {
      target.focus({ preventScroll: true });
    });
    target.addEventListener('pointerleave', () => {
      listener.onPointer(null);
    });
    this.map.on('singleclick', (event) => {
      if (this.picking) this.pick(event.pixel);
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
        this.unwatch.get(id)?.();
        this.unwatch.delete(id);
      }
    }
    for (const spec of specs) {
      const existing = this.entries.get(spec.id);
      if (existing) {
        existing.layer.setVisible(spec.visible);
        existing.layer.setZIndex(spec.zIndex);
        existing.layer.setOpacity(spec.opacity);
        if (existing.spec.style !== spec.style && isRestylable(existing.layer))
          existing.layer.restyle(spec.style);
        this.entries.set(spec.id, { spec, layer: existing.layer });
        continue;
      }
      const layer = this.build(spec);
      if (!layer) continue;
      this.listener.onLayerBuilt(spec.id);
      layer.setOpacity(spec.opacity);
      this.entries.set(spec.id, { spec, layer });
      this.map.addLayer(layer);
    }
    if (!this.highlightStillShown()) this.highlight.clear();
  }

  /**
   * Fits the view to a dataset's extent (its own CRS transformed to the view). Returns null when
   * it did, or why it cannot place the layer, for the notice that says so.
   */
  zoomTo(spec: MapLayerSpec): 'noCrs' | 'noExtent' | null {
    if (!ensureProjection(spec.crs)) return 'noCrs';
    return this.fit([spec]) ? null : 'noExtent';
  }

  /** Fits the view to the union of the given datasets' extents (used once at start-up). */
  fit(specs: readonly MapLayerSpec[]): boolean {
    const union = createEmpty();
    for (const spec of specs) {
      if (!spec.extent || !ensureProjection(spec.crs)) continue;
      const extent = transformExtent([...spec.extent], spec.crs?.code ?? this.viewCrs, this.viewCrs, 16);
      if (!isEmpty(extent) && extent.every(Number.isFinite)) extend(union, extent);
    }
    if (isEmpty(union)) return false;
    this.map.getView().fit(union, { padding: [24, 24, 24, 24], maxZoom: 20, duration: 0 });
    return true;
  }

  /**
   * Switches the map CRS (ADR 0115): a new view on the same place and scale, and every layer
   * rebuilt so its data is reprojected into the new CRS. False when the definition is unusable.
   */
  setViewCrs(def: CrsDefinition): boolean {
    if (def.code === this.viewCrs) return true;
    if (!ensureProjection(def)) return false;
    const view = viewInProjection(this.map.getView(), def.code, VIEW_LIMITS);
    if (!view) return false;
    this.viewCrs = def.code;
    this.map.setView(view);
    this.highlight.clear();
    for (const overlay of Object.values(this.overlays)) overlay.reproject(def.code);
    if (this.basemap) {
      this.map.removeLayer(this.basemap);
      this.basemap.dispose();
      this.basemap = createBasemapLayer();
      if (this.basemap) this.map.addLayer(this.basemap);
    }
    this.setBasemap(this.tileBasemap?.build ?? null);
    this.rebuildLayers();
    this.emitStatus();
    return true;
  }

  /** Builds every layer again, e.g. once the map reprojects between two CRSs differently (ADR 0105). */
  rebuildLayers(): void {
    const specs = [...this.entries.values()].map((entry) => entry.spec);
    for (const entry of this.entries.values()) {
      this.map.removeLayer(entry.layer);
      entry.layer.dispose();
    }
    this.entries.clear();
    this.setLayers(specs);
  }

  /**
   * Shows the basemap `build` makes (a tile layer under every layer, reprojected into the map CRS
   * by OpenLayers), or none; the previous one is removed. `build` is called again on a CRS change.
   */
  setBasemap(build: (() => BaseLayer | null) | null): void {
    const old = this.tileBasemap?.layer;
    if (old) {
      this.map.removeLayer(old);
      old.dispose();
    }
    this.tileBasemap = build ? { build, layer: build() } : null;
    if (this.tileBasemap?.layer) this.map.addLayer(this.tileBasemap.layer);
  }

  /** Draws shapes in an overlay over the layers (null: none): the table's selection, or a review finding. */
  showOverlay(overlay: Overlay, shapes: MapSelection | null): void {
    this.overlays[overlay].show(shapes, this.viewCrs);
  }

  /** Fits the view to what an overlay draws; false when it draws nothing. */
  fitOverlay(overlay: Overlay): boolean {
    const extent = this.overlays[overlay].extent();
    if (!extent) return false;
    this.map.getView().fit(extent, { padding: [48, 48, 48, 48], maxZoom: 18, duration: 0 });
    return true;
  }

  /** The OpenLayers map, for the map tools (src-renderer/map/tools) to add their interactions and controls to. */
  get olMap(): OlMap {
    return this.map;
  }

  /** Whether a click picks a vector feature (off while a measure tool takes the clicks). */
  setPicking(enabled: boolean): void {
    this.picking = enabled;
    if (!enabled) this.highlight.clear();
  }

  /** Re-measures the map after its container changed size (panel resize). */
  updateSize(): void {
    this.map.updateSize();
  }

  dispose(): void {
    this.setBasemap(null);
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
      const source = layer.getSource();
      if (source)
        this.unwatch.set(
          spec.id,
          this.loading.watch(spec.id, spec.name, source, () => layer.styled),
        );
      source?.on('change', (event) => {
        const source = event.target as { getState(): string };
        if (source.getState() === 'error')
          this.listener.onProblem({ id: spec.id, name: spec.name, key: 'map.rasterFailed' });
      });
      layer.set('strataId', spec.id);
      return layer;
    }
    const layer = createVectorLayer(spec, this.viewCrs, () => {
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
    this.listener.onFeature({ layerId, fid: featureIdOf(feature), properties });
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
    const size = this.map.getSize();
    const [w, s, e, n] = size
      ? transformExtent(view.calculateExtent(size), this.viewCrs, 'EPSG:4326', 8)
      : [];
    const clamp = (v: number | undefined, limit: number): number =>
      Math.max(-limit, Math.min(limit, v ?? NaN));
    const box = [clamp(w, 180), clamp(s, 90), clamp(e, 180), clamp(n, 90)] as const;
    this.listener.onStatus({
      crs: this.viewCrs,
      scale: Math.round(ground / METRES_PER_PIXEL_ON_SCREEN),
      lonLatExtent: box.every(Number.isFinite) ? box : null,
    });
  }
}
