import { geojson } from 'flatgeobuf';
import { streamSearch } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { describe, expect, it } from 'vitest';
import {
  hilbertIndex,
  hilbertOrder,
  INDEX_NODE_SIZE,
  indexByteLength,
  packedRTree,
} from '../../../../../src-main/core/formats/flatgeobuf/packed-rtree.js';
import { writeFlatGeobuf } from '../../../../../src-main/core/formats/flatgeobuf/write.js';
import type { CrsInfo, VectorFeature } from '../../../../../src-main/core/model/index.js';

const CGCS2000: CrsInfo = {
  code: 'EPSG:4490',
  name: 'CGCS2000',
  proj4: '+proj=longlat +ellps=GRS80 +no_defs',
  geographic: true,
  metresPerUnit: null,
};

/** Ids the library's index walker finds in a tree for a box (the leaves' offsets). */
async function search(tree: Uint8Array, count: number, rect: readonly number[]): Promise<number[]> {
  const found: number[] = [];
  const [minX = 0, minY = 0, maxX = 0, maxY = 0] = rect;
  const readNode = (offset: number, size: number): Promise<ArrayBuffer> =>
    Promise.resolve(tree.slice(offset, offset + size).buffer);
  for await (const [offset] of streamSearch(count, INDEX_NODE_SIZE, { minX, minY, maxX, maxY }, readNode))
    found.push(offset);
  return found.sort((a, b) => a - b);
}

describe('Hilbert order', () => {
  it('visits every cell of a grid once, each step to a neighbouring cell', () => {
    // The top-left 16 x 16 cells of the 65536² curve form its first 256 positions.
    const cells = new Map<number, [number, number]>();
    for (let x = 0; x < 16; x++) for (let y = 0; y < 16; y++) cells.set(hilbertIndex(x, y), [x, y]);
    expect([...cells.keys()].sort((a, b) => a - b)).toEqual([...Array(256).keys()]);
    for (let d = 1; d < 256; d++) {
      const [ax = 0, ay = 0] = cells.get(d - 1) ?? [];
      const [bx = 0, by = 0] = cells.get(d) ?? [];
      expect(Math.abs(ax - bx) + Math.abs(ay - by)).toBe(1);
    }
    expect(hilbertIndex(65535, 0)).toBe(2 ** 32 - 1);
  });

  it('orders boxes along the curve and keeps input order on ties', () => {
    const boxes = Float64Array.from([10, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 10]);
    const order = [...hilbertOrder(boxes)];
    expect(order.slice(0, 2)).toEqual([1, 2]);
    expect(new Set(order)).toEqual(new Set([0, 1, 2, 3]));
  });
});

describe('packed R-tree', () => {
  it('has the spec length and a root that bounds every item', () => {
    expect(indexByteLength(0)).toBe(0);
    expect(indexByteLength(1)).toBe(2 * 40);
    expect(indexByteLength(16)).toBe(17 * 40);
    expect(indexByteLength(17)).toBe((17 + 2 + 1) * 40);
    const boxes = Float64Array.from([1, 2, 3, 4, -5, 6, -1, 8]);
    const tree = packedRTree(boxes, Float64Array.from([0, 99]));
    const root = new Float64Array(tree.buffer, 0, 4);
    expect([...root]).toEqual([-5, 2, 3, 8]);
  });

  it('finds exactly the items whose boxes meet a query, through the library walker', async () => {
    const n = 5000;
    const boxes = new Float64Array(4 * n);
    for (let i = 0; i < n; i++) {
      const x = (i * 7919) % 1000;
      const y = (i * 104729) % 997;
      boxes.set([x, y, x + (i % 3), y + (i % 5)], 4 * i);
    }
    const order = hilbertOrder(boxes);
    const sorted = new Float64Array(4 * n);
    order.forEach((item, k) => {
      sorted.set(boxes.subarray(4 * item, 4 * item + 4), 4 * k);
    });
    // Offsets stand for the items themselves here.
    const tree = packedRTree(sorted, Float64Array.from(order));
    expect(tree.length).toBe(indexByteLength(n));
    const rect = [200, 300, 260, 420];
    const expected: number[] = [];
    for (let i = 0; i < n; i++) {
      const [a = 0, b = 0, c = 0, d = 0] = boxes.subarray(4 * i, 4 * i + 4);
      if (a <= (rect[2] ?? 0) && c >= (rect[0] ?? 0) && b <= (rect[3] ?? 0) && d >= (rect[1] ?? 0))
        expected.push(i);
    }
    expect(expected.length).toBeGreaterThan(10);
    expect(await search(tree, n, rect)).toEqual(expected);
  });
});

describe('FlatGeobuf writer', () => {
  const features: VectorFeature[] = [
    {
      geometry: { type: 'Point', coordinates: [116.5, 39.5] },
      properties: { 名称: '甲', 深度: 1.5, 验收: true },
    },
    { geometry: null, properties: { 名称: '无', 深度: null, 验收: null } },
    {
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [110, 20],
              [111, 20],
              [111, 21],
              [110, 20],
            ],
          ],
          [
            [
              [112, 22],
              [113, 22],
              [113, 23],
              [112, 22],
            ],
          ],
        ],
      },
      properties: { 名称: '乙', 深度: null, 验收: false },
    },
  ];
  const fields = [
    { name: '名称', type: 'string' as const },
    { name: '深度', type: 'number' as const },
    { name: '验收', type: 'boolean' as const },
  ];

  it('reads back through the library with attributes, geometry and the feature number', async () => {
    const bytes = writeFlatGeobuf({ name: '钻孔', crs: CGCS2000, fields, features });
    let header: { indexNodeSize: number; featuresCount: number; crs: { code: number } | null } | null = null;
    const read: { geometry: unknown; properties: Record<string, unknown> }[] = [];
    for await (const f of geojson.deserialize(bytes, { headerMetaFn: (h) => (header = h) }))
      read.push(f as unknown as (typeof read)[number]);
    expect(header).toMatchObject({ indexNodeSize: 16, featuresCount: 2, crs: { code: 4490 } });
    const byNumber = new Map(read.map((f) => [f.properties['strata_fid'], f]));
    expect(byNumber.get(1)?.properties).toEqual({ 名称: '甲', 深度: 1.5, 验收: true, strata_fid: 1 });
    expect(byNumber.get(3)?.properties).toEqual({ 名称: '乙', 验收: false, strata_fid: 3 });
    expect(byNumber.get(3)?.geometry).toEqual(features[2]?.geometry);
    expect(byNumber.has(2)).toBe(false);
  });

  it('names the number column apart from a field of the same name', async () => {
    const bytes = writeFlatGeobuf({
      name: 'x',
      crs: CGCS2000,
      fields: [{ name: 'strata_fid', type: 'number' }],
      features: [{ geometry: { type: 'Point', coordinates: [1, 2] }, properties: { strata_fid: 7 } }],
    });
    for await (const f of geojson.deserialize(bytes))
      expect((f as unknown as { properties: unknown }).properties).toEqual({ strata_fid: 7, strata_fid_: 1 });
  });

  it('writes an empty layer without an index', async () => {
    const bytes = writeFlatGeobuf({ name: 'x', crs: CGCS2000, fields, features: [] });
    let nodeSize = -1;
    for await (const f of geojson.deserialize(bytes, { headerMetaFn: (h) => (nodeSize = h.indexNodeSize) }))
      expect(f).toBeUndefined();
    expect(nodeSize).toBe(0);
  });
});
