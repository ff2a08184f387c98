import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src-main/core/model/index.js';
import { buildInventory } from '../../../../src-main/core/scan/build-inventory.js';

const drop = (field: string): Finding => ({
  ruleId: 'sensitive-field',
  ruleVersion: 1,
  severity: 'blocking',
  messageKey: 'finding.sensitiveField',
  params: { field },
  where: { field },
  action: 'drop-field',
});

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
    findings: [drop('reserve'), drop('grade'), drop('code'), drop('count')],
    hidden: [
      { part: 'tiff.tag', name: 'ImageDescription', text: '  某矿区 5 米 DEM 原始数据  ' },
      { part: 'tiff.tag', name: 'Software', text: 'GDAL' },
    ],
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
});
