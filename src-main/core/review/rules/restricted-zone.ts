import { z } from 'zod';
import { createTransform, crsFromCode } from '../../crs/index.js';
import {
  geoTransformOf,
  type CrsInfo,
  type Extent,
  type Finding,
  type RasterInfo,
} from '../../model/index.js';
import { geometriesExtent } from '../../formats/vector-summary.js';
import { polygonsFileSchema, type PolygonsFile } from '../local-files.js';
import { locatedFeatures } from '../located-features.js';
import { defineRule, type VectorSubject } from '../rule.js';
import {
  extentsOverlap,
  geometryMeetsZone,
  prepareZone,
  type PreparedZone,
  type ZonePolygon,
} from '../zone-geometry.js';

const ID = 'restricted-zone';
const VERSION = 1;

const paramsSchema = z.strictObject({
  /** Local secured polygon files (GeoJSON), each in its stated CRS; read by the host (ADR 0164). */
  zones: z.array(polygonsFileSchema).max(64),
});

/** The zones in the dataset's CRS, numbered 1..N across the profile's files in order. */
function zonesIn(files: readonly PolygonsFile[], crs: CrsInfo): { zone: PreparedZone; n: number }[] {
  const out: { zone: PreparedZone; n: number }[] = [];
  let n = 0;
  for (const file of files) {
    const from = crsFromCode(file.crs);
    const convert = from === null ? null : createTransform(from, crs);
    for (const polygon of file.polygons) {
      n += 1;
      if (convert === null) continue;
      const rings: ZonePolygon = polygon.map((r) =>
        r.map((p) => {
          const [x, y] = convert(p);
          return [x, y] as const;
        }),
      );
      const zone = prepareZone(rings);
      if (zone !== null && zone.extent.every(Number.isFinite)) out.push({ zone, n });
    }
  }
  return out;
}

const base = { ruleId: ID, ruleVersion: VERSION, severity: 'blocking' } as const;

function vectorFindings(
  subject: VectorSubject,
  zones: readonly { zone: PreparedZone; n: number }[],
): Finding[] {
  const extents = subject.features.map((f) => (f.geometry === null ? null : geometriesExtent([f.geometry])));
  return zones.flatMap(({ zone, n }): Finding[] => {
    const hits: number[] = [];
    subject.features.forEach((f, i) => {
      const e = extents[i];
      if (f.geometry !== null && e && extentsOverlap(e, zone.extent) && geometryMeetsZone(f.geometry, zone))
        hits.push(i);
    });
    if (hits.length === 0) return [];
    return [
      {
        ...base,
        messageKey: 'finding.restrictedZoneFeatures',
        params: { zone: n, count: hits.length },
        where: locatedFeatures(hits),
        action: 'remove-features',
      },
    ];
  });
}

/** The pixel window `[column, row, width, height]` covering `area` (an extent in the raster's CRS). */
function windowOf(info: RasterInfo, area: Extent): [number, number, number, number] {
  const [a, b, c, d, e, f] = geoTransformOf(info);
  const det = b * f - c * e;
  const corners = [
    [area[0], area[1]],
    [area[0], area[3]],
    [area[2], area[1]],
    [area[2], area[3]],
  ].map(([x = 0, y = 0]) => [(f * (x - a) - c * (y - d)) / det, (b * (y - d) - e * (x - a)) / det] as const);
  const clamp = (v: number, max: number): number => Math.min(max, Math.max(0, v));
  const col0 = clamp(Math.floor(Math.min(...corners.map((p) => p[0]))), info.width);
  const col1 = clamp(Math.ceil(Math.max(...corners.map((p) => p[0]))), info.width);
  const row0 = clamp(Math.floor(Math.min(...corners.map((p) => p[1]))), info.height);
  const row1 = clamp(Math.ceil(Math.max(...corners.map((p) => p[1]))), info.height);
  return [col0, row0, col1 - col0, row1 - row0];
}

function rasterFindings(info: RasterInfo, zones: readonly { zone: PreparedZone; n: number }[]): Finding[] {
  const extent = info.extent;
  if (extent === null) return [];
  return zones.flatMap(({ zone, n }): Finding[] => {
    if (!extentsOverlap(zone.extent, extent)) return [];
    const area: Extent = [
      Math.max(zone.extent[0], extent[0]),
      Math.max(zone.extent[1], extent[1]),
      Math.min(zone.extent[2], extent[2]),
      Math.min(zone.extent[3], extent[3]),
    ];
    const window = windowOf(info, area);
    if (window[2] === 0 || window[3] === 0) return [];
    return [
      {
        ...base,
        messageKey: 'finding.restrictedZoneRaster',
        params: { zone: n },
        where: { window, area },
        action: 'mask-area',
      },
    ];
  });
}

/**
 * Restricted zones (DOMAIN.md: features or pixels inside locally configured sensitive areas;
 * ADR 0164). The zones come from local secured files the host reads at profile load; each is
 * transformed into the dataset's CRS. Features that intersect a zone are blocking, one finding per
 * zone ('remove-features' with their numbers); a raster whose grid meets a zone's extent is
 * blocking with the pixel window and area to mask ('mask-area'; judged by the zone's extent, so a
 * raster near a concave zone's hollow is flagged too). A dataset without a CRS cannot be placed
 * against the zones: blocking. No zones configured, no findings.
 */
export const restrictedZoneRule = defineRule({
  id: ID,
  version: VERSION,
  params: paramsSchema,
  localFiles: [{ param: 'zones', content: 'polygons' }],
  check(subject, params): readonly Finding[] {
    if (params.zones.every((f) => f.polygons.length === 0)) return [];
    const crs = subject.info.crs;
    if (crs === null)
      return [{ ...base, messageKey: 'finding.restrictedZoneNoCrs', params: {}, where: {}, action: null }];
    const zones = zonesIn(params.zones, crs);
    return subject.kind === 'raster' ? rasterFindings(subject.info, zones) : vectorFindings(subject, zones);
  },
});
