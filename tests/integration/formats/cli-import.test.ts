import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gdalinfo, runCommand } from '../../support/gdal.js';
import { ogrLayers } from '../../support/ogr-layers.js';
import { copyFixture, tempDir } from '../../support/samples.js';
import { CLI } from '../../support/cli.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let home: string;

const strata = (...args: string[]) =>
  runCommand(process.execPath, [CLI, '--home', home, '--lang', 'en', ...args]);

interface Dataset {
  readonly id: string;
  readonly format: string;
  readonly layer: string | null;
  readonly crs: string | null;
  readonly extent: readonly number[] | null;
  readonly featureCount?: number;
}

beforeAll(async () => {
  scratch = await tempDir('strata-cli-formats-');
  home = path.join(scratch.dir, 'home');
});
afterAll(async () => {
  await scratch.cleanup();
});

describe('strata import of the document formats', () => {
  it('a CSV with --x 东坐标 --y 北坐标 --crs EPSG:4547 is a dataset in that CRS, with GDAL’s extent', async () => {
    const csv = await copyFixture(scratch.dir, 'csv', '钻孔_gk.csv');
    const run = await strata('import', csv, '--x', '东坐标', '--y', '北坐标', '--crs', 'EPSG:4547', '--json');
    expect(run.code, run.stderr).toBe(0);
    const [dataset, ...rest] = JSON.parse(run.stdout) as Dataset[];
    expect(rest).toEqual([]);
    const [reference] = await ogrLayers(csv, ['X_POSSIBLE_NAMES=东坐标', 'Y_POSSIBLE_NAMES=北坐标']);
    expect(dataset).toMatchObject({ format: 'CSV', layer: null, crs: 'EPSG:4547', featureCount: 40 });
    reference?.extent?.forEach((v, i) => {
      expect(dataset?.extent?.[i]).toBeCloseTo(v, 6);
    });
  });

  it('a KML gives one dataset per folder, each with its layer name', async () => {
    const kml = await copyFixture(scratch.dir, 'kml', '广西地质.kml');
    const run = await strata('import', kml, '--json');
    expect(run.code, run.stderr).toBe(0);
    const datasets = JSON.parse(run.stdout) as Dataset[];
    expect(datasets.map((d) => [d.layer, d.crs])).toEqual([
      ['钻孔', 'EPSG:4326'],
      ['断层', 'EPSG:4326'],
      ['地层', 'EPSG:4326'],
    ]);
  });

  it('a zip slip archive and a billion-laughs KML fail with a one-line reason', async () => {
    for (const [dir, name, reason] of [
      ['zip_bad', 'slip.zip', /slip\.zip.*zip slip/],
      ['kml_bad', 'billion_laughs.kml', /billion_laughs\.kml.*DOCTYPE/],
    ] as const) {
      const file = await copyFixture(scratch.dir, dir, name);
      const run = await strata('import', file, '--json');
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(reason);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('a GeoPackage gives one object per layer, its tile table a raster with GDAL’s size and bands', async () => {
    const gpkg = await copyFixture(scratch.dir, 'containers', 'vectors-and-tiles.gpkg');
    const run = await strata('import', gpkg, '--json');
    expect(run.code, run.stderr).toBe(0);
    const datasets = JSON.parse(run.stdout) as (Dataset & {
      kind: string;
      width?: number;
      height?: number;
      bandCount?: number;
    })[];
    expect(datasets.map((d) => [d.kind, d.format, d.layer])).toEqual([
      ['vector', 'GeoPackage', '钻孔'],
      ['vector', 'GeoPackage', '断层'],
      ['vector', 'GeoPackage', '采矿权'],
      ['raster', 'GeoPackage', '影像'],
    ]);
    const raster = datasets[3];
    const g = await gdalinfo(`GPKG:${gpkg}:影像`);
    expect([raster?.width, raster?.height, raster?.bandCount]).toEqual([...g.size, g.bands.length]);
    expect(raster?.crs).toBe('EPSG:4490');
  });

  it('a GeoPackage whose tile is no image fails with a one-line reason naming the tile', async () => {
    const file = await copyFixture(scratch.dir, 'gpkg_tiles_bad', 'not-image.gpkg');
    const run = await strata('import', file, '--json');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/not-image\.gpkg.*tile 2\/1\/0/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
