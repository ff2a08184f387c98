import { describe, expect, it } from 'vitest';
import type { FieldInfo, VectorFeature } from '../../../../src-main/core/model/index.js';
import { FeatureTable, type TablePage } from '../../../../src-main/core/table/feature-table.js';
import { TableCache } from '../../../../src-main/core/table/table-cache.js';

const FIELDS: readonly FieldInfo[] = [
  { name: '编号', type: 'number' },
  { name: '名称', type: 'string' },
  { name: '深度', type: 'number' },
];
const KINDS = ['钨矿', '锑矿', '铅锌矿', '金矿', '稀土'];

/** `n` points with a unique number, a Chinese name from a few kinds and a pseudo-random depth. */
function layer(n: number): VectorFeature[] {
  const features: VectorFeature[] = new Array<VectorFeature>(n);
  let seed = 12345;
  for (let i = 0; i < n; i += 1) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    features[i] = {
      geometry: { type: 'Point', coordinates: [500000 + (i % 1000), 2700000 + Math.floor(i / 1000)] },
      properties: {
        编号: i,
        名称: `${KINDS[i % KINDS.length] ?? ''}${String(seed % 10000)}号`,
        深度: i % 97 === 0 ? null : seed / 2147483648,
      },
    };
  }
  return features;
}

const ok = (page: ReturnType<FeatureTable['page']>): TablePage => {
  if ('detail' in page) throw new Error(page.detail);
  return page;
};

const time = <T>(work: () => T): { value: T; ms: number } => {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
};

describe('FeatureTable on a synthetic 1,000,000-feature layer', () => {
  it('pages sorted and filtered rows in bounded time once the order is built', () => {
    const n = 1_000_000;
    const table = new FeatureTable(layer(n), FIELDS, 'EPSG:4545');
    expect(table.total).toBe(n);

    const sort = { field: '深度', order: 'desc' } as const;
    const first = time(() => ok(table.page({ sort }, 0, 200)));
    // The first page of a new sort builds the order (once): generous bound for a shared 2-core machine.
    expect(first.ms).toBeLessThan(20_000);
    const depths = first.value.rows.map((r) => r.values[2]);
    expect(depths).toEqual([...depths].sort((a, b) => Number(b) - Number(a)));

    // Later pages of the same sort, anywhere in the layer, are slices of the kept order.
    for (const offset of [0, 500_000, n - 200]) {
      const next = time(() => ok(table.page({ sort }, offset, 200)));
      expect(next.ms, `page at ${String(offset)}`).toBeLessThan(200);
      expect(next.value.rows).toHaveLength(200);
    }
    // The nulls (every 97th feature) sort last descending.
    const last = ok(table.page({ sort }, n - 1, 1)).rows[0];
    expect(last?.values[2]).toBeNull();

    // A filter over a million rows, then its pages from the kept result.
    const filter = { field: '名称', op: 'contains', value: '钨矿1' } as const;
    const filtered = time(() => ok(table.page({ sort, filter }, 0, 100)));
    expect(filtered.ms).toBeLessThan(20_000);
    const expected = layer(n).filter((f) => String(f.properties['名称']).includes('钨矿1')).length;
    expect(filtered.value.matched).toBe(expected);
    const again = time(() => ok(table.page({ sort, filter }, 1000, 100)));
    expect(again.ms).toBeLessThan(200);
    expect(again.value.rows.every((r) => String(r.values[1]).includes('钨矿1'))).toBe(true);

    // Finding a feature's row (a click on the map) is a scan of the kept order.
    const fid = 765_432;
    const located = time(() => ok(table.page({ sort }, 0, 1, fid)));
    expect(located.ms).toBeLessThan(500);
    expect(ok(table.page({ sort }, located.value.located ?? -1, 1)).rows[0]?.fid).toBe(fid);
    // The estimate grows with the layer: about 200 bytes a point feature with three fields.
    expect(table.bytes / n).toBeGreaterThan(150);
    expect(table.bytes / n).toBeLessThan(600);
  });
});

describe('FeatureTable rows by id', () => {
  it('gives only the named features (a finding’s), in file order, or in the sort, with the filter still applied', () => {
    const table = new FeatureTable(layer(1000), FIELDS, 'EPSG:4545');
    const fids = [907, 3, 500, 3, 5000];
    const plain = ok(table.page({ fids }, 0, 100));
    // Repeats are one row and an id past the end names nothing.
    expect(plain.rows.map((r) => r.fid)).toEqual([3, 500, 907]);
    expect(plain.matched).toBe(3);
    expect(plain.rows[1]?.geometry).toEqual({ type: 'Point', coordinates: [500500, 2700000] });
    const sorted = ok(table.page({ fids, sort: { field: '编号', order: 'desc' } }, 0, 100));
    expect(sorted.rows.map((r) => r.fid)).toEqual([907, 500, 3]);
    const filtered = ok(table.page({ fids, filter: { field: '编号', op: '>', value: '100' } }, 0, 100));
    expect(filtered.rows.map((r) => r.fid)).toEqual([500, 907]);
    // Without the ids the same filter matches the whole layer again (a new view, not the last one).
    expect(ok(table.page({ filter: { field: '编号', op: '>', value: '100' } }, 0, 1)).matched).toBe(899);
  });
});

describe('TableCache', () => {
  const small = (): FeatureTable => new FeatureTable(layer(1000), FIELDS, null);

  it('keeps at most the layers and bytes it is given, least recently used out, one read per key', async () => {
    const bytes = small().bytes;
    const cache = new TableCache({ layers: 2, bytes: bytes * 2.5 });
    let reads = 0;
    const open = (): Promise<FeatureTable> => {
      reads += 1;
      return Promise.resolve(small());
    };
    // Two calls while the layer is being read share the read.
    await Promise.all([cache.get('a', open), cache.get('a', open)]);
    expect(reads).toBe(1);
    await cache.get('b', open);
    await cache.get('a', open);
    expect(reads).toBe(2);
    await cache.get('c', open);
    expect(cache.keys()).toEqual(['a', 'c']);
    expect(cache.bytes()).toBeLessThanOrEqual(bytes * 2.5);

    const byBytes = new TableCache({ layers: 3, bytes: bytes * 1.5 });
    await byBytes.get('a', open);
    await byBytes.get('b', open);
    expect(byBytes.keys()).toEqual(['b']);
    // A table larger than the whole budget is served but not kept.
    const tiny = new TableCache({ layers: 3, bytes: bytes / 2 });
    expect((await tiny.get('a', open)).total).toBe(1000);
    expect(tiny.keys()).toEqual([]);
  });

  it('forgets a read that failed, so the next call reads again', async () => {
    const cache = new TableCache();
    await expect(cache.get('a', () => Promise.reject(new Error('gone')))).rejects.toThrow('gone');
    expect((await cache.get('a', () => Promise.resolve(small()))).total).toBe(1000);
  });
});
