import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src-main/core/model/index.js';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { gdalTool } from '../../fixtures/tools.js';
import { clientOf, type Client } from '../../support/contract-client.js';
import { tempDir } from '../../support/samples.js';
import { testDispatch } from '../../support/test-dispatch.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let ws: Workstation;
let api: Client;

beforeAll(async () => {
  scratch = await tempDir('strata-content-rules-');
  ws = await openWorkstation({ home: path.join(scratch.dir, 'home') });
  api = clientOf(testDispatch(ws));
});

afterAll(async () => {
  await ws.close();
  await scratch.cleanup();
});

const collection = (features: { properties: Record<string, unknown>; geometry: unknown }[]): string =>
  JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', ...f })) });

/** Control points of a survey in CGCS2000 3° GK CM 108E: 点名, 等级 (三等三角点 / 四等水准点), 高程. */
const controlPoints = collection(
  Array.from({ length: 6 }, (_, i) => ({
    properties: {
      点名: `凤凰山${String(i + 1)}`,
      等级: i % 2 === 0 ? '三等三角点' : '四等水准点',
      高程: 300.125 + i,
    },
    geometry: { type: 'Point', coordinates: [532000.125 + i * 800, 2754000.375 + i * 600] },
  })),
);

/** A 15′ graticule over 108°–109° E, 24°–25° N (CGCS2000), densified. */
const graticule = collection(
  [0, 1, 2, 3, 4].flatMap((k) => [
    {
      properties: { 类型: '经线' },
      geometry: { type: 'LineString', coordinates: [0, 0.5, 1].map((t) => [108 + k * 0.25, 24 + t]) },
    },
    {
      properties: { 类型: '纬线' },
      geometry: { type: 'LineString', coordinates: [0, 0.5, 1].map((t) => [108 + t, 24 + k * 0.25]) },
    },
  ]),
);

/** Mineral occurrences as a CSV: exact coordinates kept in 东坐标/北坐标 and in 纵 (no telling name). */
const occurrencesCsv = [
  '名称,矿种,储量,品位,东坐标,北坐标,纵,备注',
  ...Array.from({ length: 8 }, (_, i) => {
    const x = (533100.211 + i * 1300.5).toFixed(3);
    const y = (2755200.437 + i * 910.25).toFixed(3);
    const note = i === 2 ? '靠近军用机场，注意' : '砂岩采场';
    return `大厂${String(i + 1)}号矿点,锡矿,${String(1200 + i * 37.5)},${String(0.42 + i / 100)},${x},${y},${y},${note}`;
  }),
].join('\n');

async function buildGeoPackage(): Promise<string> {
  const gpkg = path.join(scratch.dir, '测区成果.gpkg');
  const sources: [string, string, string, string[]][] = [
    ['控制点', 'control.geojson', controlPoints, ['-a_srs', 'EPSG:4545']],
    ['经纬网', 'graticule.geojson', graticule, ['-a_srs', 'EPSG:4490']],
    [
      '矿点',
      'occurrences.csv',
      occurrencesCsv,
      [
        '-a_srs',
        'EPSG:4545',
        '-oo',
        'X_POSSIBLE_NAMES=东坐标',
        '-oo',
        'Y_POSSIBLE_NAMES=北坐标',
        '-oo',
        'AUTODETECT_TYPE=YES',
      ],
    ],
  ];
  for (const [index, [layer, file, text, options]] of sources.entries()) {
    const source = path.join(scratch.dir, file);
    await writeFile(source, text);
    await gdalTool('ogr2ogr', [
      '-q',
      '-f',
      'GPKG',
      ...(index === 0 ? [] : ['-update']),
      ...options,
      '-nln',
      layer,
      gpkg,
      source,
    ]);
  }
  return gpkg;
}

const located = (findings: readonly Finding[], ruleId: string) =>
  findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => ({ key: f.messageKey, where: f.where, action: f.action }));

describe('the content rules through the review service, on a GeoPackage written by GDAL', () => {
  it('finds the control points, the graticule, the sensitive fields and the military keyword, each located', async () => {
    const imported = await api.call('datasets.import', { paths: [await buildGeoPackage()] });
    expect(imported.failures).toEqual([]);
    const byLayer = new Map(imported.datasets.map((d) => [d.layer, d]));
    const review = async (layer: string) => {
      const dataset = byLayer.get(layer);
      if (dataset === undefined) throw new Error(`layer ${layer} not imported`);
      return api.call('review.run', { id: dataset.id });
    };

    // Three-point and levelling marks together are the whole layer.
    const control = await review('控制点');
    expect(control.passed).toBe(false);
    expect(located(control.findings, 'geodetic-gravity')).toEqual([
      { key: 'finding.geodeticLayer', where: { part: 'layer-name', name: '控制点' }, action: 'remove-layer' },
      {
        key: 'finding.geodeticFeatures',
        where: { field: '等级', features: [1, 3, 5], featureCount: 3 },
        action: 'remove-layer',
      },
      {
        key: 'finding.geodeticFeatures',
        where: { field: '等级', features: [2, 4, 6], featureCount: 3 },
        action: 'remove-layer',
      },
    ]);

    // The record states the map's scale: 1:50,000 is larger than 1:500,000, so the graticule goes.
    const grid = byLayer.get('经纬网');
    if (grid === undefined) throw new Error('graticule layer not imported');
    await api.call('catalogue.save', {
      id: grid.id,
      baseVersion: 1,
      fields: { title: '大厂幅 1:5万 地质图 经纬网', abstract: '', level: '秘密', period: '' },
    });
    const graticule = await review('经纬网');
    expect(graticule.findings.filter((f) => f.ruleId === 'graticule')).toEqual([
      expect.objectContaining({
        params: { keyword: '经纬网', scale: '1:50000' },
        where: { part: 'layer-name', name: '经纬网' },
        action: 'remove-layer',
      }),
    ]);

    const occurrences = await review('矿点');
    expect(located(occurrences.findings, 'sensitive-field')).toEqual([
      { key: 'finding.sensitiveField', where: { field: '储量' }, action: 'drop-field' },
      { key: 'finding.sensitiveField', where: { field: '品位' }, action: 'drop-field' },
      { key: 'finding.sensitiveField', where: { field: '东坐标' }, action: 'drop-field' },
      { key: 'finding.sensitiveField', where: { field: '北坐标' }, action: 'drop-field' },
      { key: 'finding.coordinateField', where: { field: '纵' }, action: 'drop-field' },
    ]);
    expect(located(occurrences.findings, 'forbidden-content')).toEqual([
      {
        key: 'finding.forbiddenValue',
        where: { field: '备注', features: [3], featureCount: 1 },
        action: 'remove-features',
      },
    ]);
    expect(
      occurrences.findings.some((f) => f.ruleId === 'graticule' || f.ruleId === 'geodetic-gravity'),
    ).toBe(false);
  });
});
