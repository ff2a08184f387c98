import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../../src-main/core/formats/registry.js';
import { fixture } from '../../../../fixtures/index.js';

const head = (...parts: string[]): Uint8Array => readFileSync(fixture(...parts)).subarray(0, 64 * 1024);
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const detect = (name: string, h: Uint8Array): string | null => detectFormat({ name, head: h });

describe('format registry detection', () => {
  it('recognises real samples by content', () => {
    expect(detect('RGB.byte.tif', head('raster', 'RGB.byte.tif'))).toBe('GeoTIFF');
    expect(detect('SP27GTIF.TIF', head('raster', 'SP27GTIF.TIF'))).toBe('GeoTIFF');
    expect(detect('河西线路.shp', head('shapefile', 'hexi_bus_lines_gbk', '河西线路.shp'))).toBe('Shapefile');
    expect(detect('UN.json', head('geojson', 'UN.json'))).toBe('GeoJSON');
    expect(detect('world.zh.json', head('geojson', 'world.zh.json'))).toBe('GeoJSON');
    expect(detect('issue1446.geojson', head('geojson', 'issue1446.geojson'))).toBe('GeoJSON');
  });

  it('ignores a misleading extension', () => {
    expect(detect('photo.jpg', head('raster', 'RGB.byte.tif'))).toBe('GeoTIFF');
    expect(detect('data.bin', head('shapefile', 'box_utm18n', 'box.shp'))).toBe('Shapefile');
    expect(detect('fake.tif', head('shapefile', 'box_utm18n', 'box.dbf'))).toBeNull();
    expect(detect('fake.shp', head('shapefile', 'box_utm18n', 'box.shx').subarray(0, 50))).toBeNull();
    expect(detect('capitals.txt', head('csv', 'china_capitals.csv'))).toBeNull();
    expect(detect('points.csv', head('shapefile', 'box_utm18n', 'box.shp'))).toBe('Shapefile');
  });

  it('recognises KML, KMZ, GPX and zipped shapefiles by content, CSV by name', () => {
    expect(detect('a.xml', head('kml', '广西地质.kml'))).toBe('KML');
    expect(detect('a.zip', head('kml', '广西地质.kmz'))).toBe('KML');
    expect(detect('a.xml', head('gpx', '野外路线.gpx'))).toBe('GPX');
    expect(detect('a.bin', head('zip', '矿点.zip'))).toBe('Shapefile');
    expect(detect('capitals.csv', head('csv', 'china_capitals.csv'))).toBe('CSV');
    expect(detect('capitals.CSV', head('csv', 'stations_gbk.csv'))).toBe('CSV');
    expect(detect('x.csv', Uint8Array.from([0x41, 0, 0x42]))).toBeNull();
    expect(detect('x.kml', bytes('not xml'))).toBeNull();
  });

  it('recognises PNG and JPEG scans by content; a plain TIFF scan is the GeoTIFF module’s', () => {
    expect(detect('a.bin', head('scans', 'rgb_utm18.png'))).toBe('PNG');
    expect(detect('a.png', head('scans', 'grey_cgcs2000_cm108.jpg'))).toBe('JPEG');
    expect(detect('a.jpg', head('scans', 'rotated_map.tif'))).toBe('GeoTIFF');
    expect(detect('a.png', bytes('not a png'))).toBeNull();
  });

  it('recognises BigTIFF and big-endian TIFF magic', () => {
    expect(detect('a', Uint8Array.from([0x49, 0x49, 43, 0, 8, 0, 0, 0]))).toBe('GeoTIFF');
    expect(detect('a', Uint8Array.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8]))).toBe('GeoTIFF');
    expect(detect('a', Uint8Array.from([0x49, 0x49, 42, 1]))).toBeNull();
  });

  it('finds a GeoJSON type after a crs member, a BOM or a bare geometry', () => {
    const crsFirst =
      '{"crs":{"type":"name","properties":{"name":"EPSG:4490"}},"type":"FeatureCollection","features":[]}';
    expect(detect('x.txt', bytes(crsFirst))).toBe('GeoJSON');
    expect(detect('x', bytes('\uFEFF {"type":"Point","coordinates":[1,2]}'))).toBe('GeoJSON');
    expect(detect('x.json', bytes('{"type":"Topology","objects":{}}'))).toBe('GeoJSON');
    expect(detect('x.txt', bytes('{"type":"Topology","objects":{}}'))).toBeNull();
    expect(detect('x.json', bytes('[1,2,3]'))).toBeNull();
  });
});
