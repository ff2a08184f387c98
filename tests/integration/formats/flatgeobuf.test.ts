import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-main/api/messages.js';
import { openFile } from '../../../src-main/node/formats/index.js';
import { fixture } from '../../fixtures/index.js';
import { readVectorFile } from '../../support/open-vector.js';
import { fieldTypeOfOgr, ogrFeatures, ogrLayers } from '../../support/ogr-layers.js';
import { outcome } from '../../support/outcome.js';

describe('FlatGeobuf, as GDAL reads it', () => {
  it.each([['钻孔-indexed.fgb'], ['采矿权-noindex.fgb']])(
    '%s: CRS, extent, count, fields, every attribute and geometry',
    async (name) => {
      const file = fixture('containers', name);
      const [ours, [gdal], reference] = await Promise.all([
        readVectorFile(file),
        ogrLayers(file),
        ogrFeatures(file, name.split('-')[0] ?? ''),
      ]);
      if (gdal === undefined) throw new Error('GDAL saw no layer');
      expect(ours.format).toBe('FlatGeobuf');
      expect(ours.info.crs?.code).toBe(gdal.epsg);
      expect(ours.info.featureCount).toBe(gdal.featureCount);
      ours.info.extent?.forEach((v, k) => {
        expect(v).toBeCloseTo(gdal.extent?.[k] ?? NaN, 5);
      });
      expect(ours.info.fields).toEqual(
        gdal.fields.map((f) => ({ name: f.name, type: fieldTypeOfOgr(f.type) })),
      );
      expect(ours.features.map((f) => f.geometry)).toEqual(reference.map((f) => f.geometry));
      reference.forEach((f, k) => {
        for (const field of gdal.fields)
          expect(ours.features[k]?.properties[field.name], `#${String(k)} ${field.name}`).toEqual(
            f.properties[field.name] ?? null,
          );
      });
    },
  );

  it('keeps Chinese attribute text', async () => {
    // An indexed file holds its features in index (Hilbert) order, not in the order written.
    const read = await readVectorFile(fixture('containers', '钻孔-indexed.fgb'));
    const first = read.features.find((f) => f.properties['孔号'] === 'ZK001');
    expect(first?.properties).toMatchObject({ 矿区: '凤凰山铜矿', 备注: null, 已验收: false });
    expect(read.features.find((f) => f.properties['孔号'] === 'ZK002')?.properties['备注']).toBe('第2号孔');
  });

  it.each([['truncated.fgb'], ['header-only.fgb']])(
    '%s is refused with a reason in both languages',
    async (name) => {
      const result = (await outcome(() => openFile(fixture('containers', 'bad', name)))) as {
        code?: string;
        params?: Record<string, string | number>;
      };
      expect(result.code).toBe('CORRUPT_FILE');
      expect(String(result.params?.['problem'])).toMatch(/^problem\.fgb/);
      for (const lang of ['en', 'zh-CN'] as const) {
        const text = renderMessage('error.CORRUPT_FILE', result.params ?? {}, lang);
        expect(text).toContain(name);
        expect(text).not.toMatch(/\{\{|problem\./);
      }
    },
  );
});
