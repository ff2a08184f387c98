import type { BagProblem } from '../exchange/problems.js';

/** The steps of a package check, in the order they run. */
export const VERIFY_STEPS = ['paths', 'complete', 'checksums', 'signature'] as const;
export type VerifyStep = (typeof VERIFY_STEPS)[number];

/** One step of a package check with its problems. */
export interface StepCheck<Step extends string> {
  readonly step: Step;
  readonly ok: boolean;
  /** Message keys + params (bag-relative paths, line numbers), rendered by each host. */
  readonly problems: readonly BagProblem[];
}

/** What checking one exchange package found (ADR 0032): every step, each with its problems. */
export interface VerifyResult {
  readonly ok: boolean;
  readonly bag: string;
  readonly checks: readonly StepCheck<VerifyStep>[];
  /** Fingerprint of the key the signature verified with; null when it verified with none. */
  readonly signer: string | null;
}

/**
 * The receiving side's steps (DOMAIN.md, ADR 0177): the verifier's four, then the payload's
 * formats by content, the release level, and taking the package into the catalogue.
 */
export const RECEIVE_STEPS = [...VERIFY_STEPS, 'formats', 'level', 'ingest'] as const;
export type ReceiveStep = (typeof RECEIVE_STEPS)[number];

/** Size limits a received bag must keep within (checked from the directory walk, before hashing). */
export interface BagLimits {
  readonly maxFileBytes: number;
  readonly maxPayloadBytes: number;
  readonly maxFiles: number;
}
