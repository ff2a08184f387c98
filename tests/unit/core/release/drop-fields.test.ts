import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src-main/core/model/index.js';
import { dropFields, fieldsToDrop } from '../../../../src-main/core/release/drop-fields.js';

const finding = (field: string | undefined, action: Finding['action']): Finding => ({
  ruleId: 'sensitive-field',
  ruleVersion: 1,
  severity: 'blocking',
  messageKey: 'finding.sensitiveField',
  params: {},
  where: field === undefined ? {} : { field },
  action,
});

describe('dropping the fields a review says to drop', () => {
  it('takes the fields of drop-field findings once each, and no other', () => {
    expect(
      fieldsToDrop([
        finding('储量', 'drop-field'),
        finding('品位', 'drop-field'),
        finding('储量', 'drop-field'),
        finding('备注', 'remove-features'),
        finding(undefined, 'drop-field'),
      ]),
    ).toEqual(['储量', '品位']);
  });

  it('leaves the geometry and the other attributes as they were', () => {
    const geometry = { type: 'Point', coordinates: [1, 2] } as const;
    const features = [{ geometry, properties: { 名称: '大厂1号矿点', 储量: 3254.67, 品位: 0.217 } }];
    expect(dropFields(features, ['储量', '品位'])).toEqual([
      { geometry, properties: { 名称: '大厂1号矿点' } },
    ]);
    expect(dropFields(features, [])).toEqual(features);
  });
});
