import type { DatasetDetail, ReviewReport } from '../../../src-main/api/types.js';
import { ensureProjection } from '../../map/projections.js';
import { addToMap, useAppStore } from '../../state/app-store.js';
import { isOnMap } from '../../state/layer-tree.js';
import { useActions } from '../../state/use-actions.js';
import { useAsyncAction, type AsyncAction } from '../../ui/use-async-action.js';
import { findingFids, outlineShapes } from './finding-shapes.js';
import { showFinding } from './finding-store.js';

type Finding = ReviewReport['findings'][number];

/**
 * "Show on map" for a finding of `detail`'s review: puts the dataset's layer on the map when it is
 * not there, reads the geometries of the features the finding lists (the layer's own CRS), adds the
 * outline of its pixel window or area, and has the map outline them and fit the view to them.
 */
export function useLocateFinding(detail: DatasetDetail): AsyncAction<[number, Finding], void> {
  const { api } = useActions();
  return useAsyncAction(async (n: number, finding: Finding) => {
    const summary = detail.summary;
    const tree = useAppStore.getState().tree;
    if (tree && !isOnMap(tree, summary.id)) addToMap([summary.id]);
    ensureProjection(detail.crsDefinition);
    const fids = findingFids(finding.where);
    const page =
      fids.length === 0
        ? null
        : await api['datasets.featurePage']({ id: summary.id, offset: 0, limit: fids.length, fids });
    const features = [
      ...(page?.rows ?? []).map((row) => ({ fid: row.fid, geometry: row.geometry })),
      ...outlineShapes(finding.where, summary).map((geometry, i) => ({ fid: -1 - i, geometry })),
    ];
    showFinding(n, { layerId: summary.id, crs: page?.crs ?? summary.crs, features });
  });
}
