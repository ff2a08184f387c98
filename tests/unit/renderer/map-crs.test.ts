import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  CGCS2000,
  WEB_MERCATOR,
  WGS84,
  cgcs2000Gk3For,
  crsChoices,
  gk3CentralMeridian,
} from '../../../src-renderer/map/projections.js';

const run = promisify(execFile);

/** The PROJ string GDAL/PROJ prints for an EPSG code: the reference for the map's built-in list. */
async function gdalProj4(code: string): Promise<string> {
  const { stdout } = await run('gdalsrsinfo', ['-o', 'proj4', code]);
  return stdout.trim();
}

/** The name EPSG gives a code (as GDAL prints it in WKT). */
async function gdalName(code: string): Promise<string> {
  const { stdout } = await run('gdalsrsinfo', ['-o', 'wkt_simple', code]);
  return /^\w+\["([^"]+)"/.exec(stdout.trim())?.[1] ?? '';
}

describe("the map's short CRS list", () => {
  it('holds the EPSG definitions of CGCS2000, WGS 84 and Web Mercator', async () => {
    for (const def of [CGCS2000, WGS84, WEB_MERCATOR])
      expect(def.proj4, def.code).toBe(await gdalProj4(def.code));
  });

  it('names the CGCS2000 3° Gauss-Krüger zone of a longitude by the code EPSG gives it', async () => {
    for (const lon of [75.4, 110.3, 111.2, 117.4, 134.9]) {
      const def = cgcs2000Gk3For(lon);
      if (!def) throw new Error(`no zone for ${String(lon)}`);
      const cm = Math.round(lon / 3) * 3;
      expect(await gdalName(def.code)).toBe(`CGCS2000 / 3-degree Gauss-Kruger CM ${String(cm)}E`);
      expect(def.proj4).toBe(await gdalProj4(def.code));
      expect(gk3CentralMeridian(def.code)).toBe(cm);
    }
    expect(cgcs2000Gk3For(10)).toBeNull();
    expect(cgcs2000Gk3For(140)).toBeNull();
    expect(gk3CentralMeridian('EPSG:4490')).toBeNull();
  });

  it('offers CGCS2000 first, the data zone, Web Mercator, WGS 84, then the datasets’ own codes once each', () => {
    const own = {
      code: 'EPSG:2364',
      proj4:
        '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +a=6378140 +rf=298.257 +units=m +no_defs',
    };
    const codes = crsChoices(111.2, [own, CGCS2000, own]).map((d) => d.code);
    expect(codes).toEqual(['EPSG:4490', 'EPSG:4546', 'EPSG:3857', 'EPSG:4326', 'EPSG:2364']);
    expect(crsChoices(null, []).map((d) => d.code)).toEqual(['EPSG:4490', 'EPSG:3857', 'EPSG:4326']);
  });
});
