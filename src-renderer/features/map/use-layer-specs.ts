import { useEffect, useMemo } from 'react';
import { layerSpecOf, type MapLayerSpec } from '../../map/layer-spec.js';
import { usePlatform } from '../../platform/platform-context.js';
import { useAppStore } from '../../state/app-store.js';
import { drawOrder, EMPTY_TREE } from '../../state/layer-tree.js';
import { useActions } from '../../state/use-actions.js';
import { useStyleStore } from '../style/style-store.js';

/**
 * The layers the map should hold: the layer tree's, in its order (the top row draws on top,
 * whatever the kind: ADR 0110), each with its visibility and opacity. Loads the details of map
 * layers that are not cached yet (the map needs their CRS definition and display source).
 */
export function useLayerSpecs(): MapLayerSpec[] {
  const { fileUrl } = usePlatform();
  const actions = useActions();
  const datasets = useAppStore((s) => s.datasets);
  const details = useAppStore((s) => s.details);
  const tree = useAppStore((s) => s.tree ?? EMPTY_TREE);
  const order = useMemo(() => drawOrder(tree), [tree]);
  const styles = useStyleStore((s) => s.styles);

  useEffect(() => {
    for (const layer of order) {
      if (!(layer.id in details)) void actions.loadDetail(layer.id).catch(() => undefined);
    }
    // details is read as a cache only; re-running on each loaded detail would refetch in flight ones.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [order, actions]);

  return useMemo(() => {
    // The vector palette follows the catalogue, so a layer keeps its colour when it moves.
    const colour = new Map(datasets.map((d, index) => [d.id as string, index]));
    const specs: MapLayerSpec[] = [];
    for (const layer of order) {
      const detail = details[layer.id];
      if (!detail) continue;
      specs.push(
        layerSpecOf(detail, fileUrl, {
          visible: layer.visible,
          opacity: layer.opacity,
          zIndex: layer.zIndex,
          colourIndex: colour.get(layer.id) ?? 0,
          style: styles[layer.id] ?? null,
        }),
      );
    }
    return specs;
  }, [order, datasets, details, fileUrl, styles]);
}
