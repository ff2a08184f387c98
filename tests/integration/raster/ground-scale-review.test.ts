import { describe, expect, it } from 'vitest';
import {
  pixelSizeMetres,
  rasterResolutionRule,
  targetPixelSize,
} from '../../../src-main/core/review/rules/raster-resolution.js';
import { readRasterInfo } from '../../../src-main/node/raster/index.js';
import { gdalinfo } from '../../support/gdal.js';
import { fixture } from '../../fixtures/index.js';

const COGEO = fixture('raster', 'cogeo.tif');
/** The default profile's parameters of raster-resolution. */
const settings = { demGridMetres: 100, imageryResolutionMetres: 0.5 };

describe('raster resolution in Web Mercator is judged on the ground', () => {
  it('blocks cogeo.tif: 0.597 EPSG:3857 units at 37.7° N are about 0.47 m on the ground', async () => {
    const info = await readRasterInfo(COGEO);
    const gdal = await gdalinfo(COGEO);
    const lat = Math.max(...(gdal.wgs84Extent?.coordinates[0] ?? []).map((c) => c[1]));
    expect(info.crs?.code).toBe('EPSG:3857');
    expect(info.pixelSize[0]).toBeCloseTo(0.597, 3);
    const metres = pixelSizeMetres(info) ?? NaN;
    expect(metres / (info.pixelSize[0] * Math.cos((lat * Math.PI) / 180))).toBeCloseTo(1, 2);
    expect(
      rasterResolutionRule.check(
        { kind: 'raster', name: 'cogeo.tif', layer: null, texts: [], hidden: [], info },
        settings,
      ),
    ).toEqual([
      {
        ruleId: 'raster-resolution',
        ruleVersion: 2,
        severity: 'blocking',
        messageKey: 'finding.imageryResolution',
        params: { resolution: Number(metres.toPrecision(3)), threshold: 0.5 },
        where: {},
        action: 'resample',
      },
    ]);
    const target = targetPixelSize(info, settings);
    expect(target).toEqual([0.64, 0.64]);
    const publicInfo = { ...info, pixelSize: [0.64, 0.64] as const };
    expect(
      rasterResolutionRule.check(
        { kind: 'raster', name: 'cogeo.public.tif', layer: null, texts: [], hidden: [], info: publicInfo },
        settings,
      ),
    ).toEqual([]);
  });
});
