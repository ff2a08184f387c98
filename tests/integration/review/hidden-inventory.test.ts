import { describe, expect, it } from 'vitest';
import type { SubjectText } from '../../../src-main/core/model/index.js';
import { openFile, openHidden } from '../../../src-main/node/formats/index.js';
import { fixture } from '../../fixtures/index.js';
import { HIDDEN_TEXT } from '../../fixtures/hidden.js';

const hidden = (name: string): Promise<SubjectText[]> => openHidden(fixture('hidden', name));
const holding = (texts: readonly SubjectText[], needle: string): SubjectText[] =>
  texts.filter((t) => t.text.includes(needle));

describe('hidden-content inventory of GDAL-written files (ADR 0162)', () => {
  it('lists the descriptive TIFF tags, GDAL_METADATA items, band description and XMP of a GeoTIFF', async () => {
    const texts = await hidden('dem_tagged.tif');
    const tags = Object.fromEntries(
      texts.filter((t) => t.part === 'tiff.tag').map((t): [string, string] => [t.name ?? '', t.text]),
    );
    expect(tags).toEqual({
      DocumentName: 'C:\\Users\\zhang\\dem.tif',
      ImageDescription: HIDDEN_TEXT.imageDescription,
      Software: 'ArcGIS 10.8',
      DateTime: '2024:01:01 00:00:00',
      Artist: '张工',
      HostComputer: 'ws-zhang.survey.local',
      Copyright: '某局',
    });
    const gdal = texts.filter((t) => t.part === 'tiff.gdal-metadata');
    expect(gdal).toContainEqual({ part: 'tiff.gdal-metadata', name: '路径', text: '/home/zhang/data' });
    expect(gdal).toContainEqual({
      part: 'tiff.gdal-metadata',
      name: 'band 1 description',
      text: HIDDEN_TEXT.bandDescription,
    });
    expect(gdal).toContainEqual({
      part: 'tiff.gdal-metadata',
      name: 'band 1 来源',
      text: '\\\\fileserver\\survey\\dem',
    });
    expect(texts.filter((t) => t.part === 'tiff.xmp').map((t) => t.text)).toEqual([HIDDEN_TEXT.xmpCreator]);
    // The XMP tag was planted by rewriting the IFD at the end: the old IFD is residue without text.
    expect(texts.filter((t) => t.part === 'unreferenced-bytes')).toEqual([]);
  });

  it('reads the ArcGIS .xml sidecar beside a GeoTIFF, and import stores it with the file', async () => {
    const texts = await hidden('dem_tagged.tif');
    const sidecar = texts.filter((t) => t.part === 'sidecar');
    expect(sidecar.map((t) => t.name)).toEqual(['dem_tagged.tif.xml']);
    expect(sidecar[0]?.text).toContain(HIDDEN_TEXT.arcgisXml);
    expect(sidecar[0]?.text).toContain('file://\\\\GIS-SERVER');
    const opened = await openFile(fixture('hidden', 'dem_tagged.tif'));
    expect(opened.files.map((f) => f.split(/[\\/]/).pop())).toEqual(['dem_tagged.tif', 'dem_tagged.tif.xml']);
  });

  it('reads the PAM .aux.xml GDAL writes for a baseline TIFF, without its SRS and geotransform', async () => {
    const texts = await hidden('dem_baseline.tif');
    expect(texts.map((t) => [t.part, t.name])).toEqual([['sidecar', 'dem_baseline.tif.aux.xml']]);
    expect(texts[0]?.text.split('\n')).toEqual(['\\\\fileserver\\survey\\dem', HIDDEN_TEXT.auxItem]);
  });

  it('finds text in UTF-8, GBK and UTF-16LE in bytes no IFD, tag or tile references, with their offsets', async () => {
    const texts = await hidden('dem_residue.tif');
    expect(texts.every((t) => t.part === 'unreferenced-bytes')).toBe(true);
    expect(texts.map((t) => t.text)).toEqual([
      HIDDEN_TEXT.residueUtf8,
      HIDDEN_TEXT.residueGbk,
      HIDDEN_TEXT.residueUtf16,
    ]);
    expect(texts.map((t) => t.name?.split(' ')[1])).toEqual(['UTF-8', 'GBK', 'UTF-16LE']);
  });

  it('finds nothing in a plain GeoTIFF or a COG (its ghost header and tile leaders are structure)', async () => {
    expect(await hidden('dem_clean.tif')).toEqual([]);
    expect(await hidden('dem_cog.tif')).toEqual([]);
  });

  it('decodes a shapefile record flagged deleted in its GBK or UTF-8 encoding, and reads .shp.xml', async () => {
    const gbk = await hidden('kuangdian_deleted_gbk.shp');
    expect(gbk.filter((t) => t.part === 'dbf.deleted-record')).toEqual([
      { part: 'dbf.deleted-record', name: 'record 2', text: `${HIDDEN_TEXT.deletedRecordGbk} | 2` },
    ]);
    expect(holding(gbk, HIDDEN_TEXT.shpXml).map((t) => t.name)).toEqual(['kuangdian_deleted_gbk.shp.xml']);
    const utf8 = await hidden('kuangdian_deleted_utf8.shp');
    expect(utf8).toEqual([
      { part: 'dbf.deleted-record', name: 'record 2', text: `${HIDDEN_TEXT.deletedRecordUtf8} | 2` },
    ]);
    // The record is gone from the features.
    const opened = await openFile(fixture('hidden', 'kuangdian_deleted_utf8.shp'));
    const layer = opened.layers[0];
    expect(layer?.kind === 'vector' && layer.features.map((f) => f.properties['名称'])).toEqual([
      '矿点一',
      '矿点三',
    ]);
    expect(await hidden('kuangdian_clean.shp')).toEqual([]);
  });

  it('reads gpkg_metadata and the deleted rows left in a GeoPackage free space, in UTF-8 and GBK', async () => {
    const texts = await hidden('holes_deleted.gpkg');
    expect(texts.filter((t) => t.part === 'gpkg.metadata')).toEqual([
      { part: 'gpkg.metadata', name: 'gpkg_metadata 1 dataset', text: HIDDEN_TEXT.gpkgMetadata },
    ]);
    const free = texts.filter((t) => t.part === 'sqlite.free-space');
    expect(holding(free, HIDDEN_TEXT.deletedRowUtf8).length).toBeGreaterThan(0);
    const gbk = holding(free, HIDDEN_TEXT.deletedRowGbk);
    expect(gbk.length).toBeGreaterThan(0);
    expect(gbk[0]?.name).toMatch(/^page \d+ GBK$/);
    // A rebalanced page keeps stale copies of live rows too: residue, if harmless (ADR 0162).
  });

  it('finds nothing the KML reader drops in GDAL’s KML and KMZ (attributes only), through the module', async () => {
    for (const name of ['广西地质.kml', '广西地质.kmz', 'geology_libkml.kmz'])
      expect(await openHidden(fixture('kml', name)), name).toEqual([]);
  });

  it('finds nothing hidden in the same GeoPackage with nothing deleted', async () => {
    expect(await hidden('holes_clean.gpkg')).toEqual([]);
  });
});
