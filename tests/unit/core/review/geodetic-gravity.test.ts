import { describe, expect, it } from 'vitest';
import { geodeticGravityRule } from '../../../../src-main/core/review/rules/index.js';
import { defaultParams, point, shapefileSubject, vectorSubject } from './vector-subject.js';

const params = geodeticGravityRule.params.parse(defaultParams('geodetic-gravity'));
const check = (...args: Parameters<typeof vectorSubject>) =>
  geodeticGravityRule.check(vectorSubject(...args), params);

describe('geodeticGravityRule', () => {
  it('removes a layer named as control points or gravity anomalies, as a whole', () => {
    expect(check([point(1, 1, { 点名: '凤凰山' })], { layer: '控制点' })).toEqual([
      {
        ruleId: 'geodetic-gravity',
        ruleVersion: 1,
        severity: 'blocking',
        messageKey: 'finding.geodeticLayer',
        params: { keyword: '控制点' },
        where: { part: 'layer-name', name: '控制点' },
        action: 'remove-layer',
      },
    ]);
    const titled = check([point(1, 1, {})], { record: { title: '广西布格异常图', abstract: '' } });
    expect(titled.map((f) => [f.params, f.where])).toEqual([
      [{ keyword: '布格异常' }, { part: 'metadata.title' }],
    ]);
  });

  it('removes a layer that carries gravity values (BOUGUER, FAA)', () => {
    const findings = check([point(1, 1, { 点号: 'G1', BOUGUER: -12.3, FAA: 4.1, 高程: 300 })], {
      name: 'points.shp',
    });
    expect(findings.map((f) => [f.messageKey, f.where, f.action])).toEqual([
      ['finding.gravityField', { field: 'BOUGUER', part: 'field-name', name: 'BOUGUER' }, 'remove-layer'],
      ['finding.gravityField', { field: 'FAA', part: 'field-name', name: 'FAA' }, 'remove-layer'],
    ]);
  });

  it('removes control-point features named so in class or name fields; the layer when all are', () => {
    const mixed = check([
      point(1, 1, { 名称: '大宝山1号矿点', 类型: '矿点' }),
      point(2, 2, { 名称: '凤凰山', 类型: '三等三角点' }),
      point(3, 3, { 名称: 'BM12 水准点', 类型: '其他' }),
      point(4, 4, { 名称: '钻孔', 类型: '钻孔', 备注: '距三角点 200 米' }),
    ]);
    expect(mixed.map((f) => [f.params, f.where, f.action])).toEqual([
      [{ keyword: '水准点' }, { field: '名称', features: [3], featureCount: 1 }, 'remove-features'],
      [{ keyword: '三角点' }, { field: '类型', features: [2], featureCount: 1 }, 'remove-features'],
    ]);
    const all = check([point(1, 1, { TYPE: 'GPS点' }), point(2, 2, { TYPE: 'gps点 C级' })]);
    expect(all.map((f) => f.action)).toEqual(['remove-layer']);
  });

  it('finds nothing in geological layers that are not geodetic', () => {
    expect(
      geodeticGravityRule.check(
        shapefileSubject('chinese', 'shapefile', 'kuangdian_gbk_cpg', '矿点.shp'),
        params,
      ),
    ).toEqual([]);
    expect(
      geodeticGravityRule.check(
        shapefileSubject('chinese', 'shapefile', 'dizhi_gbk_nocpg', 'dizhi.shp'),
        params,
      ),
    ).toEqual([]);
  });
});
