/**
 * Metres per degree along a meridian (mean): the fallback measure of a degree when a layer has no
 * extent to measure on (ground-scale.ts measures degrees at the extent's poleward edge otherwise).
 */
export const METRES_PER_DEGREE = 111_320;

/** One step of the 1-2-5 decimal ladder: value = mantissa × 10^exponent (CRS units). */
export interface GridStep {
  readonly mantissa: 1 | 2 | 5;
  readonly exponent: number;
  readonly value: number;
  /** Decimal places needed to print a multiple of the step exactly (0 for steps ≥ 1). */
  readonly decimals: number;
}

const MIN_EXPONENT = -10;
const MAX_EXPONENT = 6;

/** The 1-2-5 ladder from 1e-10 to 5e6 CRS units, finest first. */
export const GRID_LADDER: readonly GridStep[] = (() => {
  const steps: GridStep[] = [];
  for (let e = MIN_EXPONENT; e <= MAX_EXPONENT; e += 1) {
    for (const m of [1, 2, 5] as const) {
      steps.push({
        mantissa: m,
        exponent: e,
        value: Number(`${String(m)}e${String(e)}`),
        decimals: Math.max(0, -e),
      });
    }
  }
  return steps;
})();

/** True when step `a` divides step `b` exactly (both from the ladder). */
export function stepDivides(a: GridStep, b: GridStep): boolean {
  const scaled = b.mantissa * 10 ** (b.exponent - a.exponent);
  return b.exponent >= a.exponent && Number.isInteger(scaled / a.mantissa);
}

/**
 * True when `v` is an integer multiple of `step` up to float noise: a decimal read into a double,
 * the step's own rounding and the division each add at most ~1.1e-16 relative error to v/step.
 */
export function isMultiple(v: number, step: number): boolean {
  const r = v / step;
  const tolerance = 1e-9 + Math.abs(r) * 1e-15;
  return Math.abs(r - Math.round(r)) <= tolerance;
}

/**
 * The finest ladder step (in CRS units) that is at least `metres` long, given the ground metres per
 * CRS unit (`unitsToGroundMetres`, the finer axis).
 */
export function stepForMetres(perUnit: number, metres: number): GridStep {
  const last = GRID_LADDER[GRID_LADDER.length - 1] as GridStep;
  return GRID_LADDER.find((s) => s.value * perUnit >= metres * (1 - 1e-9)) ?? last;
}
