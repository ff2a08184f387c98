import { describe, expect, it } from 'vitest';
import {
  checkBasemaps,
  httpOrigin,
  serviceOrigins,
  type Basemap,
  type ServiceGrid,
} from '../../../../src-main/core/basemaps/index.js';
import { renderMessage } from '../../../../src-main/api/messages.js';

const GRID: ServiceGrid = { crs: 'EPSG:3857', minZoom: 0, maxZoom: 18, matrixIdOffset: 0 };
const xyz = (id: string, url: string, grid: ServiceGrid = GRID): Basemap => ({
  kind: 'xyz',
  id,
  name: id,
  attribution: '',
  url,
  grid,
});

describe('httpOrigin', () => {
  it('gives the origin of http(s) URLs and templates, lower case, default port dropped', () => {
    expect(httpOrigin('http://10.1.2.3:8080/vec_w/{z}/{x}/{y}.png')).toBe('http://10.1.2.3:8080');
    expect(httpOrigin('HTTPS://Map.Intranet.GOV.cn:443/wmts?layer=vec')).toBe('https://map.intranet.gov.cn');
    expect(httpOrigin('http://tiles.local:80/{z}/{x}/{y}')).toBe('http://tiles.local');
    expect(httpOrigin('http://[fd00::12]:8080/t/{z}/{x}/{y}')).toBe('http://[fd00::12]:8080');
    expect(httpOrigin('http://tianditu.local')).toBe('http://tianditu.local');
  });

  it('refuses other schemes, credentials, placeholder or odd hosts, bad ports and non-ASCII', () => {
    expect(httpOrigin('ftp://10.1.2.3/{z}/{x}/{y}')).toEqual({ problem: 'basemapUrlScheme' });
    expect(httpOrigin('file:///srv/tiles/{z}/{x}/{y}.png')).toEqual({ problem: 'basemapUrlScheme' });
    expect(httpOrigin('javascript:alert(1)')).toEqual({ problem: 'basemapUrlScheme' });
    expect(httpOrigin('//10.1.2.3/{z}/{x}/{y}')).toEqual({ problem: 'basemapUrlScheme' });
    expect(httpOrigin('http://user:secret@10.1.2.3/{z}/{x}/{y}')).toEqual({
      problem: 'basemapUrlCredentials',
    });
    expect(httpOrigin('http://token@10.1.2.3/{z}/{x}/{y}')).toEqual({ problem: 'basemapUrlCredentials' });
    expect(httpOrigin('http://t{s}.tianditu.local/{z}/{x}/{y}')).toEqual({ problem: 'basemapUrlHost' });
    expect(httpOrigin('http://a_b.local/{z}')).toEqual({ problem: 'basemapUrlHost' });
    expect(httpOrigin('http:///{z}')).toEqual({ problem: 'basemapUrlHost' });
    expect(httpOrigin('http://10.1.2.3:0/{z}')).toEqual({ problem: 'basemapUrlHost' });
    expect(httpOrigin('http://10.1.2.3:70000/{z}')).toEqual({ problem: 'basemapUrlHost' });
    expect(httpOrigin('http://10.1.2.3:80a/{z}')).toEqual({ problem: 'basemapUrlHost' });
    expect(httpOrigin('http://地图.local/{z}')).toEqual({ problem: 'basemapUrlChars' });
    expect(httpOrigin('http://10.1.2.3/a b/{z}')).toEqual({ problem: 'basemapUrlChars' });
    expect(httpOrigin('http://10.1.2.3/{z}#frag')).toEqual({ problem: 'basemapUrlScheme' });
  });
});

describe('checkBasemaps', () => {
  it('accepts local tile sets and services that are well formed', () => {
    expect(
      checkBasemaps([
        { kind: 'mbtiles', id: 'local', name: '本地', attribution: 'GS(2024)1234号', path: '/srv/a.mbtiles' },
        { kind: 'gpkg-tiles', id: 'win', name: 'W', attribution: '', path: 'D:\\maps\\a.gpkg' },
        xyz('osm', 'http://10.0.0.5/{z}/{x}/{-y}.png'),
        {
          kind: 'wmts',
          id: 'tdt',
          name: '天地图',
          attribution: '审图号：GS(2024)0650号',
          url: 'http://10.0.0.6/vec_c/wmts',
          requestEncoding: 'KVP',
          layer: 'vec',
          matrixSet: 'c',
          style: 'default',
          format: 'image/png',
          grid: { crs: 'EPSG:4490', minZoom: 0, maxZoom: 17, matrixIdOffset: 1 },
        },
      ]),
    ).toBeNull();
  });

  it('names the basemap and the problem', () => {
    expect(checkBasemaps([xyz('a', 'http://h/{z}/{x}/{y}'), xyz('a', 'http://h/{z}/{x}/{y}')])).toEqual({
      problem: 'basemapDuplicateId',
      id: 'a',
    });
    expect(checkBasemaps([xyz('b', 'http://h/{z}/{x}.png')])).toEqual({
      problem: 'basemapXyzPlaceholders',
      id: 'b',
    });
    expect(checkBasemaps([xyz('c', 'http://h/{z}/{x}/{y}', { ...GRID, minZoom: 9, maxZoom: 3 })])).toEqual({
      problem: 'basemapZoomRange',
      id: 'c',
    });
    expect(
      checkBasemaps([{ kind: 'mbtiles', id: 'd', name: 'd', attribution: '', path: 'tiles/a.mbtiles' }]),
    ).toEqual({ problem: 'basemapPathNotAbsolute', id: 'd' });
    expect(
      checkBasemaps([
        {
          kind: 'wmts',
          id: 'e',
          name: 'e',
          attribution: '',
          url: 'http://h/wmts/{TileMatrix}/{TileCol}.png',
          requestEncoding: 'REST',
          layer: 'l',
          matrixSet: 'm',
          style: 'default',
          format: 'image/png',
          grid: GRID,
        },
      ]),
    ).toEqual({ problem: 'basemapWmtsPlaceholders', id: 'e' });
    expect(checkBasemaps([xyz('f', 'http://u:p@h/{z}/{x}/{y}')])).toEqual({
      problem: 'basemapUrlCredentials',
      id: 'f',
    });
  });

  it('has a message in both languages for every problem', () => {
    for (const problem of [
      'basemapUrlScheme',
      'basemapUrlCredentials',
      'basemapUrlHost',
      'basemapUrlChars',
      'basemapDuplicateId',
      'basemapXyzPlaceholders',
      'basemapWmtsPlaceholders',
      'basemapZoomRange',
      'basemapPathNotAbsolute',
    ] as const) {
      const zh = renderMessage('error.INVALID_ARGUMENT', { detail: `detail.${problem}`, id: 'tdt' }, 'zh-CN');
      const en = renderMessage('error.INVALID_ARGUMENT', { detail: `detail.${problem}`, id: 'tdt' }, 'en');
      expect(zh).toMatch(/^参数无效：底图 tdt|^参数无效：底图标识 tdt/);
      expect(en).toMatch(/tdt/);
      expect(en).not.toContain('detail.');
    }
  });
});

describe('serviceOrigins', () => {
  it('lists each service origin once, and nothing for local tile sets', () => {
    expect(
      serviceOrigins([
        xyz('a', 'http://10.0.0.5:8080/a/{z}/{x}/{y}'),
        xyz('b', 'http://10.0.0.5:8080/b/{z}/{x}/{y}'),
        xyz('c', 'https://maps.local/{z}/{x}/{y}'),
        { kind: 'mbtiles', id: 'm', name: 'm', attribution: '', path: '/srv/a.mbtiles' },
      ]),
    ).toEqual(['http://10.0.0.5:8080', 'https://maps.local']);
    expect(serviceOrigins([])).toEqual([]);
  });
});
