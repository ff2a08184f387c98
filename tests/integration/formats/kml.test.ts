import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openFile } from '../../../src-main/node/formats/index.js';
import { fixture } from '../../fixtures/index.js';
import { outcome } from '../../support/outcome.js';
import { tempDir } from '../../support/samples.js';
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

  it('a KMZ whose document links to its layers (GDAL’s LIBKML writer) reads the linked entries', async () => {
    const file = fixture('kml', 'geology_libkml.kmz');
    const layers = vectorLayers(await openFile(file));
    expect(layers.map((l) => l.layer)).toEqual(['boreholes', 'faults']);
    await expectLayersLikeGdal(file, layers, { sampled: ['名称', '孔深', '岩性', '性质'] });
  });

  it('never follows a link out of the archive', async () => {
    const scratch = await tempDir();
    try {
      const link = (href: string): string => `<NetworkLink><Link><href>${href}</href></Link></NetworkLink>`;
      const doc = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${link('../outside.kml')}${link('file:///etc/hostname')}${link('/etc/x.kml')}${link('inner.kml')}</Document></kml>`;
      const inner =
        '<kml><Document><name>内层</name><Placemark><Point><coordinates>1,2</coordinates></Point></Placemark></Document></kml>';
      const file = path.join(scratch.dir, 'links.kmz');
      await writeFile(
        file,
        zipSync({ 'doc.kml': strToU8(doc), 'inner.kml': strToU8(inner) }, { mtime: new Date('2024-01-01') }),
      );
      await writeFile(path.join(scratch.dir, 'outside.kml'), inner.replace('内层', '外面'));
      const layers = vectorLayers(await openFile(file));
      expect(layers.map((l) => l.layer)).toEqual(['内层']);
    } finally {
      await scratch.cleanup();
    }
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
