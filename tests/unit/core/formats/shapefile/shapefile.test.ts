import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readShapefile, type ShapefileParts } from '../../../../../src-main/core/formats/shapefile/index.js';
import type { Geometry } from '../../../../../src-main/core/model/index.js';

import { formatErrorOf } from '../../../../support/format-error.js';
import { problemText } from '../../../../support/messages.js';
import { fixture } from '../../../../fixtures/index.js';

/** The set's files as bytes, the way the node adapter hands them over. */
function parts(folder: string, stem: string): { -readonly [K in keyof ShapefileParts]: ShapefileParts[K] } {
  const file = (ext: string): Uint8Array | null => {
    const p = path.join(fixture(folder), `${stem}.${ext}`);
    return existsSync(p) ? new Uint8Array(readFileSync(p)) : null;
  };
  const shp = file('shp');
  const dbf = file('dbf');
  if (shp === null || dbf === null) throw new Error(`missing ${stem}.shp or .dbf`);
  return { shp, shx: file('shx'), dbf, prj: file('prj'), cpg: file('cpg') };
}

const types = (geoms: (Geometry | null)[]): string[] => geoms.map((g) => g?.type ?? 'null');

describe('readShapefile: Chinese text encodings', () => {
  it('decodes GBK by the LDID byte (0x4D) with a Chinese file name', () => {
    const { info, features } = readShapefile(parts('shapefile/hexi_bus_lines_gbk', '河西线路'));
    expect(info.encoding).toBe('GBK');
    expect(features[0]?.properties['name']).toBe('826路(合肥道--大寺新家园公交站)');
    // ogrinfo lists every feature with its geometry: the count and the multipart ones come from GDAL.
    const listing = execFileSync(
      'ogrinfo',
      ['-al', '-q', '-geom=SUMMARY', fixture('shapefile/hexi_bus_lines_gbk/河西线路.shp')],
      {
        encoding: 'utf8',
      },
    );
    expect(info.featureCount).toBe((listing.match(/^OGRFeature/gm) ?? []).length);
    expect(features.filter((f) => f.geometry?.type === 'MultiLineString')).toHaveLength(
      (listing.match(/^\s+MULTILINESTRING/gm) ?? []).length,
    );
    expect(features[0]?.geometry?.type === 'LineString' && features[0].geometry.coordinates[0]).toHaveLength(
      3,
    );
  });

  it('decodes GBK declared by .cpg, including GBK field names', () => {
    const { info, features } = readShapefile(parts('chinese/shapefile/kuangdian_gbk_cpg', '矿点'));
    expect(info.encoding).toBe('GBK');
    expect(info.fields.map((f) => f.name)).toEqual(['名称', '矿种', '储量', '品位']);
    expect(info.fields.map((f) => f.type)).toEqual(['string', 'string', 'number', 'number']);
    expect(features[0]?.properties).toEqual({
      名称: '大宝山1号矿点',
      矿种: '钨矿',
      储量: 3254.67,
      品位: 0.217,
    });
    expect(info.crs?.code).toBe('EPSG:4545');
  });

  it('detects GBK without .cpg or LDID, and UTF-8 without .cpg', () => {
    const dizhi = readShapefile(parts('chinese/shapefile/dizhi_gbk_nocpg', 'dizhi'));
    expect(dizhi.info.encoding).toBe('GBK');
    expect(dizhi.features[0]?.properties['地层名称']).toBe('第四系');
    const poly = readShapefile(parts('shapefile/chinese_poly_gbk_nocpg', 'chinese_poly'));
    expect(poly.features[0]?.properties['NAME']).toBe('黑龙江省');
    const china = readShapefile(parts('shapefile/china_country_utf8_nocpg', 'simplied_china_country'));
    expect(china.info.encoding).toBe('UTF-8');
    expect(china.features[0]?.properties['FCNAME']).toBe('中国');
  });

  it('honours .cpg code pages and ignores an HTML page posing as .cpg', () => {
    const cz = readShapefile(parts('shapefile/codepage_cp1250', 'codepage'));
    expect(cz.info.encoding).toBe('windows-1250');
    expect(cz.features[1]?.properties['field']).toBe('Hněvošický háj');
    const html = readShapefile(parts('shapefile_bad/htmlcpg', 'htmlcpg'));
    expect(html.info.featureCount).toBe(2);
    expect(html.info.encoding).toBe('UTF-8');
    const ne = readShapefile(parts('shapefile/naturalearth_lowres', 'naturalearth_lowres'));
    expect(ne.info.encoding).toBe('ISO-8859-1');
    expect(ne.features.some((f) => f.properties['name'] === "Côte d'Ivoire")).toBe(true);
  });
});

describe('readShapefile: geometry', () => {
  it('reads points, null shapes, multipoints and empty files', () => {
    expect(
      types(readShapefile(parts('shapefile/mbostock_null', 'null')).features.map((f) => f.geometry)),
    ).toEqual(['Point', 'null', 'Point', 'null', 'null', 'Point', 'Point', 'null', 'Point']);
    expect(readShapefile(parts('shapefile/mbostock_multipoints', 'multipoints')).info.geometryType).toBe(
      'MultiPoint',
    );
    const empty = readShapefile(parts('shapefile/mbostock_empty', 'empty'));
    expect(empty.info).toMatchObject({ featureCount: 0, extent: null, geometryType: 'LineString' });
  });

  it('assembles multipart polygons and holes by ring orientation', () => {
    const { features } = readShapefile(parts('shapefile/mbostock_polygons', 'polygons'));
    expect(types(features.map((f) => f.geometry))).toEqual(['Polygon', 'Polygon', 'MultiPolygon']);
    const withHole = features[1]?.geometry;
    expect(withHole?.type === 'Polygon' && withHole.coordinates.length).toBe(2);
    const touching = readShapefile(parts('shapefile/holeTouchEdge_noprj', 'holeTouchEdge'));
    const g = touching.features[0]?.geometry;
    expect(g?.type === 'Polygon' && g.coordinates.length).toBe(2);
    expect(touching.info.crs).toBeNull();
  });

  it('keeps Z and drops M', () => {
    const { features } = readShapefile(parts('shapefile/export_polylinez', 'export_polylinez'));
    expect(features[0]?.geometry).toEqual({
      type: 'MultiLineString',
      coordinates: [
        [
          [-120, 45, 800],
          [-119, 44, 1100],
          [-118, 43, 2300],
        ],
        [
          [-115, 40, 0],
          [-114, 39, 0],
          [-113, 38, 0],
        ],
      ],
    });
  });
});

describe('readShapefile: broken sets', () => {
  it('trusts header lengths when junk follows the last record', () => {
    const { info, features } = readShapefile(parts('shapefile_bad/corrupt_too_long', 'corrupt_too_long'));
    expect(info.featureCount).toBe(10);
    expect(features.every((f) => f.properties['test'] === 'value' && f.geometry?.type === 'LineString')).toBe(
      true,
    );
  });

  it('reads the file with invalid record numbers that overflowed other readers', () => {
    const { info, features } = readShapefile(
      parts('shapefile_bad/max_callstack_error', 'max_callstack_error'),
    );
    expect(info.featureCount).toBe(138);
    expect(features[0]?.properties['Length']).toBe(8057.3);
    expect(info.crs?.code).toBe('EPSG:3021');
  });

  it('drops records flagged deleted together with their shapes', () => {
    const set = parts('chinese/shapefile/kuangdian_gbk_cpg', '矿点');
    const dbf = new Uint8Array(set.dbf);
    const view = new DataView(dbf.buffer);
    const header = view.getUint16(8, true);
    dbf[header] = 0x2a;
    const { info, features } = readShapefile({ ...set, dbf });
    expect(info.featureCount).toBe(56);
    expect(features.some((f) => f.properties['名称'] === '大宝山1号矿点')).toBe(false);
  });

  it('refuses truncated and inflated files with a structural problem', () => {
    const set = parts('shapefile/senate_stateplane', 'senate');
    const shortShp = set.shp.subarray(0, set.shp.length - 1000);
    expect(problemText(formatErrorOf(() => readShapefile({ ...set, shp: shortShp })))).toBe(
      '.shp is shorter than its header says',
    );
    const dbf = new Uint8Array(set.dbf);
    new DataView(dbf.buffer).setUint32(4, 5_000_000, true);
    expect(problemText(formatErrorOf(() => readShapefile({ ...set, dbf })))).toBe(
      '.dbf is shorter than its record count × record length',
    );
    new DataView(dbf.buffer).setUint32(4, 4_000_000_000, true);
    expect(formatErrorOf(() => readShapefile({ ...set, dbf })).kind).toBe('too-large');
    const shp = new Uint8Array(set.shp);
    new DataView(shp.buffer).setInt32(100 + 8 + 40, 0x7fffffff, true);
    expect(formatErrorOf(() => readShapefile({ ...set, shp, shx: null })).kind).toMatch(/corrupt|too-large/);
    expect(problemText(formatErrorOf(() => readShapefile({ ...set, shp: set.dbf })))).toBe(
      'not a shapefile (.shp header)',
    );
  });
});
