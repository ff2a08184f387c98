import type { z } from 'zod';
import type { Finding, RasterInfo, VectorFeature, VectorInfo } from '../model/index.js';

export interface RasterSubject {
  readonly kind: 'raster';
  readonly name: string;
  readonly info: RasterInfo;
}

export interface VectorSubject {
  readonly kind: 'vector';
  readonly name: string;
  readonly info: VectorInfo;
  readonly features: readonly VectorFeature[];
}

/** What a review looks at: parsed from the bytes on disk, never from the catalogue's say-so. */
export type ReviewSubject = RasterSubject | VectorSubject;

/**
 * One secrecy-review check (ADR 0160): a stable id and version, the schema of the parameters a
 * profile gives it (validated when the profile loads), and a pure check over one subject.
 */
export interface ReviewRule<P = unknown> {
  readonly id: string;
  readonly version: number;
  readonly params: z.ZodType<P>;
  check(subject: ReviewSubject, params: P): readonly Finding[];
}

/** Declares a rule with its parameter type inferred from its schema. */
export const defineRule = <P>(rule: ReviewRule<P>): ReviewRule<P> => rule;
