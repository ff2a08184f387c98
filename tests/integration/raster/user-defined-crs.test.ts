import { execFile } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransform, projParams } from '../../../src-main/core/crs/index.js';
import { GeoTiffTileWriter, allocSamples } from '../../../src-main/core/formats/geotiff/index.js';
import type { CrsInfo, RasterInfo } from '../../../src-main/core/model/index.js';
import { fileSink } from '../../../src-main/node/raster/file-sink.js';
import { readRasterInfo } from '../../../src-main/node/raster/index.js';
import { nativeDeflate } from '../../../src-main/node/raster/native-codecs.js';
import { gdalinfo } from '../../support/gdal.js';

const run = promisify(execFile);

interface Case {
  readonly file: string;
  /** SRS given to gdal_create (GDAL writes it as user-defined GeoKeys; real files are in tests/corpus). */
  readonly srs: string;
  readonly ullr: readonly [number, number, number, number];
  /** Expected `crs.code` (EPSG only when file datum and registry row agree). */
  readonly code: string | null;
}

const XIAN80 = '+a=6378140 +rf=298.257';
const KRASS = '+ellps=krass';
const CGCS2000 = '+a=6378137 +rf=298.257222101';

const CASES: readonly Case[] = [
  {
    file: 'xian80-gk-cm111.tif',
    srs: `+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=500000 +y_0=0 ${XIAN80} +units=m +no_defs`,
    ullr: [480000, 3400000, 520000, 3380000],
    code: null,
  },
  {
    file: 'beijing54-gk-zone39.tif',
    srs: `+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 ${KRASS} +units=m +no_defs`,
    ullr: [39480000, 4400000, 39520000, 4380000],
    code: null,
  },
  {
    file: 'cgcs2000-ellipsoid-gk-zone38.tif',
    srs: `+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 ${CGCS2000} +units=m +no_defs`,
    ullr: [38480000, 3400000, 38520000, 3380000],
    code: null,
  },
  {
    file: 'xian80-geographic.tif',
    srs: `+proj=longlat ${XIAN80} +no_defs`,
    ullr: [110, 30, 112, 29],
    code: null,
  },
  {
    file: 'beijing54-datum-gk-cm117.tif',
    srs: gkOnGeogcs('Beijing 1954', 'Krassowsky 1940', 6378245, 298.3, 7024, 6214, 4214, 117, 500000),
    ullr: [480000, 4400000, 520000, 4380000],
    code: 'EPSG:2436',
  },
  {
    file: 'cgcs2000-datum-gk-zone38.tif',
    srs: gkOnGeogcs(
      'China Geodetic Coordinate System 2000',
      'CGCS2000',
      6378137,
      298.257222101,
      1024,
      1043,
      4490,
      114,
      38500000,
    ),
    ullr: [38480000, 3400000, 38520000, 3380000],
    code: 'EPSG:4526',
  },
  {
    file: 'albers-china.tif',
    srs: `+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 ${KRASS} +units=m +no_defs`,
    ullr: [-100000, 3500000, 100000, 3400000],
    code: null,
  },
  {
    file: 'lcc2sp-us-feet.tif',
    srs: '+proj=lcc +lat_0=33.75 +lon_0=-79 +lat_1=36.1666666666667 +lat_2=34.3333333333333 +x_0=609601.22 +y_0=0 +ellps=clrk66 +units=us-ft +no_defs',
    ullr: [2000000, 600000, 2100000, 550000],
    code: null,
  },
  {
    file: 'tm-intl-feet.tif',
    srs: '+proj=tmerc +lat_0=0 +lon_0=-3 +k=0.9996 +x_0=152400 +y_0=0 +ellps=intl +units=ft +no_defs',
    ullr: [400000, 16000000, 600000, 15900000],
    code: null,
  },
  {
    file: 'lcc1sp.tif',
    srs: '+proj=lcc +lat_1=18 +lat_0=18 +lon_0=-77 +k_0=0.9995 +x_0=250000 +y_0=150000 +ellps=clrk66 +units=m +no_defs',
    ullr: [200000, 200000, 300000, 100000],
    code: null,
  },
  {
    file: 'laea-china.tif',
    srs: `+proj=laea +lat_0=35 +lon_0=105 +x_0=0 +y_0=0 ${CGCS2000} +units=m +no_defs`,
    ullr: [-100000, 100000, 100000, -100000],
    code: null,
  },
  {
    file: 'mercator-2sp.tif',
    srs: `+proj=merc +lon_0=110 +lat_ts=30 +x_0=0 +y_0=0 ${XIAN80} +units=m +no_defs`,
    ullr: [0, 3500000, 100000, 3400000],
    code: null,
  },
  {
    file: 'mercator-1sp.tif',
    srs: `+proj=merc +lon_0=110 +k=0.997 +x_0=0 +y_0=0 ${KRASS} +units=m +no_defs`,
    ullr: [0, 3500000, 100000, 3400000],
    code: null,
  },
  {
    file: 'polar-stereo-b.tif',
    srs: `+proj=stere +lat_0=90 +lat_ts=70 +lon_0=-45 +k=1 +x_0=0 +y_0=0 ${KRASS} +units=m +no_defs`,
    ullr: [-100000, 100000, 100000, -100000],
    code: null,
  },
  {
    file: 'polar-stereo-a.tif',
    srs: `+proj=stere +lat_0=-90 +lon_0=0 +k=0.994 +x_0=2000000 +y_0=2000000 ${KRASS} +units=m +no_defs`,
    ullr: [1900000, 2100000, 2100000, 1900000],
    code: null,
  },
  {
    file: 'oblique-stereo.tif',
    srs: `+proj=sterea +lat_0=46 +lon_0=25 +k=0.99975 +x_0=500000 +y_0=500000 ${KRASS} +units=m +no_defs`,
    ullr: [400000, 600000, 600000, 400000],
    code: null,
  },
  {
    file: 'equirectangular.tif',
    srs: `+proj=eqc +lat_ts=30 +lat_0=0 +lon_0=100 +x_0=0 +y_0=0 ${KRASS} +units=m +no_defs`,
    ullr: [0, 3500000, 100000, 3400000],
    code: null,
  },
  {
    file: 'utm-zone-code-xian80.tif',
    srs: `+proj=utm +zone=49 ${XIAN80} +units=m +no_defs`,
    ullr: [400000, 3500000, 500000, 3400000],
    code: null,
  },
  {
    file: 'utm-paris-meridian.tif',
    srs: '+proj=tmerc +lat_0=0 +lon_0=3 +k=0.9996 +x_0=500000 +y_0=0 +ellps=clrk80ign +pm=paris +units=m +no_defs',
    ullr: [400000, 5000000, 500000, 4900000],
    code: null,
  },
];

/** OGC WKT of a Gauss-Kruger CRS on an EPSG geographic CRS (GDAL keeps GeographicType as a code). */
function gkOnGeogcs(
  datum: string,
  ellipsoid: string,
  a: number,
  rf: number,
  ellipsoidCode: number,
  datumCode: number,
  gcsCode: number,
  lon0: number,
  x0: number,
): string {
  return (
    `PROJCS["user GK",GEOGCS["${datum}",DATUM["${datum.replace(/ /g, '_')}",` +
    `SPHEROID["${ellipsoid}",${String(a)},${String(rf)},AUTHORITY["EPSG","${String(ellipsoidCode)}"]],` +
    `AUTHORITY["EPSG","${String(datumCode)}"]],PRIMEM["Greenwich",0],` +
    `UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","${String(gcsCode)}"]],` +
    `PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],` +
    `PARAMETER["central_meridian",${String(lon0)}],PARAMETER["scale_factor",1],` +
    `PARAMETER["false_easting",${String(x0)}],PARAMETER["false_northing",0],UNIT["metre",1]]`
  );
}

let dir = '';
const pathOf = (c: Case): string => join(dir, c.file);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strata-udcrs-'));
  await Promise.all(
    CASES.map((c) =>
      run('gdal_create', [
        '-q',
        '-of',
        'GTiff',
        '-outsize',
        '20',
        '10',
        '-ot',
        'Byte',
        '-burn',
        '7',
        '-a_srs',
        c.srs,
        '-a_ullr',
        ...c.ullr.map(String),
        join(dir, c.file),
      ]),
    ),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * Lon/lat on the CRS's own ellipsoid, for GDAL with no datum (PROJ then only un-projects) and for
 * proj4js with the CRS's own +towgs84 (proj4js then applies no shift either).
 */
function lonLatOf(crs: CrsInfo): { ours: CrsInfo; gdal: string } {
  const p = projParams(crs.proj4);
  if (p === null) throw new Error('unreadable proj4');
  const gdal = `+proj=longlat +a=${String(p.a)} +b=${String(p.b)} +no_defs`;
  const shift = p.towgs84 === null ? '' : ` +towgs84=${p.towgs84.join(',')}`;
  return {
    gdal,
    ours: { code: null, name: 'lon/lat', proj4: `${gdal}${shift}`, geographic: true, metresPerUnit: null },
  };
}

/** Pixel corners and the centre, as [column, row]. */
const probes = (info: RasterInfo): [number, number][] => [
  [0, 0],
  [info.width, 0],
  [0, info.height],
  [info.width, info.height],
  [info.width / 2, info.height / 2],
];

async function gdalLonLat(path: string, target: string, pixels: [number, number][]): Promise<number[][]> {
  const child = run('gdaltransform', ['-output_xy', '-t_srs', target, path]);
  child.child.stdin?.end(pixels.map(([i, j]) => `${String(i)} ${String(j)}`).join('\n') + '\n');
  const { stdout } = await child;
  return stdout
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
}

async function ourLonLat(info: RasterInfo, target: CrsInfo, pixels: [number, number][]): Promise<number[][]> {
  const crs = info.crs;
  if (crs === null) throw new Error('no CRS');
  const forward = createTransform(crs, target);
  return Promise.resolve(
    pixels.map(([i, j]) =>
      forward([info.origin[0] + i * info.pixelSize[0], info.origin[1] - j * info.pixelSize[1]]),
    ),
  );
}

function expectSamePlaces(ours: number[][], gdal: number[][]): void {
  expect(gdal).toHaveLength(ours.length);
  ours.forEach((p, i) => {
    const g = gdal[i] ?? [];
    expect(Math.abs((p[0] ?? NaN) - (g[0] ?? NaN))).toBeLessThan(1e-6);
    expect(Math.abs((p[1] ?? NaN) - (g[1] ?? NaN))).toBeLessThan(1e-6);
  });
}

describe('user-defined GeoKeys give the CRS GDAL sees', () => {
  it.each(CASES.map((c) => [c.file.split('/').pop() ?? '', c] as const))('%s', async (_name, c) => {
    const path = pathOf(c);
    const info = await readRasterInfo(path);
    expect(info.crs).not.toBeNull();
    expect(info.crs?.code ?? null).toBe(c.code);
    const crs = info.crs as CrsInfo;
    const target = lonLatOf(crs);
    const pixels = probes(info);
    expectSamePlaces(await ourLonLat(info, target.ours, pixels), await gdalLonLat(path, target.gdal, pixels));
  });

  it('keeps units, names and the geographic flag', async () => {
    const byName = (file: string): Case => CASES.find((c) => c.file === file) as Case;
    const feet = await readRasterInfo(pathOf(byName('lcc2sp-us-feet.tif')));
    expect(feet.crs?.metresPerUnit).toBeCloseTo(1200 / 3937, 15);
    const intlFeet = await readRasterInfo(pathOf(byName('tm-intl-feet.tif')));
    expect(intlFeet.crs?.metresPerUnit).toBe(0.3048);
    const geo = await readRasterInfo(pathOf(byName('xian80-geographic.tif')));
    expect(geo.crs).toMatchObject({
      geographic: true,
      metresPerUnit: null,
      name: 'Geographic (IAG 1975 ellipsoid)',
    });
    const xian = await readRasterInfo(pathOf(byName('xian80-gk-cm111.tif')));
    expect(xian.crs).toMatchObject({ geographic: false, metresPerUnit: 1 });
    expect(xian.crs?.name).toBe('Transverse Mercator, CM 111 (IAG 1975 ellipsoid)');
  });
});

async function writeWithCrs(info: RasterInfo, out: string): Promise<void> {
  const crs = info.crs;
  if (crs === null) throw new Error('no CRS');
  const handle = await open(out, 'w');
  try {
    const writer = new GeoTiffTileWriter(
      {
        width: info.width,
        height: info.height,
        bandCount: 1,
        dataType: 'Byte',
        pixelSize: info.pixelSize,
        origin: info.origin,
        crs,
        nodata: null,
        predictor: 1,
        photometric: 1,
      },
      fileSink(handle),
      nativeDeflate,
    );
    await writer.begin();
    for (let t = 0; t < writer.tileCount; t += 1)
      await writer.addTile(allocSamples('Byte', writer.tileSampleCount));
    await writer.finish();
  } finally {
    await handle.close();
  }
}

const gdalProj4 = async (path: string): Promise<string> =>
  (await run('gdalsrsinfo', ['-o', 'proj4', path])).stdout.replace(/'/g, '').trim();

describe('the writer keeps a user-defined CRS', () => {
  it.each(CASES.map((c) => [c.file.split('/').pop() ?? '', c] as const))('%s', async (name, c) => {
    const source = pathOf(c);
    const info = await readRasterInfo(source);
    const out = join(dir, `written-${name}`);
    await writeWithCrs(info, out);
    const back = await readRasterInfo(out);
    expect(back.crs).toEqual(info.crs);
    const target = lonLatOf(info.crs as CrsInfo);
    const pixels = probes(info);
    expectSamePlaces(
      await gdalLonLat(out, target.gdal, pixels),
      await gdalLonLat(source, target.gdal, pixels),
    );
    if (c.code !== null) {
      expect((await gdalinfo(out)).stac?.['proj:epsg']).toBe(Number(c.code.slice(5)));
    }
  });

  it.each([
    'xian80-gk-cm111.tif',
    'beijing54-gk-zone39.tif',
    'cgcs2000-ellipsoid-gk-zone38.tif',
    'albers-china.tif',
  ])('%s reads back in GDAL with the same proj4 definition', async (file) => {
    const source = join(dir, file);
    const out = join(dir, `again-${file}`);
    await writeWithCrs(await readRasterInfo(source), out);
    expect(await gdalProj4(out)).toBe(await gdalProj4(source));
  });
});
