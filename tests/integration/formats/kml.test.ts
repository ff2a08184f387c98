import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openFile } from '../../../src-main/node/formats/index.js';
import { fixture } from '../../fixtures/index.js';
import { outcome } from '../../support/outcome.js';
import { expectLayersLikeGdal, vectorLayers } from './compare-layers.js';

describe('KML and KMZ, beside GDAL (LIBKML driver)', () => {
  it.each([
    ['kml/广西地质.kml', []],
    // GDAL's LIBKML writer names every schema "______.schema", so its reader loses the later ones.
    ['kml/广西地质_libkml.kml', ['性质', '代号']],
    // GDAL does not find the KML driver's schemas inside a KMZ.
    ['kml/广西地质.kmz', ['孔深', '岩性', '性质', '代号']],
  ])('%s: folders are layers with ExtendedData attributes in EPSG:4326', async (rel, gdalLacks) => {
    const sampled = ['Name', '名称', '孔深', '岩性', '性质', '代号'];
    const opened = await openFile(fixture(...rel.split('/')));
    expect(opened.format).toBe('KML');
    expect(opened.files).toHaveLength(1);
    const layers = vectorLayers(opened);
    expect(layers.map((l) => l.layer)).toEqual(['钻孔', '断层', '地层']);
    await expectLayersLikeGdal(fixture(...rel.split('/')), layers, { sampled, gdalLacks });
    expect(layers[0]?.features[0]?.properties).toMatchObject({ 孔深: 213.9, 岩性: '花岗岩' });
    expect(layers[1]?.features[0]?.properties).toMatchObject({ 性质: '正断层' });
    // The MultiPolygon unit stays one: MultiGeometry of polygons → MultiPolygon.
    expect(layers[2]?.features.map((f) => f.geometry?.type)).toEqual(['Polygon', 'MultiPolygon']);
  });

  it('nested folders are layers of their own, named as GDAL names them; Data values and MultiGeometry', async () => {
    const file = fixture('kml', 'nested.kml');
    const layers = vectorLayers(await openFile(file));
    expect(layers.map((l) => l.layer)).toEqual(['勘查区', '甲区', '甲区钻孔', '甲区 (#2)', 'Layer3']);
    // GDAL's LIBKML mangles non-ASCII Data names ("编号" → "______"), so only ASCII ones are compared.
    await expectLayersLikeGdal(
      file,
      layers.map((l) => ({
        ...l,
        info: { ...l.info, fields: l.info.fields.filter((f) => f.name !== '编号') },
      })),
      { sampled: ['Name', 'description', 'remark'] },
    );
    expect(layers[1]?.features[0]?.properties).toMatchObject({ Name: '甲1', 编号: '1', remark: '第1号' });
    expect(layers[2]?.features[0]?.geometry?.type).toBe('MultiPoint');
    expect(layers[4]?.features[0]?.geometry?.type).toBe('GeometryCollection');
  });

  it('refuses entity expansion, external entities and DOCTYPE before parsing, and truncated XML', async () => {
    const hostname = (await readFile('/etc/hostname', 'utf8').catch(() => '')).trim();
    for (const [rel, code, problem] of [
      ['kml_bad/billion_laughs.kml', 'UNSUPPORTED_FORMAT', 'problem.xmlDoctype'],
      ['kml_bad/xxe.kml', 'UNSUPPORTED_FORMAT', 'problem.xmlDoctype'],
      ['kml_bad/xxe.kmz', 'UNSUPPORTED_FORMAT', 'problem.xmlDoctype'],
      ['kml_bad/truncated.kml', 'CORRUPT_FILE', 'problem.xmlMalformed'],
    ] as const) {
      const result = await outcome(() => openFile(fixture(...rel.split('/'))));
      expect(result, rel).toMatchObject({ code, params: { problem } });
      if (hostname !== '') expect(JSON.stringify(result)).not.toContain(hostname);
    }
  });
});
