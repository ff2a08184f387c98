import { describe, expect, it } from 'vitest';
import { sensitiveFieldRule } from '../../../../src-main/core/review/rules/index.js';
import { defaultParams, point, shapefileSubject, vectorSubject } from './vector-subject.js';

const params = sensitiveFieldRule.params.parse(defaultParams('sensitive-field'));

describe('sensitiveFieldRule', () => {
  it('drops the reserves and grade fields of the GBK mineral occurrences, one finding per field', () => {
    const findings = sensitiveFieldRule.check(
      shapefileSubject('chinese', 'shapefile', 'kuangdian_gbk_cpg', '矿点.shp'),
      params,
    );
    expect(findings).toEqual([
      {
        ruleId: 'sensitive-field',
        ruleVersion: 1,
        severity: 'blocking',
        messageKey: 'finding.sensitiveField',
        params: { pattern: '储量' },
        where: { field: '储量' },
        action: 'drop-field',
      },
      expect.objectContaining({
        params: { pattern: '品位' },
        where: { field: '品位' },
        action: 'drop-field',
      }),
    ]);
  });

  it('names coordinates by their field name: X/Y as whole words, 经度, 东坐标', () => {
    const subject = vectorSubject([
      point(1, 1, { POINT_X: 1, Y: 2, 东坐标: 3, 经度: 4, XMMC: '项目', MAXDEPTH: 5, 名称: 'a' }),
    ]);
    expect(sensitiveFieldRule.check(subject, params).map((f) => f.where.field)).toEqual([
      'POINT_X',
      'Y',
      '东坐标',
      '经度',
    ]);
  });

  it('finds a numeric field of precise coordinates whatever its name, and not a coarse or unrelated one', () => {
    const features = [
      [532953.311, 2754525.475, 812.5],
      [541020.15, 2761030.2, 640],
      [555500.004, 2769999.9, 455.25],
    ].map(([x = 0, y = 0, h = 0], i) =>
      point(x, y, { 编码: i + 1, 横: x, 纵: y, 高程: h, 粗横: Math.round(x / 1000) * 1000 }),
    );
    const findings = sensitiveFieldRule.check(vectorSubject(features), params);
    expect(findings.map((f) => [f.messageKey, f.where, f.params])).toEqual([
      ['finding.coordinateField', { field: '横' }, { axis: 'x', precision: 0.001, threshold: 50 }],
      ['finding.coordinateField', { field: '纵' }, { axis: 'y', precision: 0.001, threshold: 50 }],
    ]);
    // Degrees: 6 decimals of longitude are about 0.1 m on the ground.
    const lonlat = [
      [108.123456, 24.5],
      [108.5, 24.75],
      [108.9, 24.9],
    ].map(([x = 0, y = 0]) => point(x, y, { 位置: x, 代号: 3 }));
    expect(
      sensitiveFieldRule
        .check(vectorSubject(lonlat, { epsg: 4490 }), params)
        .map((f) => [f.where.field, f.params['axis']]),
    ).toEqual([['位置', 'x']]);
    // Without a CRS the ground precision is unknown: only names are judged.
    expect(sensitiveFieldRule.check(vectorSubject(features, { epsg: null }), params)).toEqual([]);
  });

  it('refuses a profile without patterns', () => {
    expect(sensitiveFieldRule.params.safeParse({ ...params, fieldPatterns: [] }).success).toBe(false);
  });
});
