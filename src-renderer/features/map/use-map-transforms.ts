import { useEffect, useMemo } from 'react';
import type { CrsDefinition } from '../../../src-main/api/types.js';
import { installMapTransforms } from '../../map/datum-transforms.js';
import type { MapLayerSpec } from '../../map/layer-spec.js';
import type { MapController } from '../../map/MapController.js';
import { ensureProjection } from '../../map/projections.js';
import { useActions } from '../../state/use-actions.js';
import { setUnknownShifts, useDatumShiftStore } from './datum-shift-store.js';

/**
 * Asks the main process how to reproject each layer's CRS into the map's (and back), whenever
 * the layers' CRSs, the map CRS or the loaded datum shifts change; installs the answers in
 * OpenLayers, rebuilds the layers when that changed what they are drawn with, and keeps the
 * pairs crossed with no shift known for the status bar.
 */
export function useMapTransforms(
  controller: MapController | null,
  specs: readonly MapLayerSpec[],
  view: CrsDefinition,
): void {
  const actions = useActions();
  const generation = useDatumShiftStore((s) => s.generation);
  const layerCrss = useMemo(() => {
    const byCode = new Map<string, CrsDefinition>();
    for (const spec of specs) if (spec.visible && spec.crs) byCode.set(spec.crs.code, spec.crs);
    return [...byCode.values()];
  }, [specs]);
  const key = layerCrss.map((c) => `${c.code}=${c.proj4}`).join('|');

  useEffect(() => {
    if (!controller) return undefined;
    const others = layerCrss.filter((c) => c.code !== view.code && ensureProjection(c));
    if (others.length === 0 || !ensureProjection(view)) {
      setUnknownShifts([]);
      return undefined;
    }
    let live = true;
    const pairs = others.flatMap((c) => [
      { from: c, to: view },
      { from: view, to: c },
    ]);
    void actions.api['crs.mapTransforms']({ pairs }).then(
      (transforms) => {
        if (!live) return;
        if (installMapTransforms(transforms)) controller.rebuildLayers();
        setUnknownShifts(
          transforms
            .filter((t) => t.shift === 'unknown' && t.to === view.code)
            .map(({ from, to }) => ({ from, to })),
        );
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // layerCrss is read through `key`, which names its contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [controller, key, view, generation, actions]);
}
