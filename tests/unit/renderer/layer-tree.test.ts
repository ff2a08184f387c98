import { describe, expect, it } from 'vitest';
import { dropPlace } from '../../../src-renderer/features/layers/drop-place.js';
import {
  addLayers,
  createGroup,
  drawOrder,
  EMPTY_TREE,
  FIRST_START_LIMIT,
  moveNode,
  moveStep,
  moveToGroup,
  parseTree,
  reconcile,
  removeLayer,
  setGroupVisible,
  setLayerOpacity,
  setLayerVisible,
  stackOrder,
  ungroup,
  type LayerTree,
} from '../../../src-renderer/state/layer-tree.js';

/** The tree's shape in short: layer ids, groups as [id, ...layer ids]. */
const shape = (tree: LayerTree): (string | string[])[] =>
  tree.nodes.map((n) => (n.kind === 'layer' ? n.id : [n.id, ...n.layers.map((l) => l.id)]));

const abc = addLayers(EMPTY_TREE, ['a', 'b', 'c']);

describe('the map layer tree (ADR 0110)', () => {
  it('adds datasets on top in the order given, once', () => {
    expect(shape(abc)).toEqual(['a', 'b', 'c']);
    expect(shape(addLayers(abc, ['d', 'b']))).toEqual(['d', 'a', 'b', 'c']);
  });

  it('draws the first row on top, whatever the kind, with the group switch applied', () => {
    const grouped = setGroupVisible(moveToGroup(createGroup(abc, 'g', 'G'), 'b', 'g'), 'g', false);
    expect(shape(grouped)).toEqual([['g', 'b'], 'a', 'c']);
    expect(drawOrder(grouped)).toEqual([
      { id: 'b', visible: false, opacity: 1, zIndex: 3 },
      { id: 'a', visible: true, opacity: 1, zIndex: 2 },
      { id: 'c', visible: true, opacity: 1, zIndex: 1 },
    ]);
    // The layer's own switch is kept while its group is off.
    expect(grouped.nodes[0]?.kind === 'group' && grouped.nodes[0].layers[0]?.visible).toBe(true);
  });

  it('stacks datasets arriving together points over lines over polygons over rasters, newest first', () => {
    const order = stackOrder([
      { id: 'dem', kind: 'raster' },
      { id: 'pts', kind: 'vector', geometryType: 'Point' },
      { id: 'land', kind: 'vector', geometryType: 'MultiPolygon' },
      { id: 'dem2', kind: 'raster' },
      { id: 'roads', kind: 'vector', geometryType: 'LineString' },
    ]);
    expect(order).toEqual(['pts', 'roads', 'land', 'dem2', 'dem']);
  });

  it('puts a small catalogue on the map at a first start, remembers a large one without drawing it', () => {
    expect(shape(reconcile(EMPTY_TREE, ['x', 'y'], true))).toEqual(['x', 'y']);
    const many = Array.from({ length: FIRST_START_LIMIT + 1 }, (_, i) => `d${String(i)}`);
    const big = reconcile(EMPTY_TREE, many, true);
    expect(big.nodes).toEqual([]);
    expect(big.known).toEqual(many);
    // Later, only what is new goes on the map.
    expect(shape(reconcile(big, ['new', ...many], false))).toEqual(['new']);
  });

  it('keeps a removed layer off when the catalogue is listed again, and drops deleted datasets', () => {
    const removed = removeLayer(reconcile(EMPTY_TREE, ['a', 'b'], false), 'a');
    expect(shape(removed)).toEqual(['b']);
    expect(shape(reconcile(removed, ['a', 'b'], false))).toEqual(['b']);
    const gone = reconcile(removed, ['a'], false);
    expect(shape(gone)).toEqual([]);
    expect(gone.known).toEqual(['a']);
  });

  it('switches and fades one layer, clamping opacity to 0..1', () => {
    expect(drawOrder(setLayerVisible(abc, 'b', false)).map((l) => l.visible)).toEqual([true, false, true]);
    expect(drawOrder(setLayerOpacity(abc, 'c', 1.7)).map((l) => l.opacity)).toEqual([1, 1, 1]);
    expect(drawOrder(setLayerOpacity(abc, 'c', -1)).map((l) => l.opacity)).toEqual([1, 1, 0]);
    expect(drawOrder(setLayerOpacity(abc, 'a', 0.35))[0]?.opacity).toBe(0.35);
  });

  it('moves one step up or down, stepping out of a group at its edge', () => {
    expect(shape(moveStep(abc, 'b', -1))).toEqual(['b', 'a', 'c']);
    expect(shape(moveStep(abc, 'b', 1))).toEqual(['a', 'c', 'b']);
    expect(shape(moveStep(abc, 'a', -1))).toEqual(['a', 'b', 'c']);
    expect(shape(moveStep(abc, 'c', 1))).toEqual(['a', 'b', 'c']);
    const grouped = moveToGroup(moveToGroup(createGroup(abc, 'g', 'G'), 'a', 'g'), 'b', 'g');
    expect(shape(grouped)).toEqual([['g', 'a', 'b'], 'c']);
    expect(shape(moveStep(grouped, 'b', -1))).toEqual([['g', 'b', 'a'], 'c']);
    expect(shape(moveStep(grouped, 'a', -1))).toEqual(['a', ['g', 'b'], 'c']);
    expect(shape(moveStep(grouped, 'b', 1))).toEqual([['g', 'a'], 'b', 'c']);
    // A layer above a group steps over it, not into it; the group moves as one.
    expect(shape(moveStep(grouped, 'c', -1))).toEqual(['c', ['g', 'a', 'b']]);
    expect(shape(moveStep(grouped, 'g', 1))).toEqual(['c', ['g', 'a', 'b']]);
  });

  it('moves to a place counted before the move, and refuses groups inside groups', () => {
    expect(shape(moveNode(abc, 'a', { parent: null, index: 3 }))).toEqual(['b', 'c', 'a']);
    expect(shape(moveNode(abc, 'c', { parent: null, index: 0 }))).toEqual(['c', 'a', 'b']);
    const two = createGroup(createGroup(abc, 'g', 'G'), 'h', 'H');
    expect(shape(moveNode(two, 'h', { parent: 'g', index: 0 }))).toEqual(shape(two));
    expect(shape(moveNode(abc, 'a', { parent: 'nowhere', index: 0 }))).toEqual(shape(abc));
    expect(shape(moveNode(abc, 'zz', { parent: null, index: 0 }))).toEqual(shape(abc));
  });

  it('ungroups in place, leaving the layers on the map', () => {
    const grouped = moveToGroup(moveToGroup(createGroup(abc, 'g', 'G'), 'a', 'g'), 'b', 'g');
    const moved = moveNode(grouped, 'g', { parent: null, index: 2 });
    expect(shape(moved)).toEqual(['c', ['g', 'a', 'b']]);
    expect(shape(ungroup(moved, 'g'))).toEqual(['c', 'a', 'b']);
    expect(shape(moveToGroup(grouped, 'a', null))).toEqual([['g', 'b'], 'a', 'c']);
  });

  it('tells where a drop lands: beside a layer, into a group, beside a group', () => {
    const tree = moveToGroup(createGroup(abc, 'g', 'G'), 'b', 'g');
    expect(shape(tree)).toEqual([['g', 'b'], 'a', 'c']);
    expect(dropPlace(tree, 'c', 'a', 'before')).toEqual({ parent: null, index: 1 });
    expect(dropPlace(tree, 'c', 'a', 'after')).toEqual({ parent: null, index: 2 });
    expect(dropPlace(tree, 'c', 'g', 'after')).toEqual({ parent: 'g', index: 0 });
    expect(dropPlace(tree, 'c', 'g', 'before')).toEqual({ parent: null, index: 0 });
    expect(dropPlace(tree, 'a', 'b', 'after')).toEqual({ parent: 'g', index: 1 });
    expect(dropPlace(tree, 'g', 'b', 'after')).toEqual({ parent: null, index: 1 });
    expect(dropPlace(tree, 'g', 'c', 'after')).toEqual({ parent: null, index: 3 });
    expect(dropPlace(tree, 'a', 'a', 'after')).toBeNull();
    const dropped = moveNode(tree, 'c', dropPlace(tree, 'c', 'g', 'after') ?? { parent: null, index: 0 });
    expect(shape(dropped)).toEqual([['g', 'c', 'b'], 'a']);
  });

  it('reads back what it stores and refuses anything else', () => {
    const tree = setLayerOpacity(moveToGroup(createGroup(abc, 'g', '分组 1'), 'b', 'g'), 'a', 0.5);
    expect(parseTree(JSON.parse(JSON.stringify(tree)))).toEqual(tree);
    expect(parseTree(null)).toBeNull();
    expect(parseTree({ nodes: [], known: [1] })).toBeNull();
    expect(
      parseTree({ nodes: [{ kind: 'layer', id: 'a', visible: 'yes', opacity: 1 }], known: [] }),
    ).toBeNull();
    // A group inside a group, or a dataset twice, is not a tree this app writes.
    const nested = {
      kind: 'group',
      id: 'g',
      name: 'G',
      visible: true,
      layers: [{ kind: 'group', id: 'h', name: 'H', visible: true, layers: [] }],
    };
    expect(parseTree({ nodes: [nested], known: [] })).toBeNull();
    const twice = { kind: 'layer', id: 'a', visible: true, opacity: 1 };
    expect(parseTree({ nodes: [twice, twice], known: [] })).toBeNull();
  });
});
