import { describe, expect, it } from 'vitest';
import { chineseCrsName, searchCrs } from '../../../../src-main/core/crs/index.js';

const codes = (query: string, limit = 10): string[] => searchCrs(query, limit).map((h) => h.code);

describe('searchCrs', () => {
  it('finds by code, with or without the EPSG prefix, codes outside the old subset included', () => {
    expect(codes('4548')[0]).toBe('EPSG:4548');
    expect(codes('EPSG:31985')[0]).toBe('EPSG:31985');
    expect(searchCrs('epsg 31985', 1)[0]?.name).toBe('SIRGAS 2000 / UTM zone 25S');
    expect(codes('999999')).toEqual([]);
  });

  it('finds the Chinese national families by Chinese name', () => {
    expect(codes('2000国家大地坐标系 3度带 中央经线117')[0]).toBe('EPSG:4548');
    expect(codes('国家2000 3度带 39带')[0]).toBe('EPSG:4527');
    expect(codes('西安80 3度带 39带')[0]).toBe('EPSG:2363');
    expect(codes('北京54 6度带 20带')[0]).toBe('EPSG:21420');
    expect(codes('新北京54 6度带 中央经线117')[0]).toBe('EPSG:4586');
    expect(codes('西安1980坐标系')[0]).toBe('EPSG:4610');
    expect(codes('2000国家大地坐标系')[0]).toBe('EPSG:4490');
  });

  it('finds by English and ESRI-style names', () => {
    expect(codes('CGCS2000 3-degree Gauss-Kruger CM 117E')[0]).toBe('EPSG:4548');
    expect(codes('Beijing_1954_GK_Zone_20')[0]).toBe('EPSG:21420');
    expect(codes('Web Mercator')[0]).toBe('EPSG:3857');
    expect(codes('WGS 84 UTM zone 50N')[0]).toBe('EPSG:32650');
    expect(codes('WGS 84')[0]).toBe('EPSG:4326');
    expect(codes('China Geodetic Coordinate System 2000')[0]).toBe('EPSG:4490');
  });

  it('caps the hits and requires every word', () => {
    expect(searchCrs('UTM', 5)).toHaveLength(5);
    expect(codes('CGCS2000 UTM nonsense')).toEqual([]);
    expect(codes('   ')).toEqual([]);
  });

  it('gives each hit its Chinese name where the family has one', () => {
    const [hit] = searchCrs('4527', 1);
    expect(hit).toEqual({
      code: 'EPSG:4527',
      name: 'CGCS2000 / 3-degree Gauss-Kruger zone 39',
      nameZh: '2000国家大地坐标系 / 3度带高斯-克吕格投影 第39带',
      geographic: false,
    });
    expect(chineseCrsName('WGS 84 / UTM zone 25S')).toBe('WGS 84 / UTM投影 第25带 南半球');
    expect(chineseCrsName('SIRGAS 2000 / UTM zone 25S')).toBeNull();
  });
});
