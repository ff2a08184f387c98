import { describe, expect, it } from 'vitest';
import { dropFieldFinding } from '../../../support/findings.js';
import { buildInventory } from '../../../../src-main/core/scan/build-inventory.js';

describe('buildInventory: what a public version must not hold, read from the source and its findings', () => {
  const { inventory, coordinates } = buildInventory({
    features: [
      {
        geometry: {
          type: 'LineString',
          coordinates: [
            [500123.456, 2500987.5],
            [500100, 2501000],
          ],
        },
        properties: { reserve: '推断储量一千万吨', grade: 2.5, code: 'ZK', count: 12, name: '甲矿' },
      },
      {
        geometry: {
          type: 'GeometryCollection',
          geometries: [{ type: 'Point', coordinates: [500200.125, 2500000.25] }],
        },
        properties: { reserve: '推断储量一千万吨', grade: 3, code: 'ZK-01' },
      },
    ],
    findings: [
      dropFieldFinding('reserve'),
      dropFieldFinding('grade'),
      dropFieldFinding('code'),
      dropFieldFinding('count'),
    ],
    hidden: [
      { part: 'tiff.tag', name: 'ImageDescription', text: '  某矿区 5 米 DEM 原始数据  ' },
      { part: 'tiff.tag', name: 'Software', text: 'GDAL' },
    ],
    grid: null,
  });

  it('takes every dropped field’s values once (texts of 4 bytes or more, numbers with decimals)', () => {
    expect(inventory.secrets).toEqual([
      { kind: 'droppedField', text: '推断储量一千万吨' },
      { kind: 'droppedField', number: 2.5, decimals: 1 },
      { kind: 'droppedField', text: 'ZK-01' },
      { kind: 'withheldMetadata', text: '某矿区 5 米 DEM 原始数据' },
    ]);
  });

  it('keeps fields nothing drops out, and short hidden texts too', () => {
    const texts = inventory.secrets.flatMap((s) => ('text' in s ? [s.text] : []));
    expect(texts).not.toContain('甲矿');
    expect(texts).not.toContain('GDAL');
  });

  it('keeps each exact coordinate with three or more decimals, nested geometries included', () => {
    expect([...coordinates].sort()).toEqual(['500123.456', '500200.125']);
  });

  it('with the grid the lineage records, keeps every coordinate off it and none on it', () => {
    const onGrid = buildInventory({
      features: [
        { geometry: { type: 'Point', coordinates: [500100, 2500050] }, properties: {} },
        { geometry: { type: 'Point', coordinates: [500123, 2500050.5] }, properties: {} },
      ],
      findings: [],
      hidden: [],
      grid: 50,
    });
    expect([...onGrid.coordinates].sort()).toEqual(['2500050.5', '500123']);
  });

  it('takes the texts only the features to remove hold, not those a kept feature shares', () => {
    const point = (名称: string, 类别: string) => ({
      geometry: { type: 'Point' as const, coordinates: [500100, 2500050] },
      properties: { 名称, 类别 },
    });
    const removed = buildInventory({
      features: [point('某部队营区', '军事设施'), point('大厂矿点', '矿点'), point('某雷达站', '矿点')],
      findings: [
        {
          ruleId: 'forbidden-content',
          ruleVersion: 1,
          severity: 'blocking',
          messageKey: 'finding.forbiddenValue',
          params: { keyword: '部队' },
          where: { field: '名称', features: [1, 3], featureCount: 2 },
          action: 'remove-features',
        },
      ],
      hidden: [],
      grid: 50,
    });
    expect(removed.inventory.secrets).toEqual([
      { kind: 'removedFeature', text: '某部队营区' },
      { kind: 'removedFeature', text: '军事设施' },
      { kind: 'removedFeature', text: '某雷达站' },
    ]);
  });
});
