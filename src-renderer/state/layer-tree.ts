/**
 * The map's layer tree (ADR 0110): the datasets the user put on the map, in drawing order, with
 * their visibility and opacity, in groups one level deep. Plain data and pure functions, so the
 * store, the persistence and the tests share one set of rules. Index 0 is the top of the list and
 * draws above everything after it, as in QGIS.
 */

export interface LayerNode {
  readonly kind: 'layer';
  /** The dataset id. */
  readonly id: string;
  readonly visible: boolean;
  /** 0 (transparent) to 1 (opaque). */
  readonly opacity: number;
}

export interface GroupNode {
  readonly kind: 'group';
  /** `group-…`, never a dataset id. */
  readonly id: string;
  readonly name: string;
  readonly visible: boolean;
  readonly layers: readonly LayerNode[];
}

export type TreeNode = LayerNode | GroupNode;

export interface LayerTree {
  readonly nodes: readonly TreeNode[];
  /**
   * Every dataset id this workspace has seen in the catalogue. A dataset not in it is new (just
   * imported or produced) and goes on the map once; one the user removed stays off.
   */
  readonly known: readonly string[];
}

/** A layer as the map draws it: groups resolved, highest zIndex on top. */
export interface DrawnLayer {
  readonly id: string;
  /** The layer's own switch and its group's. */
  readonly visible: boolean;
  readonly opacity: number;
  readonly zIndex: number;
}

/** Where a node goes: into a group (by id) or the top level (null), before the node at `index`. */
export interface TreePlace {
  readonly parent: string | null;
  readonly index: number;
}

/**
 * On the first start of a workspace, a catalogue this small goes on the map whole (a fresh
 * archive shows what it holds); a larger one starts with an empty map the user fills.
 */
export const FIRST_START_LIMIT = 20;

export const EMPTY_TREE: LayerTree = { nodes: [], known: [] };

const clampOpacity = (value: number): number =>
  Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 1;

const newLayer = (id: string): LayerNode => ({ kind: 'layer', id, visible: true, opacity: 1 });

/** Every layer of the tree, top first, with the group it sits in. */
export interface PlacedLayer {
  readonly layer: LayerNode;
  readonly group: GroupNode | null;
}

export function layersOf(tree: LayerTree): PlacedLayer[] {
  return tree.nodes.flatMap((node): PlacedLayer[] =>
    node.kind === 'layer'
      ? [{ layer: node, group: null }]
      : node.layers.map((layer) => ({ layer, group: node })),
  );
}

export const isOnMap = (tree: LayerTree, id: string): boolean =>
  layersOf(tree).some((l) => l.layer.id === id);

export function findLayer(tree: LayerTree, id: string): LayerNode | undefined {
  return layersOf(tree).find((l) => l.layer.id === id)?.layer;
}

/** The drawing order of the map: the first row on top. Ids only; the map joins them with details. */
export function drawOrder(tree: LayerTree): DrawnLayer[] {
  const all = layersOf(tree);
  return all.map(({ layer, group }, index) => ({
    id: layer.id,
    visible: layer.visible && (group?.visible ?? true),
    opacity: layer.opacity,
    zIndex: all.length - index,
  }));
}

/** What the default stacking needs to know of a dataset. */
export interface Stackable {
  readonly id: string;
  readonly kind: 'raster' | 'vector';
  readonly geometryType?: string;
}

const RANK: Readonly<Record<string, number>> = {
  Point: 0,
  MultiPoint: 0,
  LineString: 1,
  MultiLineString: 1,
  Polygon: 2,
  MultiPolygon: 2,
};

/**
 * The order datasets arriving together go on the map, top first: points over lines over polygons
 * over rasters, so nothing hides another at first; the newest first within a kind. Only a
 * default: once on the map, the user's order is the order.
 */
export function stackOrder(oldestFirst: readonly Stackable[]): string[] {
  const rank = (d: Stackable): number => (d.kind === 'raster' ? 3 : (RANK[d.geometryType ?? ''] ?? 1));
  return oldestFirst
    .map((d, age) => ({ d, age }))
    .sort((a, b) => rank(a.d) - rank(b.d) || b.age - a.age)
    .map(({ d }) => d.id);
}

/** Puts datasets on the map at the top, in the order given; ones already there stay where they are. */
export function addLayers(tree: LayerTree, ids: readonly string[]): LayerTree {
  const fresh = [...new Set(ids)].filter((id) => !isOnMap(tree, id));
  return {
    nodes: [...fresh.map(newLayer), ...tree.nodes],
    known: [...new Set([...tree.known, ...ids])],
  };
}

/**
 * Brings the tree in line with the catalogue (`catalogue`: every dataset id, in stackOrder):
 * datasets gone from it leave the map, new ones go on top. `firstStart` (nothing stored yet for
 * this workspace) puts a small catalogue on the map whole and only remembers a large one.
 */
export function reconcile(tree: LayerTree, catalogue: readonly string[], firstStart: boolean): LayerTree {
  const listed = new Set(catalogue);
  const kept = mapLayers(tree, (layer) => (listed.has(layer.id) ? layer : null));
  const known = new Set(kept.known.filter((id) => listed.has(id)));
  const unseen = catalogue.filter((id) => !known.has(id));
  if (firstStart && catalogue.length > FIRST_START_LIMIT) return { nodes: kept.nodes, known: [...catalogue] };
  return addLayers({ nodes: kept.nodes, known: [...known] }, unseen);
}

/** Takes a dataset off the map (the dataset itself stays in the catalogue). */
export function removeLayer(tree: LayerTree, id: string): LayerTree {
  return mapLayers(tree, (layer) => (layer.id === id ? null : layer));
}

export function setLayerVisible(tree: LayerTree, id: string, visible: boolean): LayerTree {
  return mapLayers(tree, (layer) => (layer.id === id ? { ...layer, visible } : layer));
}

export function setLayerOpacity(tree: LayerTree, id: string, opacity: number): LayerTree {
  return mapLayers(tree, (layer) => (layer.id === id ? { ...layer, opacity: clampOpacity(opacity) } : layer));
}

export function setGroupVisible(tree: LayerTree, groupId: string, visible: boolean): LayerTree {
  return {
    ...tree,
    nodes: tree.nodes.map((node) =>
      node.kind === 'group' && node.id === groupId ? { ...node, visible } : node,
    ),
  };
}

/** Adds an empty group at the top of the list; `id` is chosen by the caller (unique in the tree). */
export function createGroup(tree: LayerTree, id: string, name: string): LayerTree {
  const group: GroupNode = { kind: 'group', id, name, visible: true, layers: [] };
  return { ...tree, nodes: [group, ...tree.nodes] };
}

/** Removes a group; its layers stay on the map where the group was. */
export function ungroup(tree: LayerTree, groupId: string): LayerTree {
  return {
    ...tree,
    nodes: tree.nodes.flatMap((node): readonly TreeNode[] =>
      node.kind === 'group' && node.id === groupId ? node.layers : [node],
    ),
  };
}

/** A group id not used in the tree. */
export function freeGroupId(tree: LayerTree): string {
  const used = new Set(tree.nodes.map((n) => n.id));
  let n = 1;
  while (used.has(`group-${String(n)}`)) n += 1;
  return `group-${String(n)}`;
}

/** Where a node is now, or null. */
export function placeOf(tree: LayerTree, nodeId: string): TreePlace | null {
  const top = tree.nodes.findIndex((n) => n.id === nodeId);
  if (top >= 0) return { parent: null, index: top };
  for (const node of tree.nodes) {
    if (node.kind !== 'group') continue;
    const inner = node.layers.findIndex((l) => l.id === nodeId);
    if (inner >= 0) return { parent: node.id, index: inner };
  }
  return null;
}

/**
 * Moves a node to `place` (its index counted before the node is taken out). Groups only go to the
 * top level (one level deep); a move into a group that does not exist, or of a node that does not,
 * leaves the tree as it is.
 */
export function moveNode(tree: LayerTree, nodeId: string, place: TreePlace): LayerTree {
  const from = placeOf(tree, nodeId);
  if (!from) return tree;
  const node = nodeAt(tree, from);
  if (!node) return tree;
  if (node.kind === 'group' && place.parent !== null) return tree;
  if (place.parent !== null && !tree.nodes.some((n) => n.kind === 'group' && n.id === place.parent))
    return tree;
  // Counting before removal: a later slot in the same list shifts up by one once the node is out.
  const sameList = from.parent === place.parent;
  const index = sameList && from.index < place.index ? place.index - 1 : place.index;
  const without = detach(tree, from);
  return insert(without, node, { parent: place.parent, index });
}

/**
 * One step up (-1) or down (+1), as the keyboard and the arrow buttons move: within its list, and
 * a layer at the edge of a group steps out of it to just above or below the group.
 */
export function moveStep(tree: LayerTree, nodeId: string, step: -1 | 1): LayerTree {
  const from = placeOf(tree, nodeId);
  if (!from) return tree;
  if (from.parent === null) {
    const target = from.index + step;
    if (target < 0 || target >= tree.nodes.length) return tree;
    return moveNode(tree, nodeId, { parent: null, index: step < 0 ? target : target + 1 });
  }
  const groupIndex = tree.nodes.findIndex((n) => n.id === from.parent);
  const group = tree.nodes[groupIndex];
  if (!group || group.kind !== 'group') return tree;
  const target = from.index + step;
  if (target < 0) return moveNode(tree, nodeId, { parent: null, index: groupIndex });
  if (target >= group.layers.length) return moveNode(tree, nodeId, { parent: null, index: groupIndex + 1 });
  return moveNode(tree, nodeId, { parent: group.id, index: step < 0 ? target : target + 1 });
}

/** Moves a layer to the end of a group (or, with null, to just below the group it was in). */
export function moveToGroup(tree: LayerTree, layerId: string, groupId: string | null): LayerTree {
  const from = placeOf(tree, layerId);
  if (!from || !findLayer(tree, layerId)) return tree;
  if (groupId === null) {
    if (from.parent === null) return tree;
    const groupIndex = tree.nodes.findIndex((n) => n.id === from.parent);
    return moveNode(tree, layerId, { parent: null, index: groupIndex + 1 });
  }
  const group = tree.nodes.find((n) => n.kind === 'group' && n.id === groupId);
  if (!group || group.kind !== 'group') return tree;
  return moveNode(tree, layerId, { parent: groupId, index: group.layers.length });
}

function nodeAt(tree: LayerTree, place: TreePlace): TreeNode | undefined {
  if (place.parent === null) return tree.nodes[place.index];
  const group = tree.nodes.find((n) => n.id === place.parent);
  return group?.kind === 'group' ? group.layers[place.index] : undefined;
}

function detach(tree: LayerTree, place: TreePlace): LayerTree {
  if (place.parent === null) return { ...tree, nodes: tree.nodes.filter((_, i) => i !== place.index) };
  return {
    ...tree,
    nodes: tree.nodes.map((n) =>
      n.kind === 'group' && n.id === place.parent
        ? { ...n, layers: n.layers.filter((_, i) => i !== place.index) }
        : n,
    ),
  };
}

function insert(tree: LayerTree, node: TreeNode, place: TreePlace): LayerTree {
  const into = <T>(list: readonly T[], item: T): T[] => {
    const at = Math.max(0, Math.min(list.length, place.index));
    return [...list.slice(0, at), item, ...list.slice(at)];
  };
  if (place.parent === null) return { ...tree, nodes: into(tree.nodes, node) };
  if (node.kind !== 'layer') return tree;
  return {
    ...tree,
    nodes: tree.nodes.map((n) =>
      n.kind === 'group' && n.id === place.parent ? { ...n, layers: into(n.layers, node) } : n,
    ),
  };
}

function mapLayers(tree: LayerTree, f: (layer: LayerNode) => LayerNode | null): LayerTree {
  const nodes = tree.nodes.flatMap((node): TreeNode[] => {
    if (node.kind === 'layer') {
      const next = f(node);
      return next ? [next] : [];
    }
    return [{ ...node, layers: node.layers.flatMap((l) => f(l) ?? []) }];
  });
  return { ...tree, nodes };
}

/**
 * Reads a stored tree (any JSON value) back, or null when it is not one: a damaged or foreign
 * entry starts the workspace afresh instead of breaking the map.
 */
export function parseTree(value: unknown): LayerTree | null {
  if (!isRecord(value) || !Array.isArray(value['nodes']) || !Array.isArray(value['known'])) return null;
  const known = value['known'].filter((id): id is string => typeof id === 'string');
  if (known.length !== value['known'].length) return null;
  const nodes: TreeNode[] = [];
  const seen = new Set<string>();
  for (const raw of value['nodes']) {
    const node = parseNode(raw, true);
    if (!node) return null;
    const ids = node.kind === 'group' ? [node.id, ...node.layers.map((l) => l.id)] : [node.id];
    if (ids.some((id) => seen.has(id))) return null;
    for (const id of ids) seen.add(id);
    nodes.push(node);
  }
  return { nodes, known };
}

function parseNode(raw: unknown, topLevel: boolean): TreeNode | null {
  if (!isRecord(raw) || typeof raw['id'] !== 'string' || typeof raw['visible'] !== 'boolean') return null;
  if (raw['kind'] === 'layer' && typeof raw['opacity'] === 'number') {
    return { kind: 'layer', id: raw['id'], visible: raw['visible'], opacity: clampOpacity(raw['opacity']) };
  }
  if (
    raw['kind'] === 'group' &&
    topLevel &&
    typeof raw['name'] === 'string' &&
    Array.isArray(raw['layers'])
  ) {
    const layers: LayerNode[] = [];
    for (const child of raw['layers']) {
      const layer = parseNode(child, false);
      if (!layer || layer.kind !== 'layer') return null;
      layers.push(layer);
    }
    return { kind: 'group', id: raw['id'], name: raw['name'], visible: raw['visible'], layers };
  }
  return null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
