import type { BagProblem } from '../exchange/problems.js';

/** The steps of a package check, in the order they run. */
export type VerifyStep = 'paths' | 'complete' | 'checksums' | 'signature';

/** What checking one exchange package found (ADR 0032): every step, each with its problems. */
export interface VerifyResult {
  readonly ok: boolean;
  readonly bag: string;
  readonly checks: readonly {
    readonly step: VerifyStep;
    readonly ok: boolean;
    /** Message keys + params (bag-relative paths, line numbers), rendered by each host. */
    readonly problems: readonly BagProblem[];
  }[];
}
