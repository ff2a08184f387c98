import { describe, expect, it } from 'vitest';
import { openFile } from '../../../src-main/node/formats/index.js';
import { fixture } from '../../fixtures/index.js';
import { outcome } from '../../support/outcome.js';
import { expectLayersLikeGdal, vectorLayers } from './compare-layers.js';

const open1 = async (rel: string, options = {}) => {
  const opened = await openFile(fixture('csv', rel), options);
  expect(opened.format).toBe('CSV');
  const [layer, ...rest] = vectorLayers(opened);
  if (layer === undefined || rest.length > 0) throw new Error('one layer');
  return layer;
};

describe('CSV points, beside GDAL (CSV driver, AUTODETECT_TYPE=YES)', () => {
  it('plane coordinates in 东坐标/北坐标 with the CRS the user names; a row without one keeps its attributes', async () => {
    const layer = await open1('钻孔_gk.csv', { crs: 'EPSG:4547' });
    // GDAL names the single layer by the stem; ours is unnamed, as for every single-layer format.
    await expectLayersLikeGdal(fixture('csv', '钻孔_gk.csv'), [{ ...layer, layer: '钻孔_gk' }], {
      openOptions: ['X_POSSIBLE_NAMES=东坐标', 'Y_POSSIBLE_NAMES=北坐标', 'AUTODETECT_TYPE=YES'],
      sampled: ['孔号', '名称', '东坐标', '北坐标', '孔深', '备注'],
      epsg: 'EPSG:4547',
    });
    expect(layer.info.featureCount).toBe(40);
    expect(layer.features[7]?.geometry).toBeNull();
    expect(layer.notices).toEqual(['csv.rowsWithoutCoordinates']);
    expect(layer.features[0]?.properties['备注']).toBe('第1孔, 已验收');
  });

  it('detects the columns without options; plane values get no CRS until the user assigns one', async () => {
    const layer = await open1('钻孔_gk.csv');
    expect(layer.info.crs).toBeNull();
    expect(layer.info.featureCount).toBe(40);
  });

  it.each([
    ['钻孔_x北y东.csv', 'Y坐标(东)', 'X坐标(北)', 30],
    ['survey_xn_ye.csv', 'Y(E)', 'X(N)', 12],
  ])(
    '%s: a header that says 北 / N is northing (y) whatever its letter, as Chinese surveying writes it',
    async (name, east, north, count) => {
      const layer = await open1(name, { crs: 'EPSG:4547' });
      await expectLayersLikeGdal(fixture('csv', name), [{ ...layer, layer: name.replace(/\.csv$/, '') }], {
        openOptions: [`X_POSSIBLE_NAMES=${east}`, `Y_POSSIBLE_NAMES=${north}`, 'AUTODETECT_TYPE=YES'],
        sampled: ['孔号', '备注', 'id', 'depth'],
        epsg: 'EPSG:4547',
      });
      expect(layer.info.featureCount).toBe(count);
      const [first] = layer.features;
      if (first?.geometry?.type !== 'Point') throw new Error('point expected');
      expect(first.geometry.coordinates[0]).toBe(first.properties[east]);
      expect(first.geometry.coordinates[1]).toBe(first.properties[north]);
    },
  );

  it('lon/lat in degrees: EPSG:4326 by default, UTF-8 with a BOM and GBK read alike', async () => {
    const bom = await open1('stations_bom.csv');
    const gbk = await open1('stations_gbk.csv');
    await expectLayersLikeGdal(fixture('csv', 'stations_bom.csv'), [{ ...bom, layer: 'stations_bom' }], {
      openOptions: ['X_POSSIBLE_NAMES=经度', 'Y_POSSIBLE_NAMES=纬度', 'AUTODETECT_TYPE=YES'],
      sampled: ['站名', '经度', '纬度', '海拔', '类型'],
      epsg: 'EPSG:4326',
    });
    expect(bom.info.encoding).toBe('UTF-8');
    expect(gbk.info.encoding).toBe('GBK');
    expect(gbk.features).toEqual(bom.features);
    expect(gbk.features[0]?.properties['站名']).toMatch(/^桂林0站$/);
    expect((await open1('stations_gbk.csv', { encoding: 'cp936' })).features).toEqual(bom.features);
    // Told UTF-8, the GBK header does not decode to any coordinate name: the option is what is used.
    expect(
      await outcome(() => openFile(fixture('csv', 'stations_gbk.csv'), { encoding: 'UTF-8' })),
    ).toMatchObject({
      params: { problem: 'problem.csvNoCoordinates' },
    });
  });

  it('streams a table over several read chunks, a quoted field across lines included', async () => {
    const layer = await open1('many_points.csv');
    await expectLayersLikeGdal(fixture('csv', 'many_points.csv'), [{ ...layer, layer: 'many_points' }], {
      openOptions: ['X_POSSIBLE_NAMES=lon', 'Y_POSSIBLE_NAMES=lat', 'AUTODETECT_TYPE=YES'],
      epsg: 'EPSG:4326',
    });
    expect(layer.features[15000]?.properties['name']).toBe('多行\n名称');
  });

  it('a WKT column, with the separator GDAL finds', async () => {
    const layer = await open1('wkt.csv');
    expect(layer.features.map((f) => f.geometry?.type)).toEqual(['Point', 'LineString']);
    expect(layer.info.extent).toEqual([0, 0, 1, 2]);
    expect(layer.features[0]?.properties['name']).toBe('a;b');
  });

  it('says what is wrong: a named column missing, an unknown CRS or encoding, no coordinates', async () => {
    expect(
      await outcome(() => openFile(fixture('csv', '钻孔_gk.csv'), { x: 'E', y: '北坐标' })),
    ).toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      params: { problem: 'problem.csvColumnMissing', column: 'E' },
    });
    expect(
      await outcome(() => openFile(fixture('csv', '钻孔_gk.csv'), { crs: 'EPSG:99999999' })),
    ).toMatchObject({
      params: { problem: 'problem.csvCrsCode' },
    });
    expect(
      await outcome(() => openFile(fixture('csv', '钻孔_gk.csv'), { encoding: 'KLINGON' })),
    ).toMatchObject({
      params: { problem: 'problem.encodingName' },
    });
  });
});
