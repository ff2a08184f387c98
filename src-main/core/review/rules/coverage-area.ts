import { z } from 'zod';
import { groundAreaKm2 } from '../../crs/ground-area.js';
import { unitsToGroundMetres } from '../../crs/ground-scale.js';
import { extentOf } from '../../formats/vector-summary.js';
import type { CrsInfo, Extent, Finding } from '../../model/index.js';
import { continuousExtents } from '../continuous-areas.js';
import { defineRule, type ReviewSubject, type SubjectText } from '../rule.js';
import { statedScaleFindings } from '../stated-findings.js';
import { statedPrecisions } from '../stated-precision.js';
import { quantumMetres } from './position-precision.js';
import { isDem, pixelSizeMetres } from './raster-resolution.js';

const ID = 'coverage-area';
const VERSION = 1;

const paramsSchema = z.strictObject({
  /** Scales larger than 1:scaleDenominator are large-scale (自然资发〔2020〕95号: 1:5000). */
  scaleDenominator: z.number().positive().max(100_000_000),
  /** A large-scale area above this is blocking (km²; 95号: 25). */
  areaKm2: z.number().positive().max(100_000_000),
  /** Vector features closer than this on the ground make one continuous area (metres). */
  gapMetres: z.number().positive().max(1_000_000),
});

/**
 * The scale a measured precision stands for. Vectors and imagery: 0.1 mm on the map, so 0.5 m ↔
 * 1:5000 (the national DOM figures: 1:2000 ↔ 0.2 m, 1:10000 ↔ 1 m). DEM grids: 1:5000 ↔ 2.5 m,
 * 1:10000 ↔ 5 m, 1:50000 ↔ 25 m (the national DEM product figures), a grid × 2000.
 */
const SCALE_PER_METRE = { coordinates: 10_000, imagery: 10_000, dem: 2_000 } as const;

const statedScale = (texts: readonly SubjectText[]): number | null => {
  const scales = texts.flatMap((t) => statedPrecisions(t.text, t.part).flatMap((s) => s.scale ?? []));
  return scales.length === 0 ? null : Math.min(...scales);
};

/** The scale denominator the data itself stands for, or null when it cannot be measured. */
function measuredScale(subject: ReviewSubject, crs: CrsInfo): number | null {
  if (subject.kind === 'raster') {
    const metres = pixelSizeMetres(subject.info);
    if (metres === null) return null;
    return metres * (isDem(subject.info) ? SCALE_PER_METRE.dem : SCALE_PER_METRE.imagery);
  }
  const metres = quantumMetres(subject, crs);
  return metres === null ? null : metres * SCALE_PER_METRE.coordinates;
}

/** The continuous areas: a raster's whole grid; a vector layer's clusters of features. */
function areasOf(subject: ReviewSubject, crs: CrsInfo, gapMetres: number): Extent[] {
  if (subject.kind === 'raster') return subject.info.extent === null ? [] : [subject.info.extent];
  const extent = subject.info.extent ?? extentOf(subject.features);
  if (extent === null) return [];
  const scale = unitsToGroundMetres(crs, extent);
  return continuousExtents(subject.features, extent, gapMetres / Math.min(scale.x, scale.y));
}

const round3 = (v: number): number => Number(v.toPrecision(3));

/**
 * Large-scale coverage (DOMAIN.md; 自然资发〔2020〕95号; ADR 0164): data at a scale larger than
 * 1:scaleDenominator covering more than areaKm2 continuously is blocking, one finding per such
 * area. The scale is the larger of the one the texts state and the one the data stands for (see
 * SCALE_PER_METRE). A raster's continuous area is its grid's extent; a vector layer's are its
 * clusters of features (continuous-areas.ts). Ground area via the CRS (groundAreaKm2). The public
 * version masks the area or coarsens the data past the scale ('mask-area'; the precision and
 * resolution transforms do the latter, after which the re-review finds no large scale). A text
 * (record title or abstract, file or layer name) that states a scale larger than 1:scaleDenominator
 * is blocking too, whatever the area: the public version's record must not claim it (ADR 0164).
 */
export const coverageAreaRule = defineRule({
  id: ID,
  version: VERSION,
  params: paramsSchema,
  check(subject, params): readonly Finding[] {
    return [
      ...statedScaleFindings({ id: ID, version: VERSION }, subject.texts, params.scaleDenominator),
      ...areaFindings(subject, params),
    ];
  },
});

function areaFindings(subject: ReviewSubject, params: z.infer<typeof paramsSchema>): Finding[] {
  const crs = subject.info.crs;
  if (crs === null) return [];
  const scales = [statedScale(subject.texts), measuredScale(subject, crs)].filter((s) => s !== null);
  if (scales.length === 0) return [];
  const scale = Math.min(...scales);
  if (scale >= params.scaleDenominator) return [];
  return areasOf(subject, crs, params.gapMetres).flatMap((area): Finding[] => {
    const km2 = groundAreaKm2(crs, area);
    if (km2 <= params.areaKm2) return [];
    return [
      {
        ruleId: ID,
        ruleVersion: VERSION,
        severity: 'blocking',
        messageKey: 'finding.coverageArea',
        params: {
          scale: Math.max(1, round3(scale)),
          limit: params.scaleDenominator,
          area: round3(km2),
          threshold: params.areaKm2,
        },
        where: { area },
        action: 'mask-area',
      },
    ];
  });
}
