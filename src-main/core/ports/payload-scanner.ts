import type { PatternEncoding, SecretPattern } from '../scan/secret-patterns.js';
import type { SecretKind } from '../scan/secret-inventory.js';

/** A withheld value found in a payload file: which file, what kind, how encoded, where. */
export interface PayloadHit {
  /** Path relative to the scanned directory, `/`-separated. */
  readonly file: string;
  readonly kind: SecretKind;
  readonly encoding: PatternEncoding | 'decimal' | 'float64';
  readonly offset: number;
}

/** The independent re-scan of written files (ADR 0178); implemented apart from every writer. */
export interface PayloadScanner {
  /** Every hit of `patterns` and of `coordinates` (as text or binary doubles) in the files under `dir`. */
  scanPayload(
    dir: string,
    patterns: readonly SecretPattern[],
    coordinates: ReadonlySet<string>,
  ): Promise<PayloadHit[]>;
}
