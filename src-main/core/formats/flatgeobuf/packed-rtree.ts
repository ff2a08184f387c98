/**
 * The FlatGeobuf spatial index (ADR 0150): items sorted along a Hilbert curve, then a packed
 * R-tree of 40-byte nodes (minX, minY, maxX, maxY as float64, offset as uint64, little-endian),
 * root first. A leaf's offset is its feature's byte offset in the feature section; an inner
 * node's offset is the index of its first child node. Level bounds are the library's, so the
 * layout is the one its reader (and GDAL) walks.
 */
import { generateLevelBounds, NODE_ITEM_BYTE_LEN } from 'flatgeobuf/lib/mjs/packedrtree.js';

/** The node size the FlatGeobuf spec and GDAL default to. */
export const INDEX_NODE_SIZE = 16;

const HILBERT_SIDE = 0xffff;

/** Position of the cell (x, y), each 0..65535, along the order-16 Hilbert curve (0 .. 2^32 - 1). */
export function hilbertIndex(cellX: number, cellY: number): number {
  let x = cellX;
  let y = cellY;
  let d = 0;
  for (let s = 0x8000; s > 0; s >>>= 1) {
    const rx = (x & s) === 0 ? 0 : 1;
    const ry = (y & s) === 0 ? 0 : 1;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = HILBERT_SIDE - x;
        y = HILBERT_SIDE - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

/**
 * The order in which to write items whose boxes are `boxes` (4 numbers per item): by the Hilbert
 * index of each box's centre on a 65536² grid over the boxes' extent.
 */
export function hilbertOrder(boxes: Float64Array): Uint32Array {
  const n = boxes.length / 4;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, boxes[4 * i] ?? 0);
    minY = Math.min(minY, boxes[4 * i + 1] ?? 0);
    maxX = Math.max(maxX, boxes[4 * i + 2] ?? 0);
    maxY = Math.max(maxY, boxes[4 * i + 3] ?? 0);
  }
  const width = maxX - minX;
  const height = maxY - minY;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cx = ((boxes[4 * i] ?? 0) + (boxes[4 * i + 2] ?? 0)) / 2;
    const cy = ((boxes[4 * i + 1] ?? 0) + (boxes[4 * i + 3] ?? 0)) / 2;
    const gx = width > 0 ? Math.floor((HILBERT_SIDE * (cx - minX)) / width) : 0;
    const gy = height > 0 ? Math.floor((HILBERT_SIDE * (cy - minY)) / height) : 0;
    keys[i] = hilbertIndex(gx, gy);
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Ties keep input order, so equal inputs give equal files.
  return order.sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b);
}

/** Bytes of the index for `count` items (0 for none: an empty layer is written without one). */
export function indexByteLength(count: number): number {
  if (count === 0) return 0;
  const levels = generateLevelBounds(count, INDEX_NODE_SIZE);
  return (levels[0]?.[1] ?? 0) * NODE_ITEM_BYTE_LEN;
}

/**
 * The packed R-tree over items already in Hilbert order: `boxes` holds 4 numbers per item,
 * `offsets` each item's feature byte offset. Leaves are the items; each inner node bounds up to
 * 16 nodes of the level below.
 */
export function packedRTree(boxes: Float64Array, offsets: Float64Array): Uint8Array {
  const count = offsets.length;
  if (count === 0) return new Uint8Array(0);
  const levels = generateLevelBounds(count, INDEX_NODE_SIZE);
  const numNodes = levels[0]?.[1] ?? 0;
  const buffer = new ArrayBuffer(numNodes * NODE_ITEM_BYTE_LEN);
  const view = new DataView(buffer);
  const setNode = (node: number, b: readonly number[], offset: number): void => {
    const at = node * NODE_ITEM_BYTE_LEN;
    for (let k = 0; k < 4; k++) view.setFloat64(at + 8 * k, b[k] ?? 0, true);
    view.setUint32(at + 32, offset % 0x100000000, true);
    view.setUint32(at + 36, Math.floor(offset / 0x100000000), true);
  };
  const boxOf = (node: number): number[] => {
    const at = node * NODE_ITEM_BYTE_LEN;
    return [0, 1, 2, 3].map((k) => view.getFloat64(at + 8 * k, true));
  };
  const firstLeaf = levels[0]?.[0] ?? 0;
  for (let i = 0; i < count; i++) {
    setNode(
      firstLeaf + i,
      [boxes[4 * i] ?? 0, boxes[4 * i + 1] ?? 0, boxes[4 * i + 2] ?? 0, boxes[4 * i + 3] ?? 0],
      offsets[i] ?? 0,
    );
  }
  for (let level = 0; level < levels.length - 1; level++) {
    const [start, end] = levels[level] ?? [0, 0];
    let parent = levels[level + 1]?.[0] ?? 0;
    for (let first = start; first < end; first += INDEX_NODE_SIZE, parent++) {
      const box = [Infinity, Infinity, -Infinity, -Infinity];
      for (let child = first; child < Math.min(first + INDEX_NODE_SIZE, end); child++) {
        const b = boxOf(child);
        box[0] = Math.min(box[0] ?? 0, b[0] ?? 0);
        box[1] = Math.min(box[1] ?? 0, b[1] ?? 0);
        box[2] = Math.max(box[2] ?? 0, b[2] ?? 0);
        box[3] = Math.max(box[3] ?? 0, b[3] ?? 0);
      }
      setNode(parent, box, first);
    }
  }
  return new Uint8Array(buffer);
}
