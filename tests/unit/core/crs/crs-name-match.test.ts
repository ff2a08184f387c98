import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { crsFromProj4, crsFromWkt, registryRows } from '../../../../src-main/core/crs/index.js';
import { crsNameKey, nameFacts } from '../../../../src-main/core/crs/crs-names.js';

const run = promisify(execFile);

/** GDAL's rendering of a code in a WKT dialect: what real .prj files and WKT carry. */
async function gdalWkt(code: number, dialect: 'wkt_esri' | 'wkt1'): Promise<string> {
  const { stdout } = await run('gdalsrsinfo', ['--single-line', '-o', dialect, `EPSG:${String(code)}`]);
  return stdout.trim();
}

/** Runs `fn` over `items`, two at a time (the machine is shared). */
async function eachPair<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 2) out.push(...(await Promise.all(items.slice(i, i + 2).map(fn))));
  return out;
}

const NATIONAL_GK = /^(CGCS2000|Xian 1980|Beijing 1954|New Beijing) \/ .*Gauss-Kruger (CM \d+E|zone \d+)$/;

/**
 * Gauss-Krüger CRSs of the Chinese national families: every "CM" one (each has a twin with the same
 * numbers, so the name must decide) and every fourth zone-prefixed one (unique by their false
 * easting; sampled to keep the GDAL runs few on a shared machine).
 */
const nationalGkCodes = (): number[] => {
  const rows = registryRows().filter(([, name]) => NATIONAL_GK.test(name));
  const zones = rows.filter(([, name]) => / zone \d+$/.test(name)).filter((_, i) => i % 4 === 0);
  return [...rows.filter(([, name]) => / CM \d+E$/.test(name)), ...zones].map(([code]) => code);
};

/** ESRI WKT, OGC WKT1 and WKT2:2019 of a code from one `gdalsrsinfo -o wkt_all` run. */
async function gdalWkts(code: number): Promise<{ esri: string; wkt1: string; wkt2: string }> {
  const { stdout } = await run('gdalsrsinfo', ['--single-line', '-o', 'wkt_all', `EPSG:${String(code)}`]);
  const section = (title: string): string => {
    const at = stdout.indexOf(`\n${title} :\n`);
    if (at < 0) throw new Error(`gdalsrsinfo printed no ${title} for EPSG:${String(code)}`);
    return stdout.slice(at + title.length + 4).split('\n')[0] ?? '';
  };
  return { esri: section('ESRI WKT'), wkt1: section('OGC WKT1'), wkt2: section('OGC WKT2:2019') };
}

const stripIds = (wkt: string): string => wkt.replace(/,ID\["EPSG",\d+\]/g, '');

const stripAuthorities = (wkt: string): string => wkt.replace(/,AUTHORITY\["EPSG","\d+"\]/g, '');

describe('name-based choice among CRSs with the same parameters', () => {
  it('reads the CGCS2000 3° CM 117E .prj as EPSG:4548, not the 6° zone with the same numbers', async () => {
    const prj = await gdalWkt(4548, 'wkt_esri');
    expect(prj).toContain('CGCS2000_3_Degree_GK_CM_117E');
    expect(crsFromWkt(prj)?.code).toBe('EPSG:4548');
    expect(crsFromWkt(await gdalWkt(4509, 'wkt_esri'))?.code).toBe('EPSG:4509');
  });

  it('resolves the Gauss-Krüger CRSs of CGCS2000, Xian 1980, Beijing 1954 and New Beijing (ESRI, WKT1, WKT2) as GDAL names them', async () => {
    const codes = nationalGkCodes();
    expect(codes.length).toBeGreaterThan(150);
    const results = await eachPair(codes, async (code) => {
      const wkt = await gdalWkts(code);
      return {
        code: `EPSG:${String(code)}`,
        esri: crsFromWkt(wkt.esri)?.code,
        ogc: crsFromWkt(stripAuthorities(wkt.wkt1))?.code,
        wkt2: crsFromWkt(stripIds(wkt.wkt2))?.code,
      };
    });
    for (const r of results) {
      expect(r.esri, `ESRI WKT of ${r.code}`).toBe(r.code);
      expect(r.ogc, `OGC WKT1 (no authority) of ${r.code}`).toBe(r.code);
      expect(r.wkt2, `WKT2:2019 (no ID) of ${r.code}`).toBe(r.code);
    }
  }, 600_000);

  it('takes the zone width from hand-written names too', () => {
    const gk = (name: string, cm: number): string =>
      `PROJCS["${name}",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],` +
      'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],' +
      `PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${String(cm)}],` +
      'PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(crsFromWkt(gk('Xian_1980_3_Degree_GK_CM_117E', 117))?.code).toBe('EPSG:2384');
    expect(crsFromWkt(gk('西安80 3度带 中央经线117', 117))?.code).toBe('EPSG:2384');
    expect(crsFromWkt(gk('Xian 1980 Gauss Kruger 6 degree CM 117E', 117))?.code).toBe('EPSG:2345');
    expect(crsFromWkt(gk('Xian_1980_GK_CM_117E', 117))?.code).toBe('EPSG:2345');
  });
});

describe('GeoKeys citations decide the same way', () => {
  it('a user-defined GK definition cited as the 3° CM 117E is EPSG:4548, cited as 6° it is EPSG:4509', () => {
    const gk = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m';
    const hints = (name: string) => ({ name, datum: 'D_China_2000' });
    expect(crsFromProj4(gk, hints('CGCS2000_3_Degree_GK_CM_117E'))?.code).toBe('EPSG:4548');
    expect(crsFromProj4(gk, hints('CGCS2000 / Gauss-Kruger CM 117E'))?.code).toBe('EPSG:4509');
    // No name to go by: the oldest code on the named datum, as before.
    expect(crsFromProj4(gk, hints(''))?.code).toBe('EPSG:4509');
  });
});

describe('crsNameKey / nameFacts', () => {
  it('folds EPSG, ESRI and Chinese spellings of one CRS to one key', () => {
    const key = crsNameKey('CGCS2000 / 3-degree Gauss-Kruger CM 117E');
    expect(crsNameKey('CGCS2000_3_Degree_GK_CM_117E')).toBe(key);
    expect(crsNameKey('Beijing_1954_Gauss_Kruger_CM_117E')).toBe(
      crsNameKey('Beijing 1954 / Gauss-Kruger CM 117E'),
    );
    expect(crsNameKey('CGCS2000 / Gauss-Kruger CM 117E')).not.toBe(key);
  });

  it('reads the zone width a name states, and none where it says nothing of Gauss-Krüger', () => {
    expect(nameFacts('New_Beijing_3_Degree_Gauss_Kruger_CM_105E').zoneWidth).toBe(3);
    expect(nameFacts('New_Beijing_Gauss_Kruger_CM_105E').zoneWidth).toBe(6);
    expect(nameFacts('北京54 3度带').zoneWidth).toBe(3);
    expect(nameFacts('Hong Kong 1980 Grid System').zoneWidth).toBeNull();
    expect(nameFacts('user GK').zoneWidth).toBeNull();
    expect(nameFacts('WGS 84 / UTM zone 50N').zoneWidth).toBeNull();
  });
});
