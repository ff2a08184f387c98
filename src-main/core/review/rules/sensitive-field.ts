import { unitsToGroundMetres } from '../../crs/ground-scale.js';
import { isMultiple } from '../../crs/quantum.js';
import { extentOf } from '../../formats/vector-summary.js';
import type { Extent, Finding, VectorFeature } from '../../model/index.js';
import { z } from 'zod';
import { defineRule } from '../rule.js';
import { compileTerms } from '../term-matcher.js';

const ID = 'sensitive-field';
const VERSION = 1;

const paramsSchema = z.strictObject({
  /** Field-name terms of sensitive attributes: reserves, grades, coordinates, depths, personal numbers. */
  fieldPatterns: z.array(z.string().min(1).max(100)).min(1).max(2000),
  /** A numeric field whose values lie in the layer's extent on an axis finer than this on the ground holds coordinates (DOMAIN.md: 50 m). */
  coordinateMetres: z.number().positive().max(100_000),
  /** Fewest numeric values a field needs before its values are judged as coordinates. */
  minValues: z.number().int().min(2).max(1_000_000),
});

/** Share of a field's values that must lie in the extent's range on the axis. */
const INSIDE_SHARE = 0.9;
/** The extent's range on an axis is widened by this share of its span on each side. */
const MARGIN = 0.1;
/** Decimal steps from 1e-10 to 1e6 CRS units, coarsest first (powers of ten divide each other). */
const DECIMAL_STEPS = Array.from({ length: 17 }, (_, i) => Number(`1e${String(6 - i)}`));

/** The coarsest power of ten every value is a multiple of (1e-10 when finer than that). */
function decimalQuantum(values: readonly number[]): number {
  let index = 0;
  for (const v of values) {
    while (index < DECIMAL_STEPS.length - 1 && !isMultiple(v, DECIMAL_STEPS[index] ?? 1)) index += 1;
  }
  return DECIMAL_STEPS[index] ?? 1e-10;
}

const numbersOf = (features: readonly VectorFeature[], field: string): number[] => {
  const out: number[] = [];
  for (const f of features) {
    const v = f.properties[field];
    if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  }
  return out;
};

/** Whether `values` lie (mostly) within [min, max] widened by the margin, and are not all one value. */
function inRange(values: readonly number[], min: number, max: number): boolean {
  const margin = Math.max((max - min) * MARGIN, Math.abs(max) * 1e-9);
  const inside = values.filter((v) => v >= min - margin && v <= max + margin).length;
  return inside >= values.length * INSIDE_SHARE && values.some((v) => v !== values[0]);
}

const round3 = (v: number): number => Number(v.toPrecision(3));

/**
 * The axis (x or y) a numeric field's values are coordinates on, with their ground precision, or
 * null: the values lie in the layer's extent on that axis and are quantised finer than `metres`.
 */
function coordinateAxis(
  values: readonly number[],
  extent: Extent,
  perUnit: { x: number; y: number },
  metres: number,
): { axis: 'x' | 'y'; precision: number } | null {
  for (const axis of ['x', 'y'] as const) {
    const [min, max] = axis === 'x' ? [extent[0], extent[2]] : [extent[1], extent[3]];
    if (!inRange(values, min, max)) continue;
    const precision = decimalQuantum(values) * perUnit[axis];
    if (precision < metres * (1 - 1e-9)) return { axis, precision };
  }
  return null;
}

const base = { ruleId: ID, ruleVersion: VERSION, severity: 'blocking', action: 'drop-field' } as const;

/**
 * Sensitive attribute fields (DOMAIN.md: reserves, grades, precise X/Y kept in attributes ...; ADR
 * 0163): a field whose name holds a configured term, and a numeric field whose values are
 * coordinates whatever its name (they lie within the layer's extent on an axis and are quantised
 * finer than `coordinateMetres` on the ground). One finding per field; the public version drops it.
 */
export const sensitiveFieldRule = defineRule({
  id: ID,
  version: VERSION,
  params: paramsSchema,
  check(subject, params): readonly Finding[] {
    if (subject.kind !== 'vector') return [];
    const patterns = compileTerms(params.fieldPatterns);
    const crs = subject.info.crs;
    const extent = subject.info.extent ?? extentOf(subject.features);
    const perUnit = crs === null ? null : unitsToGroundMetres(crs, extent);
    return subject.info.fields.flatMap((field): Finding[] => {
      const pattern = patterns.find(field.name);
      if (pattern !== null)
        return [
          {
            ...base,
            messageKey: 'finding.sensitiveField',
            params: { pattern },
            where: { field: field.name },
          },
        ];
      if (perUnit === null || extent === null || field.type !== 'number') return [];
      const values = numbersOf(subject.features, field.name);
      if (values.length < params.minValues) return [];
      const found = coordinateAxis(values, extent, perUnit, params.coordinateMetres);
      if (found === null) return [];
      return [
        {
          ...base,
          messageKey: 'finding.coordinateField',
          params: {
            axis: found.axis,
            precision: round3(found.precision),
            threshold: params.coordinateMetres,
          },
          where: { field: field.name },
        },
      ];
    });
  },
});
