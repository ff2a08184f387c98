import { unitsToGroundMetres } from '../../crs/ground-scale.js';
import { GRID_LADDER, type GridStep, isMultiple, stepDivides } from '../../crs/quantum.js';
import type { CrsInfo, Finding, Position, VectorFeature } from '../../model/index.js';
import { extentOf, forEachPosition } from '../../formats/vector-summary.js';
import { z } from 'zod';
import { defineRule, type VectorSubject } from '../rule.js';
import { statedPrecisionFindings } from '../stated-findings.js';

const ID = 'position-precision';
const VERSION = 2;

/** Ladder steps finer than each step that also divide it, coarsest first (see estimateQuantum). */
const FINER_DIVISORS: readonly (readonly number[])[] = GRID_LADDER.map((step, i) =>
  GRID_LADDER.slice(0, i)
    .map((s, j) => [s, j] as const)
    .filter(([s]) => stepDivides(s, step))
    .map(([, j]) => j)
    .reverse(),
);

/**
 * Estimates the coordinate quantum: the coarsest 1-2-5 ladder step (CRS units) of which every x
 * and y is a multiple. One pass; when a value is not a multiple of the current step the estimate
 * moves to the largest finer step that divides the current one and the value (the ladder steps
 * dividing a number are closed under lcm, so this finds the overall coarsest step). Returns null
 * when there are no coordinates and 'finer' when some value is finer than the whole ladder.
 */
export function estimateQuantum(features: readonly VectorFeature[]): GridStep | null | 'finer' {
  const state = { index: GRID_LADDER.length - 1, seen: false, finer: false };
  const check = (v: number): void => {
    if (isMultiple(v, GRID_LADDER[state.index]?.value ?? NaN)) return;
    const next = (FINER_DIVISORS[state.index] ?? []).find((j) => isMultiple(v, GRID_LADDER[j]?.value ?? NaN));
    if (next === undefined) state.finer = true;
    else state.index = next;
  };
  const visit = (p: Position): void => {
    if (state.finer) return;
    state.seen = true;
    check(p[0] ?? 0);
    check(p[1] ?? 0);
  };
  for (const f of features) {
    if (f.geometry !== null) forEachPosition(f.geometry, visit);
    if (state.finer) return 'finer';
  }
  return state.seen ? (GRID_LADDER[state.index] ?? null) : null;
}

const round3 = (v: number): number => Number(v.toPrecision(3));

/**
 * Position precision (DOMAIN.md "What a secrecy review checks"): coordinates quantised finer than
 * the profile's `metres` are blocking; the public version snaps them to a coarser grid
 * ('degrade-coordinates'). Ground metres per CRS unit come from `unitsToGroundMetres` over the
 * layer's extent, finer axis (nominal for true-scale projections; for Mercator and degrees the
 * finest anywhere in the extent). No CRS → blocking 'finding.noCrs' (precision cannot be judged).
 * Version 2 also reads the texts (record title and abstract, file and layer names): one that
 * states a grid, resolution or accuracy finer than `metres` is blocking (ADR 0164; stated scales
 * are coverage-area's).
 */
export const positionPrecisionRule = defineRule({
  id: ID,
  version: VERSION,
  params: z.strictObject({
    /** Coordinates finer than this on the ground are blocking (DOMAIN.md: 50 m). */
    metres: z.number().positive().max(100_000),
  }),
  check(subject, params): readonly Finding[] {
    if (subject.kind !== 'vector') return [];
    return [
      ...coordinateFindings(subject, params.metres),
      ...statedPrecisionFindings({ id: ID, version: VERSION }, subject.texts, params.metres),
    ];
  },
});

/**
 * estimateQuantum once per feature list: the scan is the costliest part of a vector review, and
 * coverage-area needs the same figure (a pure function of the list, so remembering it is safe).
 */
const quanta = new WeakMap<readonly VectorFeature[], GridStep | null | 'finer'>();
function quantumOf(features: readonly VectorFeature[]): GridStep | null | 'finer' {
  const known = quanta.get(features);
  if (known !== undefined) return known;
  const quantum = estimateQuantum(features);
  quanta.set(features, quantum);
  return quantum;
}

/**
 * The coordinate quantum on the ground, metres: the estimated step × ground metres per unit over
 * the layer's extent, finer axis (a quantum finer than the whole ladder counts as its finest step).
 * null without coordinates.
 */
export function quantumMetres(subject: VectorSubject, crs: CrsInfo): number | null {
  const quantum = quantumOf(subject.features);
  if (quantum === null) return null;
  const scale = unitsToGroundMetres(crs, subject.info.extent ?? extentOf(subject.features));
  const step = quantum === 'finer' ? (GRID_LADDER[0]?.value ?? 0) : quantum.value;
  return step * Math.min(scale.x, scale.y);
}

function coordinateFindings(subject: VectorSubject, threshold: number): Finding[] {
  const base = { ruleId: ID, ruleVersion: VERSION, severity: 'blocking', where: {} } as const;
  const crs = subject.info.crs;
  if (crs === null) return [{ ...base, messageKey: 'finding.noCrs', params: {}, action: null }];
  const precision = quantumMetres(subject, crs);
  if (precision === null) return [];
  if (precision >= threshold * (1 - 1e-9)) return [];
  return [
    {
      ...base,
      messageKey: 'finding.positionPrecision',
      params: { precision: round3(precision), threshold },
      action: 'degrade-coordinates',
    },
  ];
}
