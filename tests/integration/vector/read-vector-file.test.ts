import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StrataError } from '../../../src-main/api/errors.js';
import { isMultiple } from '../../../src-main/core/crs/quantum.js';
import { writeGeoJson } from '../../../src-main/core/formats/geojson/index.js';
import { forEachPosition } from '../../../src-main/core/formats/vector-summary.js';
import { degradeCoordinates } from '../../../src-main/core/release/vector-degrade.js';
import { positionPrecisionRule } from '../../../src-main/core/review/rules/position-precision.js';
import { readVectorFile } from '../../support/open-vector.js';
import { tempDir } from '../../support/samples.js';
import { ogrGeometryExtent, ogrSummary } from '../../support/ogr-summary.js';
import { fixture } from '../../fixtures/index.js';

/** The value, or a test failure when it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

/** GDAL's layer geometry names → ours ("3D Measured Line String" → LineString, "Unknown (any)" → Mixed). */
const ogrType = (name: string): string =>
  name === 'Unknown (any)'
    ? 'Mixed'
    : name
        .replace(/^3D /, '')
        .replace(/^Measured /, '')
        .replace(/ /g, '');

const SETS: [string, string[]][] = [
  ['shapefile/mbostock_points/points.shp', []],
  ['shapefile/mbostock_polylines/polylines.shp', []],
  ['shapefile/mbostock_polygons/polygons.shp', []],
  ['shapefile/mbostock_multipoints/multipoints.shp', []],
  ['shapefile/mbostock_null/null.shp', []],
  ['shapefile/mbostock_empty/empty.shp', []],
  ['shapefile/mbostock_utf8/utf8-property.shp', []],
  ['shapefile/naturalearth_lowres/naturalearth_lowres.shp', []],
  ['shapefile/box_utm18n/box.shp', []],
  ['shapefile/senate_stateplane/senate.shp', []],
  ['shapefile/holeTouchEdge_noprj/holeTouchEdge.shp', []],
  ['shapefile/export_polylinez/export_polylinez.shp', []],
  ['shapefile/codepage_cp1250/codepage.shp', []],
  ['shapefile/chinese_poly_gbk_nocpg/chinese_poly.shp', []],
  ['shapefile/hexi_bus_lines_gbk/河西线路.shp', []],
  ['shapefile/china_country_utf8_nocpg/simplied_china_country.shp', []],
  ['shapefile_bad/corrupt_too_long/corrupt_too_long.shp', []],
  ['shapefile_bad/max_callstack_error/max_callstack_error.shp', []],
  ['chinese/shapefile/kuangdian_gbk_cpg/矿点.shp', []],
  ['chinese/shapefile/dizhi_gbk_nocpg/dizhi.shp', []],
  ['geojson/UN.json', []],
  ['geojson/ne_50m_populated_places.json', []],
  ['geojson/ne_10m_admin_0_label_points.json', []],
  ['geojson/ne_110m_admin_0_countries.json', []],
  ['geojson/world.zh.json', []],
  ['geojson/issue1446.geojson', []],
  ['geojson/grenada.geojson', []],
];

/** Where we knowingly differ from GDAL 3.6: it does not identify this ESRI WKT with AXIS nodes. */
const EPSG_BETTER_THAN_GDAL: Readonly<Record<string, string>> = {
  'shapefile/chinese_poly_gbk_nocpg/chinese_poly.shp': 'EPSG:4326',
};

describe('readVectorFile agrees with ogrinfo on every sample', () => {
  for (const [rel] of SETS) {
    it(rel, async () => {
      const file = fixture(...rel.split('/'));
      const [ours, gdal] = await Promise.all([readVectorFile(file), ogrSummary(file)]);
      expect(ours.info.featureCount).toBe(gdal.featureCount);
      expect(ours.features).toHaveLength(gdal.featureCount);
      expect(ours.info.geometryType).toBe(ogrType(gdal.geometry));
      expect(ours.info.crs?.code ?? null).toBe(EPSG_BETTER_THAN_GDAL[rel] ?? gdal.epsg);
      const extent = rel.endsWith('.shp')
        ? await ogrGeometryExtent(file, path.basename(file, '.shp'))
        : gdal.extent;
      if (extent === null || gdal.featureCount === 0) expect(ours.info.extent).toBeNull();
      else {
        const span = Math.max(extent[2] - extent[0], extent[3] - extent[1]);
        // ogrinfo prints the layer extent with 6 decimals.
        ours.info.extent?.forEach((v, i) => {
          expect(Math.abs(v - must(extent[i]))).toBeLessThan(1e-6 * span + 1e-6);
        });
      }
    });
  }
});

describe('readVectorFile: sets and errors', () => {
  let scratch: { dir: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    scratch = await tempDir('strata-vector-');
  });
  afterAll(async () => scratch.cleanup());

  it('lists the set files and finds sidecars whatever their case', async () => {
    const dir = path.join(scratch.dir, 'case');
    await mkdir(dir);
    const src = fixture('chinese', 'shapefile', 'kuangdian_gbk_cpg');
    for (const name of await readdir(src)) {
      const ext = path.extname(name);
      await copyFile(
        path.join(src, name),
        path.join(dir, ext === '.dbf' || ext === '.prj' ? `矿点${ext.toUpperCase()}` : name),
      );
    }
    const read = await readVectorFile(path.join(dir, '矿点.shp'));
    expect(read.files.map((f) => path.basename(f))).toEqual([
      '矿点.shp',
      '矿点.shx',
      '矿点.DBF',
      '矿点.PRJ',
      '矿点.cpg',
    ]);
    expect(read.features[0]?.properties['名称']).toBe('大宝山1号矿点');
    expect(read.info.crs?.code).toBe('EPSG:4545');
    const hexi = await readVectorFile(fixture('shapefile', 'hexi_bus_lines_gbk', '河西线路.shp'));
    expect(hexi.files.map((f) => path.basename(f))).toEqual([
      '河西线路.shp',
      '河西线路.shx',
      '河西线路.dbf',
      '河西线路.prj',
    ]);
  });

  it('fails cleanly, naming only the file and the problem', async () => {
    const broken = path.join(scratch.dir, '绝密坐标.geojson');
    await writeFile(
      broken,
      '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[116.123456,',
    );
    const err = await readVectorFile(broken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StrataError);
    expect((err as StrataError).code).toBe('CORRUPT_FILE');
    expect((err as StrataError).params).toEqual({
      file: '绝密坐标.geojson',
      problem: 'problem.geojsonNotJson',
    });
    expect((err as StrataError).message).not.toContain('116.12');
    const missing = await readVectorFile(path.join(scratch.dir, 'nope.shp')).catch((e: unknown) => e);
    expect((missing as StrataError).code).toBe('FILE_NOT_FOUND');
    const dbfOnly = await readVectorFile(fixture('shapefile', 'box_utm18n', 'box.dbf')).catch(
      (e: unknown) => e,
    );
    expect((dbfOnly as StrataError).code).toBe('UNSUPPORTED_FORMAT');
  });
});

describe('degraded public GeoJSON as GDAL reads it', () => {
  let scratch: { dir: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    scratch = await tempDir('strata-degrade-');
  });
  afterAll(async () => scratch.cleanup());

  const cases: [string, number, string][] = [
    ['chinese/shapefile/kuangdian_gbk_cpg/矿点.shp', 50, 'EPSG:4545'],
    ['chinese/shapefile/dizhi_gbk_nocpg/dizhi.shp', 0.001, 'EPSG:4490'],
    ['shapefile/hexi_bus_lines_gbk/河西线路.shp', 0.001, 'EPSG:4326'],
    ['shapefile/senate_stateplane/senate.shp', 50, 'EPSG:26986'],
  ];
  for (const [rel, grid, epsg] of cases) {
    it(rel, async () => {
      const src = await readVectorFile(fixture(...rel.split('/')));
      const crs = must(src.info.crs);
      const degraded = degradeCoordinates(src.features, crs, 50);
      expect(degraded.grid).toBe(grid);
      const out = path.join(scratch.dir, `${path.basename(rel, '.shp')}.public.geojson`);
      await writeFile(out, writeGeoJson({ crs, features: degraded.features }));
      const gdal = await ogrSummary(out);
      expect(gdal.epsg).toBe(epsg);
      expect(gdal.featureCount).toBe(src.info.featureCount);
      const back = await readVectorFile(out);
      expect(back.info.crs?.code).toBe(epsg);
      expect(back.features.map((f) => f.properties)).toEqual(src.features.map((f) => f.properties));
      let checked = 0;
      for (const f of back.features) {
        if (f.geometry === null) continue;
        forEachPosition(f.geometry, (p) => {
          checked += 1;
          expect(isMultiple(p[0] ?? NaN, grid) && isMultiple(p[1] ?? NaN, grid)).toBe(true);
        });
      }
      expect(checked).toBeGreaterThan(0);
      const settings = { metres: 50 };
      expect(
        positionPrecisionRule.check(
          {
            kind: 'vector',
            name: 'out',
            layer: null,
            texts: [],
            hidden: [],
            info: back.info,
            features: back.features,
          },
          settings,
        ),
      ).toEqual([]);
    });
  }
});
