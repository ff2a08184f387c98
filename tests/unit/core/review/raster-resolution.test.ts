import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from '../../../../src-main/core/crs/index.js';
import type { RasterInfo } from '../../../../src-main/core/model/index.js';
import {
  pixelSizeMetres,
  rasterResolutionRule,
  targetPixelSize,
} from '../../../../src-main/core/review/rules/raster-resolution.js';

/** The default profile's parameters of the rule. */
const settings = { demGridMetres: 100, imageryResolutionMetres: 0.5 };

function raster(over: Partial<RasterInfo> & { epsg?: number | null }): RasterInfo {
  const { epsg = 2364, ...rest } = over;
  const base: RasterInfo = {
    kind: 'raster',
    width: 1200,
    height: 1000,
    bandCount: 1,
    dataType: 'Float32',
    pixelSize: [5, 5],
    origin: [40455000, 2800000],
    nodata: -32768,
    crs: epsg === null ? null : crsFromEpsg(epsg),
    extent: [40455000, 2795000, 40461000, 2800000],
  };
  return { ...base, ...rest };
}

const check = (info: RasterInfo) =>
  rasterResolutionRule.check(
    { kind: 'raster', name: 'x.tif', layer: null, texts: [], hidden: [], info },
    settings,
  );

describe('raster-resolution rule', () => {
  it('blocks a 5 m DEM in a Gauss-Kruger CRS', () => {
    expect(check(raster({}))).toEqual([
      {
        ruleId: 'raster-resolution',
        ruleVersion: 2,
        severity: 'blocking',
        messageKey: 'finding.demResolution',
        params: { resolution: 5, threshold: 100 },
        where: { band: 1 },
        action: 'resample',
      },
    ]);
  });

  it('passes a DEM at exactly the threshold', () => {
    expect(check(raster({ pixelSize: [100, 100] }))).toEqual([]);
  });

  it('blocks 0.3 m imagery and passes 0.5 m imagery', () => {
    const imagery = { bandCount: 3, dataType: 'Byte', nodata: null, epsg: 4545 } as const;
    expect(check(raster({ ...imagery, pixelSize: [0.3, 0.3] }))[0]).toMatchObject({
      messageKey: 'finding.imageryResolution',
    });
    expect(check(raster({ ...imagery, pixelSize: [0.3, 0.3] }))[0]?.params).toEqual({
      resolution: 0.3,
      threshold: 0.5,
    });
    expect(check(raster({ ...imagery, pixelSize: [0.3, 0.3] }))[0]?.where).toEqual({});
    expect(check(raster({ ...imagery, pixelSize: [0.5, 0.5] }))).toEqual([]);
  });

  it('converts degrees at the centre latitude (3″ DEM at 25°N is about 84 m east-west)', () => {
    const info = raster({
      epsg: 4490,
      pixelSize: [1 / 1200, 1 / 1200],
      extent: [109, 25, 109.5, 25.5],
      dataType: 'Int16',
    });
    const metres = pixelSizeMetres(info);
    expect(metres).toBeGreaterThan(83);
    expect(metres).toBeLessThan(85);
    expect(check(info)[0]?.params).toEqual({
      resolution: Number((metres ?? 0).toPrecision(3)),
      threshold: 100,
    });
  });

  it('uses the CRS unit for projected CRSs in feet', () => {
    // Illinois East state-plane feet, an extent inside the zone (true to scale, nominal unit).
    const extent = [500000, 1000000, 539360, 1032800] as const;
    expect(pixelSizeMetres(raster({ epsg: 26771, pixelSize: [32.8, 32.8], extent }))).toBeCloseTo(
      32.8 * (1200 / 3937),
      6,
    );
  });

  it('reports a raster without CRS as blocking noCrs', () => {
    expect(check(raster({ epsg: null }))).toEqual([
      {
        ruleId: 'raster-resolution',
        ruleVersion: 2,
        severity: 'blocking',
        messageKey: 'finding.noCrs',
        params: {},
        where: {},
        action: null,
      },
    ]);
  });
});

describe('targetPixelSize', () => {
  it('is exactly the threshold in metres for projected CRSs', () => {
    expect(targetPixelSize(raster({}), settings)).toEqual([100, 100]);
  });

  it('is a clean decimal of degrees, at least the threshold on both axes, for geographic CRSs', () => {
    const info = raster({
      epsg: 4490,
      pixelSize: [1 / 1200, 1 / 1200],
      extent: [109, 25, 109.5, 25.5],
      dataType: 'Int16',
    });
    expect(targetPixelSize(info, settings)).toEqual([0.001, 0.001]);
    const publicInfo = { ...info, pixelSize: [0.001, 0.001] as const };
    expect(check(publicInfo)).toEqual([]);
  });

  it('never asks for a finer grid than the source has', () => {
    expect(targetPixelSize(raster({ pixelSize: [250, 250] }), settings)).toEqual([250, 250]);
  });

  it('is null without CRS', () => {
    expect(targetPixelSize(raster({ epsg: null }), settings)).toBeNull();
  });
});
