import { describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../../../src-main/api/types.js';
import { orderDatasets } from '../../../src-renderer/features/layers/order-datasets.js';

const ds = (id: string, sourceId: string | null, title: string): DatasetSummary =>
  ({ id, sourceId, title, name: `${id}.tif` }) as unknown as DatasetSummary;

describe('the layer list order', () => {
  it('puts each public version right under its source, and keeps orphans top-level with their source named', () => {
    const list = orderDatasets([
      ds('ds_b', null, '地质图'),
      ds('ds_a_pub', 'ds_a', 'DEM（公开版）'),
      ds('ds_a', null, 'DEM'),
      ds('ds_orphan', 'ds_gone', '孤立公开版'),
    ]);
    expect(list.map((l) => [l.dataset.id, l.nested, l.sourceName])).toEqual([
      ['ds_b', false, null],
      ['ds_a', false, null],
      ['ds_a_pub', true, 'DEM'],
      ['ds_orphan', false, 'ds_gone'],
    ]);
  });
});
