import { unitsToGroundMetres } from '../../crs/ground-scale.js';
import type { Finding, RasterInfo } from '../../model/index.js';
import { z } from 'zod';
import { defineRule, type RasterSubject } from '../rule.js';
import { statedPrecisionFindings } from '../stated-findings.js';

const ID = 'raster-resolution';
const VERSION = 2;

/** Elevation-like: one band of a non-Byte type. Everything else is treated as imagery. */
export const isDem = (info: RasterInfo): boolean => info.bandCount === 1 && info.dataType !== 'Byte';

const paramsSchema = z.strictObject({
  /** A DEM grid finer than this is blocking (DOMAIN.md: 100 m). */
  demGridMetres: z.number().positive().max(100_000),
  /** Imagery ground resolution finer than this is blocking (DOMAIN.md: 0.5 m). */
  imageryResolutionMetres: z.number().positive().max(100_000),
});

/** The profile's thresholds for rasters, metres. */
export type RasterResolutionParams = z.infer<typeof paramsSchema>;

const thresholdOf = (info: RasterInfo, p: RasterResolutionParams): number =>
  isDem(info) ? p.demGridMetres : p.imageryResolutionMetres;

/**
 * Ground size of a pixel in metres, the finer of the two axes: pixel size × ground metres per unit
 * from `unitsToGroundMetres` over the raster's extent (nominal for true-scale projections such as
 * Gauss-Krüger and UTM; the finest anywhere in the extent for Web Mercator and degrees). null when
 * the raster has no CRS or no georeferencing.
 */
export function pixelSizeMetres(info: RasterInfo): number | null {
  const crs = info.crs;
  if (crs === null || info.extent === null) return null;
  const scale = unitsToGroundMetres(crs, info.extent);
  return Math.min(info.pixelSize[0] * scale.x, info.pixelSize[1] * scale.y);
}

/** Rounds up to `digits` significant digits (1: 0.000905 -> 0.001, 0.0012 -> 0.002; 2: 0.653 -> 0.66). */
function ceilClean(value: number, digits: number): number {
  const step = 10 ** (Math.floor(Math.log10(value)) - digits + 1);
  return Number((Math.ceil(Number((value / step).toPrecision(12))) * step).toPrecision(12));
}

/**
 * Public pixel size `[x, y]` in CRS units for this raster's class (DEM or imagery threshold), the
 * same on both axes and at least the threshold on the ground on both: a true-scale projection gets
 * the threshold in CRS units exactly (100 m -> 100); a distorting projection (Web Mercator) the
 * threshold over the finest ground scale in the extent rounded up to 2 significant digits (0.5 m at
 * 37.7° N -> 0.64 units); a geographic CRS the degree equivalent at the poleward edge rounded up to
 * one significant digit (0.001°). Never finer than the source's own pixel (a raster already coarse
 * enough keeps its grid). null without CRS or georeferencing.
 */
export function targetPixelSize(info: RasterInfo, params: RasterResolutionParams): [number, number] | null {
  const crs = info.crs;
  if (crs === null || info.extent === null) return null;
  const threshold = thresholdOf(info, params);
  const scale = unitsToGroundMetres(crs, info.extent);
  const exact = Math.max(threshold / scale.x, threshold / scale.y);
  const trueScale = !crs.geographic && scale.x === (crs.metresPerUnit ?? 1) && scale.x === scale.y;
  const size = trueScale ? exact : ceilClean(exact * (1 + 1e-6), crs.geographic ? 1 : 2);
  return [Math.max(size, info.pixelSize[0]), Math.max(size, info.pixelSize[1])];
}

const resolutionLabel = (metres: number): number => Number(metres.toPrecision(3));

/**
 * DEM grid / imagery ground resolution finer than the profile allows is blocking. Version 2 also
 * reads the texts (record title and abstract, file and layer names): one that states a grid or
 * resolution finer than the raster's threshold is blocking (ADR 0164; stated scales are
 * coverage-area's).
 */
export const rasterResolutionRule = defineRule({
  id: ID,
  version: VERSION,
  params: paramsSchema,
  check(subject, params): readonly Finding[] {
    if (subject.kind !== 'raster') return [];
    return [
      ...pixelFindings(subject, params),
      ...statedPrecisionFindings(
        { id: ID, version: VERSION },
        subject.texts,
        thresholdOf(subject.info, params),
      ),
    ];
  },
});

function pixelFindings(subject: RasterSubject, params: RasterResolutionParams): Finding[] {
  const info = subject.info;
  const metres = pixelSizeMetres(info);
  if (metres === null) {
    return [
      {
        ruleId: ID,
        ruleVersion: VERSION,
        severity: 'blocking',
        messageKey: 'finding.noCrs',
        params: {},
        where: {},
        action: null,
      },
    ];
  }
  const threshold = thresholdOf(info, params);
  if (metres >= threshold * (1 - 1e-9)) return [];
  const dem = isDem(info);
  return [
    {
      ruleId: ID,
      ruleVersion: VERSION,
      severity: 'blocking',
      messageKey: dem ? 'finding.demResolution' : 'finding.imageryResolution',
      params: { resolution: resolutionLabel(metres), threshold },
      where: dem ? { band: 1 } : {},
      action: 'resample',
    },
  ];
}
