import { MAX_LOCATED_FEATURES, type FindingLocation } from '../model/index.js';

/**
 * The features a rule found something in, collected in layer order: the first
 * `MAX_LOCATED_FEATURES` numbers (1..N) and how many in all (ADR 0161).
 */
export class FeatureHits {
  private readonly numbers: number[] = [];
  private total = 0;

  /** Adds the feature at `index` (0-based, in layer order; each index once, ascending). */
  add(index: number): void {
    this.total += 1;
    if (this.numbers.length < MAX_LOCATED_FEATURES) this.numbers.push(index + 1);
  }

  get count(): number {
    return this.total;
  }

  /** The location of the hits: `features` and `featureCount`. */
  where(): Pick<FindingLocation, 'features' | 'featureCount'> {
    return { features: [...this.numbers], featureCount: this.total };
  }
}

/** Marks features hit by any of several findings: whether together they cover the whole layer. */
export class Coverage {
  private readonly marks: Uint8Array;
  private marked = 0;

  constructor(readonly total: number) {
    this.marks = new Uint8Array(total);
  }

  mark(index: number): void {
    if (this.marks[index] === 1) return;
    this.marks[index] = 1;
    this.marked += 1;
  }

  /** True when every feature is hit (and there is at least one). */
  get whole(): boolean {
    return this.total > 0 && this.marked === this.total;
  }
}
