import { describe, expect, it } from 'vitest';
import type { ForbiddenContentParams } from '../../../../src-main/core/review/rules/forbidden-content.js';
import { forbiddenContentRule } from '../../../../src-main/core/review/rules/index.js';
import type { ReviewSubject } from '../../../../src-main/core/review/rule.js';
import { defaultParams, point, shapefileSubject, vectorSubject } from './vector-subject.js';

const params = forbiddenContentRule.params.parse(defaultParams('forbidden-content'));
const check = (subject: ReviewSubject, p: ForbiddenContentParams = params) =>
  forbiddenContentRule.check(subject, p);

describe('forbiddenContentRule', () => {
  it.each([
    ['GBK with a .cpg', 'gbk_cpg'],
    ['GBK without a .cpg', 'gbk_nocpg'],
    ['UTF-8', 'utf8'],
  ])(
    'finds the military rows, the class and the depth in a GDAL-written Shapefile in %s (field by field)',
    (_, dir) => {
      const findings = check(shapefileSubject('review', 'content', dir, '设施.shp'));
      expect(findings.map((f) => [f.messageKey, f.params, f.where, f.action])).toEqual([
        [
          'finding.forbiddenValue',
          { keyword: '部队' },
          { field: '名称', features: [2], featureCount: 1 },
          'remove-features',
        ],
        [
          'finding.forbiddenValue',
          { keyword: '雷达' },
          { field: '名称', features: [4], featureCount: 1 },
          'remove-features',
        ],
        [
          'finding.forbiddenClass',
          { class: '军事设施' },
          { field: '类别', features: [2], featureCount: 1 },
          'remove-features',
        ],
        [
          'finding.forbiddenValue',
          { keyword: 'radar' },
          { field: '备注', features: [4], featureCount: 1 },
          'remove-features',
        ],
        [
          'finding.forbiddenValue',
          { keyword: '水深' },
          { field: '备注', features: [5], featureCount: 1 },
          'remove-features',
        ],
      ]);
      expect(findings.every((f) => f.ruleId === 'forbidden-content' && f.severity === 'blocking')).toBe(true);
    },
  );

  it('finds a keyword that only a hidden place holds (a deleted record), to be stripped', () => {
    const clean = [point(1, 1, { 名称: '一号矿点' })];
    const hidden = [{ part: 'dbf.deleted-record' as const, name: '矿点.dbf', text: '原某部队营区已删' }];
    expect(check(vectorSubject(clean))).toEqual([]);
    expect(check(vectorSubject(clean, { hidden })).map((f) => [f.params, f.where, f.action])).toEqual([
      [{ keyword: '部队' }, { part: 'dbf.deleted-record', name: '矿点.dbf' }, 'strip-hidden'],
    ]);
  });

  it('finds nothing in clean data, and Latin short words only as whole words', () => {
    const clean = vectorSubject(
      [
        point(1, 1, { 名称: '铜坑矿区', 备注: 'HARMONY kva sample' }),
        point(2, 2, { 名称: '大厂', 备注: '砂岩' }),
      ],
      { record: { title: '广西大厂矿田地质图', abstract: '锡多金属矿床' } },
    );
    expect(check(clean)).toEqual([]);
    const voltage = vectorSubject([
      point(1, 1, { 名称: '输电线', 备注: '500kV' }),
      point(2, 2, { 名称: 'x', 备注: 'ARMY depot' }),
    ]);
    expect(check(voltage).map((f) => f.params['keyword'])).toEqual(['kV', 'army']);
  });

  it('matches NFKC-normalised, case-insensitive text: full-width Latin and upper case', () => {
    const wide = vectorSubject([
      point(1, 1, { 备注: '２２０ＫＶ线路' }),
      point(2, 2, { 备注: 'MILITARY ZONE' }),
    ]);
    expect(check(wide).map((f) => [f.params['keyword'], f.where.features])).toEqual([
      ['kV', [1]],
      ['military', [2]],
    ]);
  });

  it('drops a forbidden field name, removes a layer named or classed as forbidden as a whole', () => {
    const reservoir = vectorSubject([point(1, 1, { 名称: '龙滩水库', 总库容: 273 })], { layer: '水库' });
    expect(check(reservoir)).toEqual([
      {
        ruleId: 'forbidden-content',
        ruleVersion: 1,
        severity: 'blocking',
        messageKey: 'finding.forbiddenFieldName',
        params: { keyword: '库容' },
        where: { field: '总库容', part: 'field-name', name: '总库容' },
        action: 'drop-field',
      },
    ]);
    const camp = vectorSubject([point(1, 1, { TYPE: 'Military' }), point(2, 2, { TYPE: 'military ' })], {
      name: 'facilities.gpkg',
      layer: '军事设施',
    });
    expect(check(camp).map((f) => [f.messageKey, f.where, f.action])).toEqual([
      ['finding.forbiddenLayerName', { part: 'layer-name', name: '军事设施' }, 'remove-layer'],
      ['finding.forbiddenClass', { field: 'TYPE', features: [1, 2], featureCount: 2 }, 'remove-layer'],
    ]);
    // layerNames apply to names only, not to attribute values.
    const restricted = vectorSubject([point(1, 1, { 备注: '涉密' })], { name: '涉密资料.shp' });
    expect(check(restricted).map((f) => [f.where.part, f.action])).toEqual([['file-name', 'remove-layer']]);
  });

  it('reads the record title and abstract of a raster too: no transform rewrites them (action null)', () => {
    const subject: ReviewSubject = {
      ...vectorSubject([]),
      kind: 'raster',
      name: 'dem.tif',
      texts: [
        { part: 'metadata.title', text: '某军用机场周边 DEM' },
        { part: 'metadata.abstract', text: 'Terrain near the air base' },
      ],
      info: {
        kind: 'raster',
        width: 1,
        height: 1,
        bandCount: 1,
        dataType: 'Float32',
        crs: null,
        extent: null,
        pixelSize: [1, 1],
        origin: [0, 0],
        nodata: null,
      },
    };
    expect(check(subject).map((f) => [f.params['keyword'], f.where, f.action])).toEqual([
      ['军用', { part: 'metadata.title' }, null],
      ['air base', { part: 'metadata.abstract' }, null],
    ]);
  });

  it('lists at most 100 feature numbers and counts them all', () => {
    const many = vectorSubject(
      Array.from({ length: 250 }, (_, i) => point(i, i, { 备注: i % 2 === 0 ? '靶场' : '矿点' })),
    );
    const [finding] = check(many);
    expect(finding?.where.features).toHaveLength(100);
    expect(finding?.where.features?.slice(0, 3)).toEqual([1, 3, 5]);
    expect(finding?.where.featureCount).toBe(125);
    expect(finding?.action).toBe('remove-features');
  });

  it('refuses a profile without keywords or with a misspelt key', () => {
    expect(forbiddenContentRule.params.safeParse({ ...params, keywords: [] }).success).toBe(false);
    expect(forbiddenContentRule.params.safeParse({ ...params, keyword: ['x'] }).success).toBe(false);
  });
});
