import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from '../../../../../src-main/core/crs/index.js';
import { FormatError } from '../../../../../src-main/core/formats/format-error.js';
import { geoKeysOfCrs } from '../../../../../src-main/core/formats/geotiff/crs-geokeys.js';
import { tmConversion } from '../../../../../src-main/core/formats/geotiff/epsg-codes.js';
import type { GeoKeyDirectory } from '../../../../../src-main/core/formats/geotiff/geokey-directory.js';
import { GEOKEY as K, USER_DEFINED as UD } from '../../../../../src-main/core/formats/geotiff/tiff-tags.js';
import { crsFromGeoKeys } from '../../../../../src-main/core/formats/geotiff/user-defined-crs.js';
import type { CrsInfo } from '../../../../../src-main/core/model/index.js';

type Keys = Record<number, number | readonly number[] | string>;

/** A GeoKey directory as a reader would return it: SHORTs as numbers, DOUBLEs as lists. */
function directory(keys: Keys): GeoKeyDirectory {
  const shorts = new Map<number, number>();
  const doubles = new Map<number, readonly number[]>();
  const texts = new Map<number, string>();
  for (const [id, v] of Object.entries(keys)) {
    if (typeof v === 'number') shorts.set(Number(id), v);
    else if (typeof v === 'string') texts.set(Number(id), v);
    else doubles.set(Number(id), v);
  }
  return { shorts, doubles, texts };
}

const TM: Keys = {
  [K.GTModelType]: 1,
  [K.ProjectedCSType]: UD,
  [K.Projection]: UD,
  [K.ProjCoordTrans]: 1,
  [K.ProjLinearUnits]: 9001,
  [K.ProjNatOriginLat]: [0],
  [K.ProjNatOriginLong]: [117],
  [K.ProjScaleAtNatOrigin]: [1],
  [K.ProjFalseEasting]: [500000],
  [K.ProjFalseNorthing]: [0],
};
const KRASSOWSKY: Keys = {
  [K.GeographicType]: UD,
  [K.GeogGeodeticDatum]: UD,
  [K.GeogEllipsoid]: 7024,
  [K.GeogAngularUnits]: 9102,
};

describe('crsFromGeoKeys', () => {
  it('takes the Beijing 1954 shift from the EPSG datum code and then names the registry CRS', () => {
    const crs = crsFromGeoKeys(directory({ ...TM, ...KRASSOWSKY, [K.GeogGeodeticDatum]: 6214 }));
    expect(crs?.code).toBe('EPSG:2436');
    expect(crs?.proj4).toContain('+towgs84=15.8,-154.4,-82.3');
  });

  it('keeps the registry shift but no code when the projection is not a registry one', () => {
    const crs = crsFromGeoKeys(
      directory({ ...TM, ...KRASSOWSKY, [K.GeogGeodeticDatum]: 6214, [K.ProjNatOriginLong]: [117.5] }),
    );
    expect(crs?.code).toBeNull();
    expect(crs?.proj4).toBe(
      '+proj=tmerc +lat_0=0 +lon_0=117.5 +k=1 +x_0=500000 +y_0=0 +a=6378245 +rf=298.3 +towgs84=15.8,-154.4,-82.3,0,0,0,0 +units=m +no_defs',
    );
  });

  it('never invents a shift: no datum code, an overridden ellipsoid or GeogTOWGS84 give none', () => {
    const noDatum = crsFromGeoKeys(directory({ ...TM, ...KRASSOWSKY }));
    expect(noDatum?.code).toBeNull();
    expect(noDatum?.proj4).not.toContain('towgs84');
    const overridden = crsFromGeoKeys(
      directory({
        ...TM,
        ...KRASSOWSKY,
        [K.GeogGeodeticDatum]: 6214,
        [K.GeogSemiMajorAxis]: [6378140],
        [K.GeogInvFlattening]: [298.257],
      }),
    );
    expect(overridden?.code).toBeNull();
    expect(overridden?.proj4).not.toContain('towgs84');
    expect(overridden?.proj4).toContain('+a=6378140 +rf=298.257');
    const stated = crsFromGeoKeys(
      directory({ ...TM, ...KRASSOWSKY, [K.GeogTOWGS84]: [24, -123, -94, 0.02, -0.25, -0.13, 1.1] }),
    );
    expect(stated?.proj4).not.toContain('towgs84');
  });

  it('reads angle parameters in GeogAngularUnits and offsets in ProjLinearUnitSize', () => {
    const crs = crsFromGeoKeys(
      directory({
        ...TM,
        ...KRASSOWSKY,
        [K.GeogAngularUnits]: 9105,
        [K.ProjNatOriginLong]: [130],
        [K.ProjNatOriginLat]: [10],
        [K.ProjLinearUnits]: UD,
        [K.ProjLinearUnitSize]: [0.5],
        [K.ProjFalseEasting]: [1000000],
      }),
    );
    expect(crs?.proj4).toBe(
      '+proj=tmerc +lat_0=9 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +a=6378245 +rf=298.3 +to_meter=0.5 +no_defs',
    );
    expect(crs?.metresPerUnit).toBe(0.5);
  });

  it('reads a UTM / Gauss-Kruger zone from ProjectionGeoKey', () => {
    const crs = crsFromGeoKeys(
      directory({
        [K.GTModelType]: 1,
        [K.ProjectedCSType]: UD,
        [K.Projection]: 16039,
        [K.GeographicType]: UD,
        [K.GeogSemiMajorAxis]: [6378140],
        [K.GeogInvFlattening]: [298.257],
        [K.GTCitation]: 'Xian 1980 UTM 39N by hand',
      }),
    );
    expect(crs).toMatchObject({
      code: null,
      name: 'Xian 1980 UTM 39N by hand',
      proj4:
        '+proj=tmerc +lat_0=0 +lon_0=51 +k=0.9996 +x_0=500000 +y_0=0 +a=6378140 +rf=298.257 +units=m +no_defs',
    });
  });

  it('takes the PROJCS name from an ESRI PE string citation', () => {
    const crs = crsFromGeoKeys(
      directory({
        ...TM,
        ...KRASSOWSKY,
        [K.PCSCitation]: 'ESRI PE String = PROJCS["Beijing_1954_GK_CM_117E",GEOGCS[]]',
      }),
    );
    expect(crs?.name).toBe('Beijing_1954_GK_CM_117E');
  });

  it('gives null for what it cannot express instead of guessing', () => {
    expect(crsFromGeoKeys(directory({ ...TM, ...KRASSOWSKY, [K.ProjCoordTrans]: 27 }))).toBeNull();
    expect(crsFromGeoKeys(directory({ ...TM, ...KRASSOWSKY, [K.Projection]: 18031 }))).toBeNull();
    expect(crsFromGeoKeys(directory({ ...TM, ...KRASSOWSKY, [K.GeogEllipsoid]: 7099 }))).toBeNull();
    expect(crsFromGeoKeys(directory({ ...TM, ...KRASSOWSKY, [K.ProjLinearUnits]: 9999 }))).toBeNull();
    expect(crsFromGeoKeys(directory({ ...TM, [K.GeographicType]: UD }))).toBeNull();
    expect(
      crsFromGeoKeys(directory({ [K.GTModelType]: 2, ...KRASSOWSKY, [K.GeogAngularUnits]: 9105 })),
    ).toBeNull();
    expect(crsFromGeoKeys(directory({ [K.GTModelType]: 3 }))).toBeNull();
  });

  it('names a geographic CRS on an EPSG datum by the registry', () => {
    const crs = crsFromGeoKeys(
      directory({ [K.GTModelType]: 2, [K.GeographicType]: UD, [K.GeogGeodeticDatum]: 1043 }),
    );
    expect(crs?.code).toBe('EPSG:4490');
  });
});

describe('tmConversion', () => {
  it('agrees with every zoned Transverse Mercator conversion in PROJ’s EPSG database', () => {
    const rows = execFileSync('sqlite3', [
      '-separator',
      ' ',
      '/usr/share/proj/proj.db',
      "select code, param2_value, param3_value, param4_value, param5_value from conversion where auth_name = 'EPSG' and method_code = '9807' and deprecated = 0 and (code between 16001 and 16060 or code between 16101 and 16160 or code between 16170 and 16194 or code between 16070 and 16094 or code between 16201 and 16399)",
    ])
      .toString()
      .trim()
      .split('\n')
      .map((line) => line.split(' ').map(Number));
    expect(rows.length).toBeGreaterThan(300);
    for (const [code = 0, lon0, k, x0, y0] of rows) {
      expect([code, tmConversion(code)]).toMatchObject([code, { lon0, k, x0, y0 }]);
    }
  });
});

describe('geoKeysOfCrs', () => {
  const feet: CrsInfo = {
    code: null,
    name: 'GK on Krassowsky in feet',
    proj4:
      '+proj=tmerc +lat_0=0 +lon_0=117.5 +k=1 +x_0=500000 +y_0=0 +a=6378245 +rf=298.3 +units=ft +no_defs',
    geographic: false,
    metresPerUnit: 0.3048,
  };

  it('writes keys the reader turns back into the same CRS', () => {
    const keys = geoKeysOfCrs(feet);
    expect(keys.shorts.get(K.ProjLinearUnits)).toBe(9002);
    expect(keys.doubles.get(K.ProjFalseEasting)?.[0]).toBeCloseTo(500000 / 0.3048, 6);
    expect(crsFromGeoKeys(keys)).toEqual(feet);
  });

  it('names a registry datum shift by its geographic CRS code', () => {
    const beijing: CrsInfo = {
      ...feet,
      proj4:
        '+proj=tmerc +lat_0=0 +lon_0=117.5 +k=1 +x_0=500000 +y_0=0 +a=6378245 +rf=298.3 +towgs84=15.8,-154.4,-82.3,0,0,0,0 +units=m +no_defs',
      metresPerUnit: 1,
    };
    const keys = geoKeysOfCrs(beijing);
    expect(keys.shorts.get(K.GeographicType)).toBe(4214);
    expect(crsFromGeoKeys(keys)?.proj4).toBe(beijing.proj4);
  });

  it('writes EPSG CRSs as their code only', () => {
    const crs = crsFromEpsg(4526);
    if (crs === null) throw new Error('EPSG:4526 missing');
    const keys = geoKeysOfCrs(crs);
    expect([...keys.shorts]).toEqual([
      [K.GTModelType, 1],
      [K.GTRasterType, 1],
      [K.ProjectedCSType, 4526],
    ]);
  });

  it('cites only ASCII names and refuses projections it cannot write', () => {
    expect(geoKeysOfCrs({ ...feet, name: '西安80 高斯投影' }).texts.size).toBe(0);
    expect(() =>
      geoKeysOfCrs({
        ...feet,
        proj4: '+proj=omerc +lat_0=4 +lonc=115 +alpha=53.3 +k=0.99984 +ellps=evrstSS +units=m',
      }),
    ).toThrow(FormatError);
  });
});
