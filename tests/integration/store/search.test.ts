import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../../src-main/core/catalogue/search.js';
import type { RecordFieldsRow } from '../../../src-main/core/ports/index.js';
import { openCatalogue, type Catalogue } from '../../../src-main/node/store/catalogue.js';
import { firstRecord, idOf, rasterRow, searchIds, withTempDir } from './fixtures.js';

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

/** A box of 1° × 1° at (lon, lat), in CGCS2000 degrees as the fixture rows are. */
const at = (n: number, lon: number, lat: number) =>
  rasterRow(n, {
    name: `scan_${String(n)}.tif`,
    info: { ...rasterRow(n).info, extent: [lon, lat, lon + 1, lat + 1] },
  });

describe('catalogue search', () => {
  it('matches one- and two-character Chinese queries, mixed terms, full-width Latin, and ignores FTS syntax in input', async () => {
    await withCatalogue(async (store) => {
      await store.write(async (tx) => {
        await tx.insertDataset(
          at(1, 110, 25),
          firstRecord('桂林岩溶区数字高程模型', '1:5万 DEM，西安80坐标系'),
        );
        await tx.insertDataset(at(2, 108, 22), firstRecord('南宁铜矿勘查区遥感影像', 'Sentinel-2 真彩色'));
        await tx.insertDataset(at(3, 106, 24), firstRecord('广西区域地质图', '铜 铅 锌 矿点分布'));
      });
      expect(await searchIds(store, '铜')).toEqual(expect.arrayContaining([idOf(2), idOf(3)]));
      expect(await searchIds(store, '铜')).toHaveLength(2);
      expect(await searchIds(store, '铜矿')).toEqual([idOf(2)]); // adjacent characters only
      expect(await searchIds(store, '矿')).toEqual(expect.arrayContaining([idOf(2), idOf(3)])); // also a run's last character
      expect(await searchIds(store, '图')).toEqual([idOf(3)]); // the last character of a title
      expect(await searchIds(store, '岩溶区数字')).toEqual([idOf(1)]);
      expect(await searchIds(store, '岩溶 DEM')).toEqual([idOf(1)]);
      expect(await searchIds(store, 'ＤＥＭ')).toEqual([idOf(1)]); // full-width folds to ASCII
      expect(await searchIds(store, 'sentinel-2')).toEqual([idOf(2)]);
      expect(await searchIds(store, '西安80')).toEqual([idOf(1)]); // a run followed by digits
      expect(await searchIds(store, '安80坐')).toEqual([idOf(1)]);
      expect(await searchIds(store, '数字高程模')).toEqual([idOf(1)]);
      expect(await searchIds(store, '高岩')).toEqual([]);
      expect(await searchIds(store, '"')).toEqual([]);
      expect(await searchIds(store, 'title:铜 OR NEAR(')).toEqual([]);
      expect(await searchIds(store, '煤')).toEqual([]);
    });
  });

  it('searches every text field: 档号, 关键词, 形成单位, 资料类别, 数据来源 and the file name', async () => {
    await withCatalogue(async (store) => {
      await store.write(async (tx) => {
        await tx.insertDataset(
          at(1, 110, 25),
          record('某区域调查', {
            archiveNumber: 'DZ-2019-0042',
            keywords: ['钨矿', '花岗岩'],
            unit: '湖南省地质调查院',
            category: '区域地质调查',
            attribution: '自然资源部',
          }),
        );
        await tx.insertDataset(at(2, 108, 22), record('另一份资料'));
      });
      for (const text of ['钨矿', '花岗', 'DZ-2019-0042', '0042', '湖南', '区域地质', '资源部', 'scan_1']) {
        expect(await searchIds(store, text), text).toEqual([idOf(1)]);
      }
    });
  });

  it('counts facets over the current filter, filters by them, by a lon/lat box, sorts and pages', async () => {
    await withCatalogue(async (store) => {
      await store.write(async (tx) => {
        // Six 钨矿 records in three units and two levels, one elsewhere, one without the word.
        const units = ['湖南院', '湖南院', '江西院', '江西院', '江西院', '广东院'];
        for (const [i, unit] of units.entries()) {
          await tx.insertDataset(
            { ...at(i + 1, 110 + i, 25), createdAt: `2024-05-0${String(i + 1)}T08:00:00.000Z` },
            record(`钨矿勘查报告${'甲乙丙丁戊己'.charAt(i)}`, {
              unit,
              category: i % 2 === 0 ? '矿产勘查' : '区域地质调查',
              year: 2000 + i,
              level: i < 2 ? '秘密' : '内部',
            }),
          );
        }
        await tx.insertDataset(at(7, 80, 40), record('钨矿远处', { unit: '新疆院' }));
        await tx.insertDataset(at(8, 110, 25), record('铜矿勘查报告', { unit: '湖南院' }));
      });

      const all = await store.search(query('钨矿'));
      expect(all.total).toBe(7);
      expect(all.facets.unit).toEqual([
        { value: '江西院', count: 3 },
        { value: '湖南院', count: 2 },
        { value: '广东院', count: 1 },
        { value: '新疆院', count: 1 },
      ]);
      expect(all.facets.level).toEqual([
        { value: '内部', count: 5 },
        { value: '秘密', count: 2 },
      ]);
      expect(all.facets.status).toEqual([{ value: 'draft', count: 7 }]);
      expect(all.facets.year).toHaveLength(6);

      // A facet's own choice does not narrow its own counts; the others' do.
      const jiangxi = await store.search(query('钨矿', { facets: { unit: ['江西院'] } }));
      expect(jiangxi.total).toBe(3);
      expect(jiangxi.facets.unit).toEqual(all.facets.unit);
      expect(jiangxi.facets.level).toEqual([{ value: '内部', count: 3 }]);
      const two = await store.search(
        query('钨矿', { facets: { unit: ['江西院', '湖南院'], level: ['秘密'] } }),
      );
      expect(two.hits.map((h) => h.id)).toEqual(expect.arrayContaining([idOf(1), idOf(2)]));
      expect(two.total).toBe(2);
      expect(
        (await store.search(query('钨矿', { facets: { year: ['2003'] } }))).hits.map((h) => h.id),
      ).toEqual([idOf(4)]);
      expect((await store.search(query('钨矿', { facets: { category: ['矿产勘查'] } }))).total).toBe(3);

      // The box 109.5..112.5 E, 25.2..25.8 N touches records 1..3 (and 8, which is not 钨矿).
      const box = await store.search(query('钨矿', { bbox: [109.5, 25.2, 112.5, 25.8] }));
      expect(box.hits.map((h) => h.id).sort()).toEqual([idOf(1), idOf(2), idOf(3)]);
      expect(box.hits.find((h) => h.id === idOf(1))?.extent).toEqual([110, 25, 111, 26]);
      expect(box.facets.unit).toEqual([
        { value: '湖南院', count: 2 },
        { value: '江西院', count: 1 },
      ]);
      expect((await store.search(query('', { bbox: [109.5, 25.2, 112.5, 25.8] }))).total).toBe(4);

      // Sorting and paging: by title (code point order: 丁 丙 乙 己 戊 甲), by date (newest first).
      const titles = await store.search(query('钨矿', { sort: 'title', limit: 2, offset: 2 }));
      expect(titles.hits.map((h) => h.title)).toEqual(['钨矿勘查报告乙', '钨矿勘查报告己']);
      expect(titles.total).toBe(7);
      const dated = await store.search(query('勘查', { sort: 'date', limit: 3 }));
      expect(dated.hits.map((h) => h.id)).toEqual([idOf(6), idOf(5), idOf(4)]);
      const pages = [0, 2, 4, 6].map((offset) =>
        store.search(query('钨矿', { sort: 'date', limit: 2, offset })),
      );
      const ids = (await Promise.all(pages)).flatMap((p) => p.hits.map((h) => h.id));
      expect(new Set(ids).size).toBe(7);
      // No text: every active record, newest first.
      expect((await store.search(query(''))).total).toBe(8);
    });
  });

  it('follows record edits, status changes, withdrawals and restores', async () => {
    await withCatalogue(async (store) => {
      await store.write((tx) => tx.insertDataset(at(1, 110, 25), record('初稿题名', { unit: '甲单位' })));
      expect(await searchIds(store, '初稿')).toEqual([idOf(1)]);
      await store.write((tx) =>
        tx.appendRecordVersion(idOf(1), 1, record('钨矿新题名', { unit: '乙单位', year: 1998 }), 'li.na'),
      );
      expect(await searchIds(store, '初稿')).toEqual([]);
      expect(await searchIds(store, '钨矿')).toEqual([idOf(1)]);
      expect(await searchIds(store, '甲单位')).toEqual([]);
      const edited = await store.search(query('乙单位'));
      expect(edited.hits[0]).toMatchObject({
        title: '钨矿新题名',
        unit: '乙单位',
        year: 1998,
        status: 'draft',
      });

      // The unfiltered view's counts (kept by triggers) follow the edit as well.
      expect((await store.search(query(''))).facets).toMatchObject({
        unit: [{ value: '乙单位', count: 1 }],
        year: [{ value: '1998', count: 1 }],
      });

      await store.write((tx) => tx.setStatus(idOf(1), 'reviewed'));
      expect((await store.search(query(''))).facets.status).toEqual([{ value: 'reviewed', count: 1 }]);
      expect((await store.search(query('钨矿'))).facets.status).toEqual([{ value: 'reviewed', count: 1 }]);

      await store.write((tx) =>
        tx.setStanding(idOf(1), { standing: 'withdrawn', reason: '有误', by: 'li.na' }),
      );
      expect(await searchIds(store, '钨矿')).toEqual([]);
      expect(await store.search(query(''))).toMatchObject({ total: 0, facets: { unit: [], level: [] } });
      await store.write((tx) =>
        tx.setStanding(idOf(1), { standing: 'active', reason: '已更正', by: 'li.na' }),
      );
      expect(await searchIds(store, '钨矿')).toEqual([idOf(1)]);
    });
  });

  it('keeps the lon/lat extent of a projected dataset, and follows a CRS given later', async () => {
    await withCatalogue(async (store) => {
      // CGCS2000 / 3-degree Gauss-Kruger CM 111E, around 110.5..111.5 E, 25..26 N; at first without a CRS.
      const projected = rasterRow(1, {
        info: { ...rasterRow(1).info, crs: null, extent: [450_000, 2_765_000, 550_000, 2_877_000] },
      });
      await store.write((tx) => tx.insertDataset(projected, record('投影资料')));
      const inBox = (): Promise<number> =>
        store.search(query('', { bbox: [110.9, 25.4, 111.1, 25.6] })).then((p) => p.total);
      expect(await inBox()).toBe(0);
      await store.write((tx) =>
        tx.assignCrs(
          idOf(1),
          {
            code: 'EPSG:4546',
            name: 'CGCS2000 / 3-degree Gauss-Kruger CM 111E',
            proj4: '+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
            geographic: false,
            metresPerUnit: 1,
          },
          { code: 'EPSG:4546', previous: null, by: 'li.na', at: '2024-05-02T00:00:00.000Z' },
          null,
        ),
      );
      expect(await inBox()).toBe(1);
      const [hit] = (await store.search(query('投影'))).hits;
      expect(hit?.extent?.map((v) => Math.round(v * 10) / 10)).toEqual([110.5, 25, 111.5, 26]);
    });
  });
});
