import type { Extent, Finding, Geometry, Position, VectorFeature } from '../../model/index.js';
import { extentOf } from '../../formats/vector-summary.js';
import { z } from 'zod';
import { FeatureHits } from '../feature-hits.js';
import { statedScales } from '../map-scale.js';
import { defineRule, type VectorSubject } from '../rule.js';
import { compileTerms, normalizeText } from '../term-matcher.js';

const ID = 'graticule';
const VERSION = 1;

const paramsSchema = z.strictObject({
  /** Terms naming a graticule or kilometre-grid layer (经纬网, 方里网, graticule ...). */
  layerNames: z.array(z.string().min(1).max(100)).min(1).max(2000),
  /** The rule applies to maps at 1:maxScaleDenominator or larger (DOMAIN.md: 1:500,000). */
  maxScaleDenominator: z.number().int().positive(),
  /** Without a stated scale: 'apply' (fail closed) or 'skip'. */
  unstatedScale: z.enum(['apply', 'skip']),
  /** Fewest regularly spaced axis-parallel lines on each axis that make a grid. */
  minLinesPerAxis: z.number().int().min(2).max(1000),
});

export type GraticuleParams = z.infer<typeof paramsSchema>;

/**
 * A graticule label as the whole value: 38°30′, 108°15'30"E, N25°, 东经108°30′ (degrees with
 * optional minutes and seconds, a hemisphere letter or word before or after).
 */
const DMS_LABEL =
  /^(?<pre>[NSEW]|东经|西经|北纬|南纬)?\s*(?<deg>\d{1,3}(?:\.\d+)?)\s*°\s*(?:(?<min>\d{1,2}(?:\.\d+)?)\s*['′’]\s*)?(?:(?<sec>\d{1,2}(?:\.\d+)?)\s*(?:["″”]|'')\s*)?(?<post>[NSEW])?$/iu;
/** In degrees, how far outside the layer's extent a graticule label's value may lie. */
const LABEL_MARGIN_DEGREES = 1;
/** A kilometre label: 2 to 5 digits (38512, 2754). */
const KM_LABEL = /^\d{2,5}$/;
/** A kilometre label sits beside its grid line: its value × 1000 m within this of the point's x or y. */
const KM_LABEL_TOLERANCE_METRES = 1000;
/** Fewest label features that make a label set (one coincidence is not a graticule). */
const MIN_LABELS = 2;

/** How the rule decided the map's scale: a stated '1:N', or the message key 'scale.unstated'. */
type ScaleDecision = { readonly applies: false } | { readonly applies: true; readonly scale: string };

/**
 * The scale decision (ADR 0163): a scale stated in the record's title or abstract or in a name
 * decides, and the largest stated one counts (any stated scale at 1:max or larger applies);
 * without one the profile says. The coordinates cannot tell: a graticule is exact by construction.
 */
function decideScale(subject: VectorSubject, params: GraticuleParams): ScaleDecision {
  const stated = statedScales(subject.texts);
  if (stated.length === 0)
    return params.unstatedScale === 'apply' ? { applies: true, scale: 'scale.unstated' } : { applies: false };
  const largest = Math.min(...stated);
  return largest <= params.maxScaleDenominator
    ? { applies: true, scale: `1:${String(largest)}` }
    : { applies: false };
}

const linesOf = (g: Geometry | null): readonly (readonly Position[])[] => {
  if (g === null) return [];
  switch (g.type) {
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    case 'GeometryCollection':
      return g.geometries.flatMap(linesOf);
    default:
      return [];
  }
};

/** The constant coordinate of an axis-parallel line: x of a vertical one, y of a horizontal one. */
function axisParallel(
  line: readonly Position[],
  tolerance: number,
): { axis: 'x' | 'y'; value: number } | null {
  const first = line[0];
  if (first === undefined || line.length < 2) return null;
  const [x0 = 0, y0 = 0] = first;
  if (line.every((p) => Math.abs((p[0] ?? 0) - x0) <= tolerance)) return { axis: 'x', value: x0 };
  if (line.every((p) => Math.abs((p[1] ?? 0) - y0) <= tolerance)) return { axis: 'y', value: y0 };
  return null;
}

/** Whether distinct line positions are at least `min` and evenly spaced (gaps allowed as whole multiples). */
function regular(values: readonly number[], tolerance: number, min: number): boolean {
  const sorted = [...values].sort((a, b) => a - b);
  const distinct = sorted.filter((v, i) => i === 0 || v - (sorted[i - 1] ?? v) > tolerance);
  if (distinct.length < min) return false;
  const gaps = distinct.slice(1).map((v, i) => v - (distinct[i] ?? v));
  const interval = Math.min(...gaps);
  return gaps.every((g) => Math.abs(g / interval - Math.round(g / interval)) <= 1e-3);
}

/** Features that are all axis-parallel lines, when those lines form a regular grid on both axes. */
function gridLines(features: readonly VectorFeature[], extent: Extent, min: number): FeatureHits | null {
  const tolerance = Math.max(extent[2] - extent[0], extent[3] - extent[1]) * 1e-6;
  const values = { x: [] as number[], y: [] as number[] };
  const hits = new FeatureHits();
  features.forEach((f, i) => {
    const lines = linesOf(f.geometry).map((l) => axisParallel(l, tolerance));
    if (lines.length === 0 || lines.some((l) => l === null)) return;
    for (const l of lines) if (l !== null) values[l.axis].push(l.value);
    hits.add(i);
  });
  return regular(values.x, tolerance, min) && regular(values.y, tolerance, min) ? hits : null;
}

const pointOf = (g: Geometry | null): Position | null => (g?.type === 'Point' ? g.coordinates : null);

const nearLine = (km: number, at: Position): boolean =>
  [at[0] ?? NaN, at[1] ?? NaN].some((c) => Math.abs(c - km * 1000) <= KM_LABEL_TOLERANCE_METRES);

/** What decides whether a value is a label: the CRS kind and the layer's extent. */
interface LabelContext {
  readonly metric: boolean;
  /** Degree ranges [min, max] of x and y in a geographic CRS, widened by LABEL_MARGIN_DEGREES; else null. */
  readonly degrees: readonly (readonly [number, number])[] | null;
}

/**
 * Whether a DMS text is a graticule label and not an angle (a dip of 35°): in a geographic CRS its
 * value lies within the layer's longitudes or latitudes; otherwise it has minutes, a hemisphere,
 * or more than 90 degrees (a longitude: no dip or latitude is).
 */
function isDmsLabel(text: string, context: LabelContext): boolean {
  const g = DMS_LABEL.exec(normalizeText(text).trim())?.groups;
  if (g === undefined) return false;
  const value = Number(g['deg']) + Number(g['min'] ?? 0) / 60 + Number(g['sec'] ?? 0) / 3600;
  if (context.degrees !== null) return context.degrees.some(([min, max]) => value >= min && value <= max);
  return g['min'] !== undefined || g['pre'] !== undefined || g['post'] !== undefined || value > 90;
}

/**
 * Whether a value labels a graticule line (DMS: it holds a degree sign) or, at a point in a metre
 * CRS, the km grid line beside it. The cheap tests come first: most values are neither.
 */
function isLabel(value: unknown, at: Position | null, context: LabelContext): boolean {
  if (typeof value === 'string') {
    if (value.includes('°')) return isDmsLabel(value, context);
    if (!context.metric || at === null || value.length > 7) return false;
    const text = value.trim();
    return KM_LABEL.test(text) && nearLine(Number(text), at);
  }
  if (typeof value !== 'number' || !context.metric || at === null) return false;
  return Number.isInteger(value) && value >= 10 && value <= 99_999 && nearLine(value, at);
}

/**
 * Label features per field: the first field (in field order) whose value is a graticule or km
 * label claims the feature. Field by field (one property name per loop keeps look-ups fast).
 */
function labels(subject: VectorSubject, extent: Extent | null): Map<string, FeatureHits> {
  const crs = subject.info.crs;
  // Labels print magnitudes (108°, 30°S): the range of |value| over the extent's side, widened.
  const widen = (a: number, b: number) => {
    const low = a <= 0 && b >= 0 ? 0 : Math.min(Math.abs(a), Math.abs(b));
    return [low - LABEL_MARGIN_DEGREES, Math.max(Math.abs(a), Math.abs(b)) + LABEL_MARGIN_DEGREES] as const;
  };
  const context: LabelContext = {
    metric: crs !== null && !crs.geographic && crs.metresPerUnit === 1,
    degrees:
      crs?.geographic === true && extent !== null
        ? [widen(extent[0], extent[2]), widen(extent[1], extent[3])]
        : null,
  };
  const features = subject.features;
  const claimed = new Uint8Array(features.length);
  const byField = new Map<string, FeatureHits>();
  for (const { name } of subject.info.fields) {
    const hits = new FeatureHits();
    for (let i = 0; i < features.length; i += 1) {
      const f = features[i] as VectorFeature;
      if (claimed[i] === 1 || !isLabel(f.properties[name], pointOf(f.geometry), context)) continue;
      claimed[i] = 1;
      hits.add(i);
    }
    if (hits.count > 0) byField.set(name, hits);
  }
  return byField;
}

const base = { ruleId: ID, ruleVersion: VERSION, severity: 'blocking' } as const;

/**
 * Graticule and kilometre grid (DOMAIN.md; 国土资发〔2005〕215号: removed from non-secret geological
 * maps at 1:500,000 or larger; ADR 0163): a layer named as one, a line layer whose lines are
 * axis-parallel at a constant interval on both axes, and label points or texts (38°30′, km numbers
 * beside their line). The scale comes from the texts (see decideScale).
 */
export const graticuleRule = defineRule({
  id: ID,
  version: VERSION,
  params: paramsSchema,
  check(subject, params): readonly Finding[] {
    if (subject.kind !== 'vector') return [];
    const decision = decideScale(subject, params);
    if (!decision.applies) return [];
    const scale = decision.scale;
    const names = compileTerms(params.layerNames);
    const named = subject.texts
      .filter((t) => t.part === 'layer-name' || t.part === 'file-name')
      .flatMap((t): Finding[] => {
        const keyword = names.find(t.text);
        if (keyword === null) return [];
        const where = { part: t.part, ...(t.name === undefined ? {} : { name: t.name }) };
        return [
          {
            ...base,
            messageKey: 'finding.graticuleLayer',
            params: { keyword, scale },
            where,
            action: 'remove-layer',
          },
        ];
      })
      // One name is enough: the layer goes whole (a record titled as its layer says it again).
      .slice(0, 1);
    if (named.length > 0) return named;
    const total = subject.features.length;
    const action = (hits: FeatureHits) => (hits.count === total ? 'remove-layer' : 'remove-features');
    const extent = subject.info.extent ?? extentOf(subject.features);
    const grid = extent === null ? null : gridLines(subject.features, extent, params.minLinesPerAxis);
    const lines: Finding[] =
      grid === null
        ? []
        : [
            {
              ...base,
              messageKey: 'finding.graticuleLines',
              params: { scale },
              where: grid.where(),
              action: action(grid),
            },
          ];
    const labelled = [...labels(subject, extent)]
      .filter(([, hits]) => hits.count >= MIN_LABELS)
      .map(([field, hits]): Finding => ({
        ...base,
        messageKey: 'finding.graticuleLabels',
        params: { scale },
        where: { field, ...hits.where() },
        action: action(hits),
      }));
    return [...lines, ...labelled];
  },
});
