import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../src-main/node/store/catalogue.js';
import { firstRecord, idOf, rasterRow, withTempDir } from './fixtures.js';

describe('catalogue text search', () => {
  it('matches one- and two-character Chinese queries, mixed terms, full-width Latin, and ignores FTS syntax in input', async () => {
    await withTempDir(async (dir) => {
      const store = await openCatalogue(path.join(dir, 'c.sqlite'));
      try {
        await store.write(async (tx) => {
          await tx.insertDataset(
            rasterRow(1),
            firstRecord('桂林岩溶区数字高程模型', '1:5万 DEM，西安80坐标系'),
          );
          await tx.insertDataset(rasterRow(2), firstRecord('南宁铜矿勘查区遥感影像', 'Sentinel-2 真彩色'));
          await tx.insertDataset(rasterRow(3), firstRecord('广西区域地质图', '铜 铅 锌 矿点分布'));
        });
        expect(await store.search('铜')).toEqual(expect.arrayContaining([idOf(2), idOf(3)]));
        expect(await store.search('铜')).toHaveLength(2);
        expect(await store.search('铜矿')).toEqual([idOf(2)]); // adjacent characters only
        expect(await store.search('岩溶 DEM')).toEqual([idOf(1)]);
        expect(await store.search('ＤＥＭ')).toEqual([idOf(1)]); // full-width folds to ASCII
        expect(await store.search('sentinel')).toEqual([idOf(2)]);
        expect(await store.search('"')).toEqual([]);
        expect(await store.search('title:铜 OR NEAR(')).toEqual([]);
        expect(await store.search('煤')).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });
});
