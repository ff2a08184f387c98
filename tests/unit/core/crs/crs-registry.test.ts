import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createTransform,
  crsFromCode,
  crsFromEpsg,
  crsFromWkt,
} from '../../../../src-main/core/crs/index.js';
import { fixture } from '../../../fixtures/index.js';

/** The value, or a test failure when it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

/** GDAL's own rendering of an EPSG code in a WKT dialect (the reference for what files carry). */
const gdalWkt = (code: number, dialect: 'wkt_esri' | 'wkt1'): string =>
  execFileSync('gdalsrsinfo', ['--single-line', '-o', dialect, `EPSG:${String(code)}`], {
    encoding: 'utf8',
  }).trim();

/** Removes every AUTHORITY node so only names and parameters are left to match on. */
const stripAuthorities = (wkt: string): string => wkt.replace(/,AUTHORITY\["EPSG","\d+"\]/g, '');

describe('crsFromEpsg', () => {
  it('covers the Chinese national CRS families with their units', () => {
    const cases: [number, boolean, number | null][] = [
      [4490, true, null],
      [4491, false, 1],
      [4513, false, 1],
      [4534, false, 1],
      [4554, false, 1],
      [4610, true, null],
      [2327, false, 1],
      [2364, false, 1],
      [2390, false, 1],
      [4214, true, null],
      [2401, false, 1],
      [2442, false, 1],
      [21413, false, 1],
      [21463, false, 1],
      [4326, true, null],
      [3857, false, 1],
      [32618, false, 1],
      [32750, false, 1],
      [2269, false, 0.3048],
      [26771, false, 1200 / 3937],
    ];
    for (const [code, geographic, mpu] of cases) {
      const crs = crsFromEpsg(code);
      expect(crs, `EPSG:${String(code)}`).not.toBeNull();
      expect(crs?.code).toBe(`EPSG:${String(code)}`);
      expect(crs?.geographic).toBe(geographic);
      if (mpu === null) expect(crs?.metresPerUnit).toBeNull();
      else expect(crs?.metresPerUnit).toBeCloseTo(mpu, 12);
    }
    expect(crsFromEpsg(4545)?.name).toBe('CGCS2000 / 3-degree Gauss-Kruger CM 108E');
  });

  it('returns null for codes it does not know', () => {
    expect(crsFromEpsg(999999)).toBeNull();
    expect(crsFromEpsg(4326.5)).toBeNull();
  });
});

describe('crsFromCode', () => {
  it('reads EPSG codes in the spellings files use', () => {
    expect(crsFromCode('EPSG:4490')?.code).toBe('EPSG:4490');
    expect(crsFromCode('urn:ogc:def:crs:EPSG::4545')?.code).toBe('EPSG:4545');
    expect(crsFromCode('urn:ogc:def:crs:OGC:1.3:CRS84')?.code).toBe('EPSG:4326');
    expect(crsFromCode('http://www.opengis.net/def/crs/EPSG/0/32618')?.code).toBe('EPSG:32618');
    expect(crsFromCode('EPSG:abc')).toBeNull();
  });
});

describe('crsFromWkt', () => {
  const codes = [
    4490, 4610, 4214, 4326, 4267, 4545, 4524, 4527, 4502, 2364, 2383, 2327, 2401, 21413, 21460, 32618, 32750,
    3857, 26986, 2269, 3021,
  ];

  it('matches ESRI .prj WKT (no authority) to the EPSG code GDAL names', () => {
    for (const code of codes) {
      const crs = crsFromWkt(gdalWkt(code, 'wkt_esri'));
      expect(crs?.code, `ESRI WKT of EPSG:${String(code)}`).toBe(`EPSG:${String(code)}`);
    }
  });

  it('uses the root AUTHORITY of OGC WKT and matches it by parameters when stripped', () => {
    for (const code of codes) {
      const wkt = gdalWkt(code, 'wkt1');
      expect(crsFromWkt(wkt)?.code).toBe(`EPSG:${String(code)}`);
      expect(crsFromWkt(stripAuthorities(wkt))?.code, `stripped WKT1 of EPSG:${String(code)}`).toBe(
        `EPSG:${String(code)}`,
      );
    }
  });

  it('resolves every sample .prj as gdalsrsinfo does', () => {
    const expected: [string, string][] = [
      ['shapefile/box_utm18n/box.prj', 'EPSG:32618'],
      ['shapefile/senate_stateplane/senate.prj', 'EPSG:26986'],
      ['shapefile/mbostock_points/points.prj', 'EPSG:4326'],
      ['shapefile/hexi_bus_lines_gbk/河西线路.prj', 'EPSG:4326'],
      ['shapefile/chinese_poly_gbk_nocpg/chinese_poly.prj', 'EPSG:4326'],
      ['shapefile_bad/max_callstack_error/max_callstack_error.prj', 'EPSG:3021'],
      ['chinese/shapefile/kuangdian_gbk_cpg/矿点.prj', 'EPSG:4545'],
      ['chinese/shapefile/dizhi_gbk_nocpg/dizhi.prj', 'EPSG:4490'],
    ];
    for (const [file, code] of expected) {
      expect(crsFromWkt(readFileSync(fixture(file), 'utf8'))?.code, file).toBe(code);
    }
  });

  it('keeps a usable definition when no EPSG code matches', () => {
    const custom =
      'PROJCS["Local_TM",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],' +
      'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],' +
      'PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",110.25],' +
      'PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const crs = crsFromWkt(custom);
    expect(crs?.code).toBeNull();
    expect(crs?.name).toBe('Local_TM');
    expect(crs?.geographic).toBe(false);
    expect(crs?.metresPerUnit).toBe(1);
    const toGeo = createTransform(must(crs), must(crsFromEpsg(4610)));
    const [lon, lat] = toGeo([500000, 3000000]);
    expect(lon).toBeCloseTo(110.25, 9);
    expect(lat).toBeGreaterThan(27);
  });

  it('rejects text that is not a CRS', () => {
    expect(crsFromWkt('')).toBeNull();
    expect(crsFromWkt('<html><body>nope</body></html>')).toBeNull();
    expect(crsFromWkt('PROJCS["x",GEOGCS["y"')).toBeNull();
  });
});

describe('createTransform', () => {
  it('agrees with gdaltransform between CGCS2000 Gauss-Kruger and geographic (x first)', () => {
    const out = execFileSync('gdaltransform', ['-s_srs', 'EPSG:4545', '-t_srs', 'EPSG:4490', '-output_xy'], {
      input: '431234.5 2534567.8\n',
      encoding: 'utf8',
    })
      .trim()
      .split(/\s+/)
      .map(Number);
    const t = createTransform(must(crsFromEpsg(4545)), must(crsFromEpsg(4490)));
    const [lon, lat] = t([431234.5, 2534567.8]);
    expect(lon).toBeCloseTo(must(out[0]), 8);
    expect(lat).toBeCloseTo(must(out[1]), 8);
  });

  it('projects to web mercator with easting first', () => {
    const t = createTransform(must(crsFromEpsg(4326)), must(crsFromEpsg(3857)));
    const [x, y] = t([116.391, 39.907]);
    expect(x).toBeCloseTo((116.391 * Math.PI * 6378137) / 180, 3);
    expect(y).toBeCloseTo(4852436.962, 2); // gdaltransform
  });
});
