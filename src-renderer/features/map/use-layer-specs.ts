import { useEffect, useMemo } from 'react';
import { layerSpecOf, type MapLayerSpec } from '../../map/layer-spec.js';
import { usePlatform } from '../../platform/platform-context.js';
import { useAppStore } from '../../state/app-store.js';
import { useActions } from '../../state/use-actions.js';
import { useStyleStore } from '../style/style-store.js';

/**
 * The layers the map should hold, from the store: every dataset with a loaded detail, visible
 * unless switched off; vectors above rasters, earlier list rows above later ones. Loads the
 * details of visible datasets that are not cached yet.
 */
export function useLayerSpecs(): MapLayerSpec[] {
  const { fileUrl } = usePlatform();
  const actions = useActions();
  const datasets = useAppStore((s) => s.datasets);
  const details = useAppStore((s) => s.details);
  const hidden = useAppStore((s) => s.hidden);
  const styles = useStyleStore((s) => s.styles);

  useEffect(() => {
    for (const d of datasets) {
      if (!hidden[d.id] && !(d.id in details)) void actions.loadDetail(d.id).catch(() => undefined);
    }
    // details is read as a cache only; re-running on each loaded detail would refetch in flight ones.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [datasets, hidden, actions]);

  return useMemo(() => {
    const count = datasets.length;
    const specs: MapLayerSpec[] = [];
    datasets.forEach((d, index) => {
      const detail = details[d.id];
      if (!detail) return;
      const zIndex = (d.kind === 'vector' ? 2 * count : count) - index;
      specs.push(
        layerSpecOf(detail, fileUrl, {
          visible: !hidden[d.id],
          zIndex,
          colourIndex: index,
          style: styles[d.id] ?? null,
        }),
      );
    });
    return specs;
  }, [datasets, details, hidden, fileUrl, styles]);
}
