import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BASEMAP_URL } from '../../map/basemap.js';
import type { MapListener, MapPointer, MapProblem, MapStatus } from '../../map/MapController.js';
import { useMapController } from '../../map/use-map-controller.js';
import { setFeature, useAppStore } from '../../state/app-store.js';
import { StatusBar } from './StatusBar.js';
import { StylePanel } from '../style/StylePanel.js';
import { useLayerSpecs } from './use-layer-specs.js';
import { datasetTitle } from '../../i18n/messages.js';

/** Centre of the workspace: the OpenLayers map and its status bar. */
export function MapView() {
  const { t } = useTranslation();
  const target = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<MapStatus | null>(null);
  const [pointer, setPointer] = useState<MapPointer | null>(null);
  const [problem, setProblem] = useState<MapProblem | null>(null);
  const specs = useLayerSpecs();
  const zoomRequest = useAppStore((s) => s.zoomRequest);
  const datasets = useAppStore((s) => s.datasets);
  const hidden = useAppStore((s) => s.hidden);

  const listener: MapListener = {
    onStatus: setStatus,
    onPointer: setPointer,
    onProblem: setProblem,
    onFeature: (hit) => {
      if (!hit) {
        setFeature(null);
        return;
      }
      const d = datasets.find((x) => x.id === hit.layerId);
      setFeature({
        datasetId: hit.layerId,
        layerName: d ? datasetTitle(d) : hit.layerId,
        properties: hit.properties,
      });
    },
  };
  const controller = useMapController(target, listener);

  // The first time layers arrive (and nothing was selected yet), show them all.
  const fittedAll = useRef(false);
  useEffect(() => {
    if (!controller) return;
    controller.setLayers(specs);
    const allLoaded = specs.length > 0 && specs.length >= datasets.filter((d) => !hidden[d.id]).length;
    if (!fittedAll.current && allLoaded && zoomRequest === null) fittedAll.current = controller.fit(specs);
  }, [controller, specs, zoomRequest, datasets, hidden]);

  // Zoom on selection and on explicit request, once the dataset's detail (CRS, extent) is known.
  const zoomSpec = specs.find((s) => s.id === zoomRequest?.id);
  const zoomKey = zoomSpec ? `${zoomSpec.id}:${String(zoomRequest?.seq ?? 0)}` : null;
  const lastZoom = useRef<string | null>(null);
  useEffect(() => {
    if (!controller || !zoomSpec || zoomKey === lastZoom.current) return;
    lastZoom.current = zoomKey;
    controller.zoomTo(zoomSpec);
  }, [controller, zoomSpec, zoomKey]);

  return (
    <section className="map-area" aria-label={t('app.title')}>
      <div ref={target} className="map-container" data-testid="map-container" tabIndex={0} />
      <StylePanel />
      <StatusBar status={status} pointer={pointer} problem={problem} basemap={BASEMAP_URL !== null} />
    </section>
  );
}
