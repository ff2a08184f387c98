import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { directionOf, readCsv } from '../../../../../src-main/core/formats/csv/read.js';
import { parseWkt } from '../../../../../src-main/core/formats/csv/wkt.js';

/** A pull reader over `bytes` in chunks of `size` (the last call returns an empty chunk). */
function chunks(bytes: Uint8Array, size: number): () => Uint8Array {
  let at = 0;
  return () => {
    const chunk = bytes.subarray(at, Math.min(bytes.length, at + size));
    at += chunk.length;
    return chunk;
  };
}

const TABLE =
  '编号;名称;经度;纬度\r\n0771;"南宁\r\n市";108.32;22.82\r\n2;"桂林;象山";110.29;25.27\r\n3;无坐标;;\r\n';

describe('CSV reading across chunk edges', () => {
  it.each([1, 2, 3, 7, 64, 4096])(
    'gives the same rows whatever the chunk size (%i bytes), UTF-8 and GBK',
    (size) => {
      for (const bytes of [new TextEncoder().encode(TABLE), iconv.encode(TABLE, 'gbk')]) {
        const layer = readCsv(chunks(bytes, size), {});
        expect(layer.features.map((f) => f.properties)).toEqual([
          { 编号: '0771', 名称: '南宁\r\n市', 经度: 108.32, 纬度: 22.82 },
          { 编号: '2', 名称: '桂林;象山', 经度: 110.29, 纬度: 25.27 },
          { 编号: '3', 名称: '无坐标', 经度: null, 纬度: null },
        ]);
        expect(layer.features[2]?.geometry).toBeNull();
        expect(layer.info.crs?.code).toBe('EPSG:4326');
        expect(layer.info.fields.map((f) => f.type)).toEqual(['string', 'string', 'number', 'number']);
      }
    },
  );

  it('keeps integers with leading zeros as text and types the rest like GDAL', () => {
    const layer = readCsv(chunks(new TextEncoder().encode('x,y,a,b,c\n1,2,007,1,1.5\n3,4,8,2,2\n'), 5), {});
    expect(layer.info.fields.map((f) => [f.name, f.type])).toEqual([
      ['x', 'number'],
      ['y', 'number'],
      ['a', 'string'],
      ['b', 'number'],
      ['c', 'number'],
    ]);
    expect(layer.features[0]?.properties).toEqual({ x: 1, y: 2, a: '007', b: 1, c: 1.5 });
  });

  it('gives no CRS to plane values under lon/lat-like names out of degree range', () => {
    const layer = readCsv(chunks(new TextEncoder().encode('lon,lat\n500000,2750000\n'), 64), {});
    expect(layer.info.crs).toBeNull();
  });
});

describe('coordinate columns named by their direction', () => {
  it.each([
    ['X坐标(北)', 'y'],
    ['Y坐标(东)', 'x'],
    ['北坐标', 'y'],
    ['东坐标', 'x'],
    ['X（北）', 'y'],
    ['X(N)', 'y'],
    ['y (e)', 'x'],
    ['X_N', 'y'],
    ['Northing', 'y'],
    ['easting', 'x'],
    ['X', null],
    ['孔号', null],
    ['Name', null],
    ['东北角', null],
    ['northeast', null],
  ])('%s -> %s', (name, axis) => {
    expect(directionOf(name)).toBe(axis);
  });

  it('X坐标(北) / Y坐标(东): the northing column is y; lon/lat names still win as degrees', () => {
    const read = (text: string) => readCsv(chunks(new TextEncoder().encode(text), 64), {});
    const survey = read('孔号,X坐标(北),Y坐标(东)\nZK1,2803121.83,36457602.15\n');
    expect(survey.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [36457602.15, 2803121.83] });
    const both = read('X坐标(北),Y坐标(东),经度,纬度\n2803121.8,36457602.1,108.5,25.3\n');
    expect(both.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [108.5, 25.3] });
    expect(both.info.crs?.code).toBe('EPSG:4326');
  });
});

describe('WKT of a CSV column', () => {
  it.each([
    ['POINT (1 2)', { type: 'Point', coordinates: [1, 2] }],
    ['POINT Z (1 2 3)', { type: 'Point', coordinates: [1, 2, 3] }],
    [
      'MULTIPOINT ((1 2), (3 4))',
      {
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
    [
      'MULTIPOINT (1 2, 3 4)',
      {
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
    [
      'LINESTRING (0 0,1 1)',
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
    ],
    [
      'MULTIPOLYGON (((0 0,1 0,1 1,0 0)))',
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        ],
      },
    ],
  ])('reads %s', (wkt, geometry) => {
    expect(parseWkt(wkt)).toEqual(geometry);
  });

  it.each(['POINT EMPTY', 'POINT (1)', 'LINESTRING (0 0', 'GEOMETRYCOLLECTION (POINT (1 2))', 'POINT (a b)'])(
    'gives no geometry for %s',
    (wkt) => {
      expect(parseWkt(wkt)).toBeNull();
    },
  );
});
