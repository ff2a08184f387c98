import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from '../../../../../src-main/core/crs/index.js';
import { parseGeoJson, writeGeoJson } from '../../../../../src-main/core/formats/geojson/index.js';

import { formatErrorOf } from '../../../../support/format-error.js';
import { problemText } from '../../../../support/messages.js';
import { fixture } from '../../../../fixtures/index.js';

/** The value, or a test failure when it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

const read = (name: string): string => readFileSync(fixture('geojson', name), 'utf8');

/** What the fixture holds, read plainly: the expectations come from the file, not from memory. */
function census(name: string): { count: number; fields: string[] } {
  const doc = JSON.parse(read(name)) as { features: { properties: Record<string, unknown> }[] };
  const fields = [...new Set(doc.features.flatMap((f) => Object.keys(f.properties)))];
  return { count: doc.features.length, fields };
}

describe('parseGeoJson', () => {
  it('reads a FeatureCollection with mixed geometry and typed fields', () => {
    const { info, features } = parseGeoJson(read('ne_110m_admin_0_countries.json'));
    const expected = census('ne_110m_admin_0_countries.json');
    expect(info.featureCount).toBe(expected.count);
    expect(features).toHaveLength(expected.count);
    expect(info.geometryType).toBe('Mixed');
    expect(info.fields.map((f) => f.name)).toEqual(expected.fields);
    expect(info.crs?.code).toBe('EPSG:4326');
    expect(info.extent?.[0]).toBe(-180);
  });

  it('keeps Chinese property text', () => {
    const { info, features } = parseGeoJson(read('world.zh.json'));
    expect(info.featureCount).toBe(census('world.zh.json').count);
    expect(features.some((f) => f.properties['name'] === '中国')).toBe(true);
    expect(info.fields.map((f) => f.name)).toEqual(['name', 'full_name', 'iso_a2', 'iso_a3', 'iso_n3']);
  });

  it('reads a single Feature and a bare geometry', () => {
    const single = parseGeoJson(read('grenada.geojson'));
    expect(single.info.geometryType).toBe('MultiPolygon');
    const bare = parseGeoJson('{"type":"LineString","coordinates":[[1,2],[3,4,5]]}');
    expect(bare.info).toMatchObject({ featureCount: 1, geometryType: 'LineString', extent: [1, 2, 3, 4] });
  });

  it('honours the old-style crs member', () => {
    const doc = (name: string): string =>
      `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"${name}"}},"features":[]}`;
    expect(parseGeoJson(doc('urn:ogc:def:crs:EPSG::4490')).info.crs?.code).toBe('EPSG:4490');
    expect(parseGeoJson(doc('EPSG:4545')).info.crs?.code).toBe('EPSG:4545');
    expect(parseGeoJson(doc('urn:ogc:def:crs:OGC:1.3:CRS84')).info.crs?.code).toBe('EPSG:4326');
    expect(parseGeoJson(doc('urn:ogc:def:crs:EPSG::999999')).info.crs).toBeNull();
    const old =
      '{"type":"FeatureCollection","crs":{"type":"EPSG","properties":{"code":32618}},"features":[]}';
    expect(parseGeoJson(old).info.crs?.code).toBe('EPSG:32618');
  });

  it('refuses corrupt input without quoting its content', () => {
    const secret =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"绝密矿点"},"geometry":{"type":"Point","coordinates":["绝密",2]}}]}';
    const bad = formatErrorOf(() => parseGeoJson(secret));
    expect(bad.kind).toBe('corrupt');
    expect(bad.problem).toBe('geojsonPositionNumber');
    expect(problemText(bad)).toBe('feature 1: a position holds a non-number');
    const truncated = formatErrorOf(() => parseGeoJson('{"type":"FeatureCollection","features":[{"绝密":'));
    expect(problemText(truncated)).toBe('not valid JSON');
    expect(formatErrorOf(() => parseGeoJson('{"type":"Circle","coordinates":[1,2]}')).kind).toBe('corrupt');
    expect(problemText(formatErrorOf(() => parseGeoJson('{"type":"FeatureCollection"}')))).toMatch(
      /features/,
    );
  });

  it('refuses text over the budget and collections nested too deep', () => {
    expect(formatErrorOf(() => parseGeoJson(read('grenada.geojson'), { maxChars: 1000 })).kind).toBe(
      'too-large',
    );
    let deep = '{"type":"Point","coordinates":[1,2]}';
    for (let i = 0; i < 20; i += 1) deep = `{"type":"GeometryCollection","geometries":[${deep}]}`;
    expect(problemText(formatErrorOf(() => parseGeoJson(deep)))).toMatch(/nested too deep/);
  });
});

describe('writeGeoJson', () => {
  it('writes a fresh collection that parses back the same, naming the EPSG code', () => {
    const crs = must(crsFromEpsg(4545));
    const features = [
      {
        geometry: { type: 'Point' as const, coordinates: [431250, 2534550] },
        properties: { 名称: '矿点', n: 1 },
      },
      { geometry: null, properties: {} },
    ];
    const text = writeGeoJson({ crs, features });
    const back = parseGeoJson(text);
    expect(back.info.crs?.code).toBe('EPSG:4545');
    expect(back.features).toEqual(features);
    expect(text).toContain('"id":2');
  });

  it('prints decimal-grid multiples without float noise', () => {
    const crs = must(crsFromEpsg(4490));
    const x = Number((0.0005 * 228).toFixed(4));
    const text = writeGeoJson({
      crs,
      features: [{ geometry: { type: 'Point', coordinates: [112.1235, x] }, properties: {} }],
    });
    expect(text).toContain('[112.1235,0.114]');
    expect(text).toContain('"name":"urn:ogc:def:crs:EPSG::4490"');
    expect(writeGeoJson({ crs: must(crsFromEpsg(4326)), features: [] })).not.toContain('"crs"');
  });
});
