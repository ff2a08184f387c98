import { placeOf, type LayerTree, type TreePlace } from '../../state/layer-tree.js';

/** Where over a row the pointer is: its upper or lower half. */
export type DropSide = 'before' | 'after';

/**
 * Where a dragged node lands when dropped on a row. On a layer row: just above or below that
 * layer, in the same list. On a group row: above the group, or (lower half) a layer goes into the
 * group as its first layer and a group goes below it (groups are one level deep).
 */
export function dropPlace(
  tree: LayerTree,
  dragged: string,
  target: string,
  side: DropSide,
): TreePlace | null {
  if (dragged === target) return null;
  const at = placeOf(tree, target);
  const node = at && (at.parent === null ? tree.nodes[at.index] : undefined);
  if (!at) return null;
  const draggedIsGroup = tree.nodes.some((n) => n.kind === 'group' && n.id === dragged);
  if (node?.kind === 'group') {
    if (side === 'before') return { parent: null, index: at.index };
    return draggedIsGroup ? { parent: null, index: at.index + 1 } : { parent: node.id, index: 0 };
  }
  // A group dropped on a layer inside another group lands beside that group instead.
  if (draggedIsGroup && at.parent !== null) {
    const groupIndex = tree.nodes.findIndex((n) => n.id === at.parent);
    return { parent: null, index: side === 'before' ? groupIndex : groupIndex + 1 };
  }
  return { parent: at.parent, index: side === 'before' ? at.index : at.index + 1 };
}
