import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BASEMAP_URL } from '../../map/basemap.js';
import type {
  MapController,
  MapListener,
  MapPointer,
  MapProblem,
  MapStatus,
  Overlay,
} from '../../map/MapController.js';
import type { MapSelection } from '../../map/selection-overlay.js';
import { useMapController } from '../../map/use-map-controller.js';
import { setViewExtent } from '../search/search-store.js';
import { clearNotice, putNotice, setFeature, useAppStore } from '../../state/app-store.js';
import { drawOrder, EMPTY_TREE } from '../../state/layer-tree.js';
import { MapTools } from './MapTools.js';
import { chosenView, useBasemapStore } from './basemap-store.js';
import { useBasemap } from './use-basemap.js';
import { StatusBar } from './StatusBar.js';
import { useCrsChoices, useMapTools, useViewCrs } from './use-map-tools.js';
import { useMapTransforms } from './use-map-transforms.js';
import { StylePanel } from '../style/StylePanel.js';
import { useLayerSpecs } from './use-layer-specs.js';
import { datasetTitle } from '../../i18n/messages.js';
import { pickedOnMap, useTableStore } from '../table/table-store.js';
import { useFindingStore } from '../review/finding-store.js';

/** Keeps one of the map's overlays drawing `shapes`, and fits the view to them when `seq` moves. */
function useOverlay(
  controller: MapController | null,
  shapes: MapSelection | null,
  seq: number,
  overlay: Overlay,
): void {
  useEffect(() => {
    controller?.showOverlay(overlay, shapes);
  }, [controller, shapes, overlay]);
  const lastZoom = useRef(seq);
  useEffect(() => {
    if (!controller || seq === lastZoom.current) return;
    lastZoom.current = seq;
    controller.fitOverlay(overlay);
  }, [controller, seq, overlay]);
}

/** Centre of the workspace: the OpenLayers map and its status bar. */
export function MapView() {
  const { t } = useTranslation();
  const target = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<MapStatus | null>(null);
  const [pointer, setPointer] = useState<MapPointer | null>(null);
  const specs = useLayerSpecs();
  const zoomRequest = useAppStore((s) => s.zoomRequest);
  const datasets = useAppStore((s) => s.datasets);
  const tree = useAppStore((s) => s.tree ?? EMPTY_TREE);
  const notices = useAppStore((s) => s.notices);
  // The newest notice of a layer that is shown: a notice goes with its layer (ADR 0110).
  const problem = useMemo((): MapProblem | null => {
    const shown = new Set(
      drawOrder(tree)
        .filter((l) => l.visible)
        .map((l) => l.id),
    );
    const newest = Object.values(notices)
      .filter((n) => shown.has(n.layerId))
      .sort((a, b) => b.seq - a.seq)[0];
    return newest ? { id: newest.layerId, name: newest.name, key: newest.key } : null;
  }, [notices, tree]);

  const listener: MapListener = {
    onStatus: (next) => {
      setStatus(next);
      setViewExtent(next.lonLatExtent);
    },
    onPointer: setPointer,
    onProblem: (p) => {
      putNotice({ layerId: p.id, name: p.name, key: p.key, transient: false });
    },
    onLayerBuilt: (id) => {
      // Both go: the drawing problem, and a "cannot place" answer to an earlier zoom.
      clearNotice(id, false);
      clearNotice(id, true);
    },
    onFeature: (hit) => {
      if (!hit) {
        setFeature(null);
        return;
      }
      pickedOnMap(hit.layerId, hit.fid);
      const d = datasets.find((x) => x.id === hit.layerId);
      setFeature({
        datasetId: hit.layerId,
        layerName: d ? datasetTitle(d) : hit.layerId,
        properties: hit.properties,
      });
    },
  };
  const controller = useMapController(target, listener);
  useBasemap(controller);
  const basemapOn = useBasemapStore((s) => chosenView(s) !== null);
  const choices = useCrsChoices(specs);
  useMapTools(controller, specs, choices);
  useMapTransforms(controller, specs, useViewCrs(choices));

  // The attribute table's selection and the review finding shown, each drawn over the layers in
  // an overlay of its own; each request (a new `seq`) fits the view to it.
  const mapSelection = useTableStore((s) => s.mapSelection);
  const zoomSeq = useTableStore((s) => s.zoomSeq);
  useOverlay(controller, mapSelection, zoomSeq, 'selection');
  const findingShapes = useFindingStore((s) => s.shapes);
  const findingSeq = useFindingStore((s) => s.seq);
  useOverlay(controller, findingShapes, findingSeq, 'finding');

  // The first time layers arrive (and nothing was selected yet), show them all.
  const fittedAll = useRef(false);
  useEffect(() => {
    if (!controller) return;
    controller.setLayers(specs);
    const allLoaded = specs.length > 0 && specs.length >= drawOrder(tree).length;
    if (!fittedAll.current && allLoaded && zoomRequest === null) fittedAll.current = controller.fit(specs);
  }, [controller, specs, zoomRequest, tree]);

  // Zoom on selection and on explicit request, once the dataset's detail (CRS, extent) is known.
  const zoomSpec = specs.find((s) => s.id === zoomRequest?.id);
  const zoomKey = zoomSpec ? `${zoomSpec.id}:${String(zoomRequest?.seq ?? 0)}` : null;
  const lastZoom = useRef<string | null>(null);
  useEffect(() => {
    if (!controller || !zoomSpec || zoomKey === lastZoom.current) return;
    lastZoom.current = zoomKey;
    const failed = controller.zoomTo(zoomSpec);
    if (failed === null) clearNotice(zoomSpec.id, true);
    else
      putNotice({
        layerId: zoomSpec.id,
        name: zoomSpec.name,
        key: failed === 'noCrs' ? 'layers.cannotPlaceNoCrs' : 'layers.cannotPlaceNoExtent',
        transient: true,
      });
  }, [controller, zoomSpec, zoomKey]);

  return (
    <section className="map-area" aria-label={t('app.title')}>
      <div ref={target} className="map-container" data-testid="map-container" tabIndex={0} />
      <MapTools />
      <StylePanel />
      <StatusBar
        status={status}
        pointer={pointer}
        problem={problem}
        basemap={BASEMAP_URL !== null || basemapOn}
        controller={controller}
        choices={choices}
      />
    </section>
  );
}
