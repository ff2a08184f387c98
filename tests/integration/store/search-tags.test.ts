import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../../src-main/core/catalogue/search.js';
import type { NewDataset, RecordFieldsRow } from '../../../src-main/core/ports/index.js';
import { FACET_SAMPLE } from '../../../src-main/node/store/catalogue-search.js';
import { openCatalogue, type Catalogue } from '../../../src-main/node/store/catalogue.js';
import { facetTag } from '../../../src-main/node/store/search-tags.js';
import { firstRecord, idOf, rasterRow, searchIds, withTempDir } from './fixtures.js';

// Facet values and lon/lat cells are tokens of the FTS index's `tags` column (ADR 0182).

const query = (text: string, more: Partial<SearchQuery> = {}): SearchQuery => ({
  text,
  facets: {},
  bbox: null,
  sort: 'relevance',
  offset: 0,
  limit: 50,
  ...more,
});

async function withCatalogue(fn: (store: Catalogue) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const store = await openCatalogue(path.join(dir, 'c.sqlite'));
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  });
}

const record = (title: string, extra: Partial<RecordFieldsRow> = {}): RecordFieldsRow => ({
  ...firstRecord(title),
  ...extra,
});

/** Dataset `n` with the lon/lat box `extent` (CGCS2000 degrees). */
const boxed = (n: number, extent: readonly [number, number, number, number]) =>
  rasterRow(n, { info: { ...rasterRow(n).info, extent: [...extent] } });

describe('search tags', () => {
  it('never match user text, and user text never matches a facet or an area', async () => {
    await withCatalogue(async (store) => {
      const tag = facetTag('category', '矿产勘查');
      await store.write(async (tx) => {
        await tx.insertDataset(boxed(1, [110.2, 25.2, 110.8, 25.8]), record('甲', { category: '矿产勘查' }));
        // Record 2 carries the tag strings as its own words, far from record 1's cell.
        await tx.insertDataset(
          boxed(2, [80, 40, 80.5, 40.5]),
          record(`乙 ${tag}`, { abstract: 'g0x290y115 g0big', category: '水文地质' }),
        );
      });
      expect(await searchIds(store, tag)).toEqual([idOf(2)]);
      expect(await searchIds(store, 'g0x290y115')).toEqual([idOf(2)]);
      expect(await searchIds(store, 'g0big')).toEqual([idOf(2)]);
      expect(await searchIds(store, `tags:${tag}`)).toEqual([]);
      expect(await searchIds(store, `{tags} : ${tag}`)).toEqual([]); // braces are words here, not syntax
      expect(await searchIds(store, '', { facets: { category: ['矿产勘查'] } })).toEqual([idOf(1)]);
      expect(await searchIds(store, '', { bbox: [110, 25, 111, 26] })).toEqual([idOf(1)]);
      expect(await searchIds(store, '甲', { facets: { category: ['水文地质'] } })).toEqual([]);
    });
  });

  it('find records by area at every grid level: small and very large extents, boxes touching at an edge', async () => {
    await withCatalogue(async (store) => {
      await store.write((tx) =>
        tx.insertDatasets([
          { row: boxed(1, [110.2, 25.2, 110.8, 25.8]), record: record('小幅') },
          // 30° wide: too many 1° cells, tagged as a large record at that level.
          { row: boxed(2, [90, 20, 120, 45]), record: record('全区') },
          { row: boxed(3, [-70, -30, -69, -29]), record: record('南美') },
          { row: boxed(4, [111, 26, 112, 27]), record: record('邻幅') },
        ]),
      );
      const inBox = async (bbox: SearchQuery['bbox']): Promise<string[]> =>
        (await searchIds(store, '', { bbox })).map(String).sort();
      expect(await inBox([110.4, 25.4, 110.5, 25.5])).toEqual([idOf(1), idOf(2)].sort());
      expect(await inBox([100, 30, 100.1, 30.1])).toEqual([idOf(2)]);
      // Touching at a corner counts, as the R*Tree did; just beside it does not.
      expect(await inBox([110.8, 25.8, 111, 26])).toEqual([idOf(1), idOf(2), idOf(4)].sort());
      expect(await inBox([110.81, 25.81, 110.99, 25.99])).toEqual([idOf(2)]);
      // 40° × 30° and the whole world: coarser cells.
      expect(await inBox([85, 15, 125, 45])).toEqual([idOf(1), idOf(2), idOf(4)].sort());
      expect(await inBox([-180, -90, 180, 90])).toEqual([1, 2, 3, 4].map(idOf).sort());
      expect(await inBox([-69.5, -29.5, -69.4, -29.4])).toEqual([idOf(3)]);
      expect((await store.search(query('全区', { bbox: [0, 0, 10, 10] }))).total).toBe(0);
    });
  });

  it('writes a batch import in bulk exactly as one by one', async () => {
    await withCatalogue(async (store) => {
      const items: NewDataset[] = Array.from({ length: 1_201 }, (_, i) => ({
        row: rasterRow(i + 1, { name: `scan_${String(i + 1)}.tif` }),
        record: record(`钨矿${String(i + 1)}号`, {
          archiveNumber: `DZ-${String(i + 1)}`,
          year: 1990 + (i % 3),
        }),
      }));
      await store.write((tx) => tx.insertDatasets(items));
      await store.write((tx) => tx.insertDataset(rasterRow(5_000), record('单条')));
      for (const n of [1, 600, 1_201]) {
        expect(await store.getDataset(idOf(n))).toEqual(items[n - 1]?.row);
        expect((await store.recordVersions(idOf(n))).map((v) => v.fields)).toEqual([items[n - 1]?.record]);
        expect(await searchIds(store, `DZ-${String(n)}`)).toEqual([idOf(n)]);
      }
      const all = await store.search(query('钨矿'));
      expect(all.total).toBe(1_201);
      expect((await store.search(query(''))).total).toBe(1_202);
      expect((await store.search(query('', { facets: { year: ['1991'] } }))).total).toBe(400);
    });
  });

  it('count facets exactly up to the sample, and scale a sample beyond it, saying so', async () => {
    await withCatalogue(async (store) => {
      const many = FACET_SAMPLE + 1_000;
      await store.write((tx) =>
        tx.insertDatasets(
          Array.from({ length: many }, (_, i) => ({
            row: rasterRow(i + 1),
            record: record(i < 10 ? '铜矿' : '钨矿', { category: i % 2 === 0 ? '矿产勘查' : '水文地质' }),
          })),
        ),
      );
      const all = await store.search(query('矿'));
      expect(all).toMatchObject({ total: many, facetsEstimated: true });
      expect(all.facets.category).toEqual([
        { value: '水文地质', count: many / 2 },
        { value: '矿产勘查', count: many / 2 },
      ]);
      // A chosen facet's own counts: its first hits, scaled by how far into the catalogue they reach.
      const chosen = await store.search(query('矿', { facets: { category: ['矿产勘查'] } }));
      expect(chosen).toMatchObject({ total: many / 2, facetsEstimated: true });
      expect(chosen.facets.category).toEqual(all.facets.category);
      const few = await store.search(query('铜矿', { facets: { category: ['矿产勘查'] } }));
      expect(few).toMatchObject({ total: 5, facetsEstimated: false });
      expect(few.facets.category).toEqual([
        { value: '水文地质', count: 5 },
        { value: '矿产勘查', count: 5 },
      ]);
      expect((await store.search(query(''))).facetsEstimated).toBe(false);
    });
  });
});
