import { describe, expect, it } from 'vitest';
import type { VectorFeature } from '../../../../src-main/core/model/index.js';
import { statedScales } from '../../../../src-main/core/review/map-scale.js';
import { graticuleRule } from '../../../../src-main/core/review/rules/index.js';
import { defaultParams, line, point, shapefileSubject, vectorSubject } from './vector-subject.js';

const params = graticuleRule.params.parse(defaultParams('graticule'));
const check = (...args: Parameters<typeof vectorSubject>) =>
  graticuleRule.check(vectorSubject(...args), params);
const at50k = { title: '大厂幅 1:5万 地质图', abstract: '' };

/** Meridians every 0.25° from 108° to 109° and parallels from 24° to 25°, densified. */
function graticule(): VectorFeature[] {
  const steps = [0, 1, 2, 3, 4].map((i) => i * 0.25);
  const meridians = steps.map((d) => line([0, 0.5, 1].map((t): [number, number] => [108 + d, 24 + t])));
  const parallels = steps.map((d) => line([0, 0.3, 0.7, 1].map((t): [number, number] => [108 + t, 24 + d])));
  return [...meridians, ...parallels];
}

describe('the stated map scale', () => {
  it('reads 1:50000, 1:5万, full-width and grouped digits; not a time', () => {
    const texts = (text: string) => [{ part: 'metadata.abstract' as const, text }];
    expect(statedScales(texts('比例尺 1:50000，据 1∶25万 区调'))).toEqual([50000, 250000]);
    expect(statedScales(texts('１：５万 地质图; 1 : 100 000; 1/200,000'))).toEqual([50000, 100000, 200000]);
    expect(statedScales(texts('采样 11:30，含量 1:3'))).toEqual([]);
  });
});

describe('graticuleRule', () => {
  it('removes a layer named as a graticule or km grid on a map of 1:500,000 or larger', () => {
    expect(
      check(
        [
          line([
            [0, 0],
            [1, 1],
          ]),
        ],
        { layer: '经纬网', record: at50k },
      ),
    ).toEqual([
      {
        ruleId: 'graticule',
        ruleVersion: 1,
        severity: 'blocking',
        messageKey: 'finding.graticuleLayer',
        params: { keyword: '经纬网', scale: '1:50000' },
        where: { part: 'layer-name', name: '经纬网' },
        action: 'remove-layer',
      },
    ]);
    expect(
      check(
        [
          line([
            [0, 0],
            [1, 1],
          ]),
        ],
        { name: 'km_grid.shp' },
      ).map((f) => f.params),
    ).toEqual([{ keyword: 'grid', scale: 'scale.unstated' }]);
  });

  it('does not apply to maps smaller than 1:500,000, nor when the profile skips unstated scales', () => {
    expect(
      check(graticule(), { layer: '经纬网', record: { title: '中国地质图 1:250万', abstract: '' } }),
    ).toEqual([]);
    expect(
      graticuleRule.check(vectorSubject(graticule(), { epsg: 4490 }), { ...params, unstatedScale: 'skip' }),
    ).toEqual([]);
  });

  it('recognises regular axis-parallel lines on both axes whatever the layer is called', () => {
    const lines = graticule();
    const findings = check(lines, { epsg: 4490, layer: 'lines_a', record: at50k });
    expect(findings.map((f) => [f.messageKey, f.where, f.action])).toEqual([
      ['finding.graticuleLines', { features: lines.map((_, i) => i + 1), featureCount: 10 }, 'remove-layer'],
    ]);
    // A km grid mixed with faults: only the grid lines go.
    const km = [0, 1, 2, 3].flatMap((k) => [
      line([
        [532000 + k * 1000, 2754000],
        [532000 + k * 1000, 2757000],
      ]),
      line([
        [532000, 2754000 + k * 1000],
        [535000, 2754000 + k * 1000],
      ]),
    ]);
    const fault = line(
      [
        [532100, 2754100],
        [534900, 2756800],
      ],
      { 名称: 'F1断层' },
    );
    const mixed = check([fault, ...km], { record: at50k });
    expect(mixed.map((f) => [f.where.featureCount, f.where.features?.[0], f.action])).toEqual([
      [8, 2, 'remove-features'],
    ]);
  });

  it('does not take parallel survey lines, irregular spacing or a map frame for a grid', () => {
    const survey = [0, 1, 2, 3, 4].map((k) =>
      line([
        [532000 + k * 100, 2754000],
        [532000 + k * 100, 2757000],
      ]),
    );
    expect(check(survey, { record: at50k })).toEqual([]);
    const frame = [
      line([
        [0, 0],
        [0, 10],
      ]),
      line([
        [10, 0],
        [10, 10],
      ]),
      line([
        [0, 0],
        [10, 0],
      ]),
      line([
        [0, 10],
        [10, 10],
      ]),
    ];
    expect(check(frame, { epsg: 4490, record: at50k })).toEqual([]);
    const uneven = [0, 1, 2.5, 7].flatMap((k) => [
      line([
        [k, 0],
        [k, 10],
      ]),
      line([
        [0, k],
        [10, k],
      ]),
    ]);
    expect(check(uneven, { epsg: 4490, record: at50k })).toEqual([]);
    expect(
      graticuleRule.check(shapefileSubject('shapefile', 'hexi_bus_lines_gbk', '河西线路.shp'), params),
    ).toEqual([]);
  });

  it('removes graticule labels (38°30′) and km numbers beside their line', () => {
    const labels = [
      point(108, 24.5, { 注记: '108°', 类型: '注记' }),
      point(108.25, 24.5, { 注记: "108°15'E", 类型: '注记' }),
      point(108.5, 24.5, { 注记: '北纬24°30′', 类型: '注记' }),
      point(108.6, 24.6, { 注记: '大厂', 类型: '地名' }),
    ];
    expect(check(labels, { epsg: 4490, record: at50k }).map((f) => [f.where, f.action])).toEqual([
      [{ field: '注记', features: [1, 2, 3], featureCount: 3 }, 'remove-features'],
    ]);
    const km = [
      point(531800, 2754000, { TEXT: '2754' }),
      point(531800, 2755000, { TEXT: '2755' }),
      point(531800, 2755000, { TEXT: '9999' }),
    ];
    expect(check(km, { record: at50k }).map((f) => f.where)).toEqual([
      { field: 'TEXT', features: [1, 2], featureCount: 2 },
    ]);
    // A lone degree value is not a label set; dips (35°, 60°) are angles, not graticule labels.
    expect(
      check([point(1, 1, { 产状: '45°' }), point(2, 2, { 产状: 'NE' })], { epsg: 4490, record: at50k }),
    ).toEqual([]);
    const dips = [point(108.1, 24.1, { 倾角: '35°' }), point(108.2, 24.2, { 倾角: '60°' })];
    expect(check(dips, { epsg: 4490, record: at50k })).toEqual([]);
    const projectedDips = [point(532000, 2754000, { 倾角: '35°' }), point(533000, 2755000, { 倾角: '60°' })];
    expect(check(projectedDips, { record: at50k })).toEqual([]);
    // In a projected CRS a longitude (over 90°) or a value with minutes is a label.
    const projected = [point(532000, 2754000, { 注记: '108°' }), point(533000, 2755000, { 注记: "24°30'" })];
    expect(check(projected, { record: at50k }).map((f) => f.where.features)).toEqual([[1, 2]]);
  });
});
