import { parseTree, type LayerTree } from './layer-tree.js';

/** The one workspace this release keeps; the name is part of the key so more can follow. */
export const DEFAULT_WORKSPACE = 'default';

/** The part of the Web Storage API the layer tree needs (localStorage in the app). */
export type TreeStorage = Pick<Storage, 'getItem' | 'setItem'>;

const keyOf = (workspace: string): string => `strata.workspace.${workspace}.layer-tree.v1`;

/**
 * The stored tree of a workspace, or null when none is stored yet (a first start) or the stored
 * one cannot be read. Local to this machine and profile; nothing leaves the renderer.
 */
export function loadTree(
  storage: TreeStorage | null,
  workspace: string = DEFAULT_WORKSPACE,
): LayerTree | null {
  if (!storage) return null;
  let raw: string | null;
  try {
    raw = storage.getItem(keyOf(workspace));
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    return parseTree(JSON.parse(raw));
  } catch {
    return null;
  }
}

/** Stores the tree; a full or refused storage only costs the next start its layer list. */
export function saveTree(
  storage: TreeStorage | null,
  tree: LayerTree,
  workspace: string = DEFAULT_WORKSPACE,
): void {
  if (!storage) return;
  try {
    storage.setItem(keyOf(workspace), JSON.stringify(tree));
  } catch {
    // Quota or privacy settings: the map keeps working for this session.
  }
}

/** The page's localStorage, or null where the page may not use it. */
export function browserStorage(): TreeStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
