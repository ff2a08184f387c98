import { useEffect, useMemo, useRef } from 'react';
import ScaleLine from 'ol/control/ScaleLine.js';
import { getCenter } from 'ol/extent.js';
import { transform, transformExtent } from 'ol/proj.js';
import type { CrsDefinition } from '../../../src-main/api/types.js';
import type { MapLayerSpec } from '../../map/layer-spec.js';
import type { MapController } from '../../map/MapController.js';
import { CGCS2000, crsChoices, ensureProjection } from '../../map/projections.js';
import { MeasureTool } from '../../map/tools/measure-interaction.js';
import { readPixelValues } from '../../map/tools/raster-identify.js';
import { isTextEntry, shortcutOf } from '../../map/tools/shortcuts.js';
import {
  setHelpOpen,
  setMeasurement,
  setRasterHits,
  setTool,
  useMapToolsStore,
  type RasterHit,
} from './map-tools-store.js';

/** Longitude (CGCS2000) of the middle of the first dataset that can be placed, for the 3° zone offered. */
function dataLongitude(specs: readonly MapLayerSpec[]): number | null {
  for (const spec of specs) {
    if (!spec.extent || !spec.crs || !ensureProjection(spec.crs)) continue;
    const extent = transformExtent([...spec.extent], spec.crs.code, CGCS2000.code, 8);
    const [lon] = getCenter(extent);
    if (lon !== undefined && Number.isFinite(lon)) return lon;
  }
  return null;
}

/** The CRSs the map and the cursor readout offer, from the loaded datasets. */
export function useCrsChoices(specs: readonly MapLayerSpec[]): CrsDefinition[] {
  return useMemo(() => {
    const used = specs.flatMap((s) => (s.crs ? [s.crs] : []));
    ensureProjection(CGCS2000);
    const choices = crsChoices(dataLongitude(specs), used);
    for (const def of choices) ensureProjection(def);
    return choices;
  }, [specs]);
}

/** The map CRS the user chose; a remembered dataset CRS is known once that dataset's detail arrives: CGCS2000 until then. */
export function useViewCrs(choices: readonly CrsDefinition[]): CrsDefinition {
  const mapCrs = useMapToolsStore((s) => s.mapCrs);
  return choices.find((c) => c.code === mapCrs) ?? CGCS2000;
}

/**
 * Wires the map tools to the controller: the user's map CRS, the scale bar, measuring, raster
 * identify on click and the keyboard shortcuts. Vector identify stays the controller's own pick.
 */
export function useMapTools(
  controller: MapController | null,
  specs: readonly MapLayerSpec[],
  choices: readonly CrsDefinition[],
): void {
  const mode = useMapToolsStore((s) => s.tool);
  const wanted = useViewCrs(choices);
  useEffect(() => {
    if (controller) controller.setViewCrs(wanted);
  }, [controller, wanted]);

  useEffect(() => {
    if (!controller) return undefined;
    const scaleBar = new ScaleLine({ bar: true, steps: 4, text: false, minWidth: 120 });
    controller.olMap.addControl(scaleBar);
    return () => {
      controller.olMap.removeControl(scaleBar);
    };
  }, [controller]);

  // One measure tool per map; the tool effect below and the shortcuts reach it through the ref.
  const measure = useRef<MeasureTool | null>(null);
  useEffect(() => {
    if (!controller) return undefined;
    const created = new MeasureTool(controller.olMap, setMeasurement);
    measure.current = created;
    return () => {
      created.dispose();
      measure.current = null;
    };
  }, [controller]);
  useEffect(() => {
    const tool = measure.current;
    if (!controller || !tool) return;
    if (mode === 'identify') {
      tool.stop();
      controller.setPicking(true);
      return;
    }
    controller.setPicking(false);
    tool.start(mode === 'measureLength' ? 'length' : 'area');
  }, [controller, mode]);

  // Raster identify: every visible raster under the click, top first, read from the file drawn.
  useEffect(() => {
    if (!controller || mode !== 'identify') return undefined;
    const rasters = specs
      .filter((s) => s.visible && s.display.kind === 'raster' && s.crs)
      .sort((a, b) => b.zIndex - a.zIndex);
    let latest = 0;
    const key = controller.olMap.on('singleclick', (event) => {
      const click = ++latest;
      const viewCrs = controller.olMap.getView().getProjection();
      void Promise.all(
        rasters.map(async (spec): Promise<RasterHit | null> => {
          if (!spec.crs || !ensureProjection(spec.crs)) return null;
          const [x = NaN, y = NaN] = transform(event.coordinate, viewCrs, spec.crs.code);
          const pixel = await readPixelValues(
            spec.url,
            [x, y],
            spec.display.nodata,
            spec.display.sourceGrid,
          ).catch(() => null);
          return pixel ? { datasetId: spec.id, layerName: spec.name, pixel } : null;
        }),
      ).then((hits) => {
        if (click !== latest) return;
        const found = hits.filter((h): h is RasterHit => h !== null);
        setRasterHits(found.length > 0 ? found : null);
      });
    });
    return () => {
      controller.olMap.un('singleclick', key.listener);
    };
  }, [controller, specs, mode]);

  // Shortcuts work while the focus is on the map or nowhere in particular, never while typing.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (isTextEntry(event.target)) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target && target !== document.body && !target.closest('.map-area')) return;
      const action = shortcutOf(event);
      if (!action) return;
      event.preventDefault();
      const current = useMapToolsStore.getState();
      if (action === 'help') setHelpOpen(!current.helpOpen);
      else if (action === 'identify') setTool('identify');
      else if (action === 'measureLength') setTool('measureLength');
      else if (action === 'measureArea') setTool('measureArea');
      else if (current.helpOpen) setHelpOpen(false);
      else if (current.tool !== 'identify' && current.measurement) measure.current?.cancelSketch();
      else if (current.tool !== 'identify') setTool('identify');
      else setRasterHits(null);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
