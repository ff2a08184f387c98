import type { Finding, RasterInfo } from '../../model/index.js';
import type { ReviewRule, ReviewSettings } from '../rule.js';

const ID = 'raster-resolution';
const VERSION = 1;

/** WGS 84 ellipsoid; the differences to CGCS2000 / Xian 80 are far below a metre per degree. */
const A = 6378137;
const E2 = 0.00669437999014;
const RAD = Math.PI / 180;

/** Elevation-like: one band of a non-Byte type. Everything else is treated as imagery. */
const isDem = (info: RasterInfo): boolean => info.bandCount === 1 && info.dataType !== 'Byte';

const thresholdOf = (info: RasterInfo, s: ReviewSettings): number =>
  isDem(info) ? s.demGridMetres : s.imageryResolutionMetres;

/** Metres per degree of longitude and of latitude at latitude `lat` (degrees). */
function metresPerDegree(lat: number): [number, number] {
  const sin = Math.sin(lat * RAD);
  const w = 1 - E2 * sin * sin;
  const n = A / Math.sqrt(w);
  const m = (A * (1 - E2)) / (w * Math.sqrt(w));
  return [n * Math.cos(lat * RAD) * RAD, m * RAD];
}

const centreLatitude = (info: RasterInfo): number | null =>
  info.extent === null ? null : (info.extent[1] + info.extent[3]) / 2;

/**
 * Ground size of a pixel in metres, the finer of the two axes: projected CRS = pixel size x
 * metres per unit; geographic = degrees converted at the extent's centre latitude. null when the
 * raster has no CRS or no georeferencing.
 */
export function pixelSizeMetres(info: RasterInfo): number | null {
  const crs = info.crs;
  if (crs === null || info.extent === null) return null;
  if (crs.geographic) {
    const lat = centreLatitude(info);
    if (lat === null) return null;
    const [mx, my] = metresPerDegree(lat);
    return Math.min(info.pixelSize[0] * mx, info.pixelSize[1] * my);
  }
  const unit = crs.metresPerUnit ?? 1;
  return Math.min(info.pixelSize[0], info.pixelSize[1]) * unit;
}

/** Rounds up to one significant decimal digit (0.000905 -> 0.001, 0.0012 -> 0.002). */
function ceilClean(value: number): number {
  const step = 10 ** Math.floor(Math.log10(value));
  return Number((Math.ceil(Number((value / step).toPrecision(12))) * step).toPrecision(12));
}

/**
 * Public pixel size `[x, y]` in CRS units for this raster's class (DEM or imagery threshold):
 * projected = the threshold in CRS units exactly (100 m -> 100); geographic = the larger of the
 * two axes' degree equivalents at the centre latitude, rounded up to a clean decimal (0.001°), so
 * both axes are at least the threshold. Never finer than the source's own pixel (a raster already
 * coarse enough keeps its grid). null without CRS or georeferencing.
 */
export function targetPixelSize(info: RasterInfo, settings: ReviewSettings): [number, number] | null {
  const crs = info.crs;
  if (crs === null || info.extent === null) return null;
  const threshold = thresholdOf(info, settings);
  if (crs.geographic) {
    const lat = centreLatitude(info);
    if (lat === null) return null;
    const [mx, my] = metresPerDegree(lat);
    const degrees = ceilClean(Math.max(threshold / mx, threshold / my) * (1 + 1e-6));
    return [Math.max(degrees, info.pixelSize[0]), Math.max(degrees, info.pixelSize[1])];
  }
  const size = threshold / (crs.metresPerUnit ?? 1);
  return [Math.max(size, info.pixelSize[0]), Math.max(size, info.pixelSize[1])];
}

const resolutionLabel = (metres: number): number => Number(metres.toPrecision(3));

/** DEM grid / imagery ground resolution finer than the profile allows is blocking. */
export const rasterResolutionRule: ReviewRule = {
  id: ID,
  version: VERSION,
  check(subject, settings): readonly Finding[] {
    if (subject.kind !== 'raster') return [];
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
          where: 'dataset',
          action: null,
        },
      ];
    }
    const threshold = thresholdOf(info, settings);
    if (metres >= threshold * (1 - 1e-9)) return [];
    const dem = isDem(info);
    return [
      {
        ruleId: ID,
        ruleVersion: VERSION,
        severity: 'blocking',
        messageKey: 'finding.rasterResolution',
        params: { what: dem ? 'what.dem' : 'what.imagery', resolution: resolutionLabel(metres), threshold },
        where: dem ? 'band 1' : 'dataset',
        action: 'resample-block-average',
      },
    ];
  },
};
