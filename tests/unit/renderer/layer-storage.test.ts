import { describe, expect, it } from 'vitest';
import { loadTree, saveTree, type TreeStorage } from '../../../src-renderer/state/layer-storage.js';
import { addLayers, EMPTY_TREE } from '../../../src-renderer/state/layer-tree.js';

/** An in-memory Web Storage with the same string-only contract. */
function memoryStorage(): TreeStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
  };
}

describe('the stored layer tree', () => {
  it('is kept per workspace and read back as stored', () => {
    const storage = memoryStorage();
    const tree = addLayers(EMPTY_TREE, ['ds_1', 'ds_2']);
    expect(loadTree(storage)).toBeNull();
    saveTree(storage, tree);
    saveTree(storage, EMPTY_TREE, 'other');
    expect(loadTree(storage)).toEqual(tree);
    expect(loadTree(storage, 'other')).toEqual(EMPTY_TREE);
    expect(storage.items.size).toBe(2);
  });

  it('treats a damaged entry as none and survives a storage that refuses', () => {
    const storage = memoryStorage();
    storage.setItem('strata.workspace.default.layer-tree.v1', '{not json');
    expect(loadTree(storage)).toBeNull();
    const refusing: TreeStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(loadTree(refusing)).toBeNull();
    expect(() => {
      saveTree(refusing, EMPTY_TREE);
    }).not.toThrow();
    expect(loadTree(null)).toBeNull();
  });
});
