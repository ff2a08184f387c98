import type { z } from 'zod';
import type { Finding, RasterInfo, SubjectText, VectorFeature, VectorInfo } from '../model/index.js';
import type { LocalFileParam } from './local-files.js';

export type { SubjectText };

interface SubjectBase {
  /** The file name (the main file of a set). */
  readonly name: string;
  /** The layer inside a multi-layer file; null for a single-layer format. */
  readonly layer: string | null;
  readonly texts: readonly SubjectText[];
  /**
   * What the dataset's files hide (ADR 0162): descriptive tags, sidecars, deleted records, free
   * pages, unreferenced bytes, each with its decoded text, from the format's inventory.
   */
  readonly hidden: readonly SubjectText[];
}

export interface RasterSubject extends SubjectBase {
  readonly kind: 'raster';
  readonly info: RasterInfo;
}

export interface VectorSubject extends SubjectBase {
  readonly kind: 'vector';
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
  /** Parameters that name local files the host reads before the profile loads (local-files.ts). */
  readonly localFiles?: readonly LocalFileParam[];
  check(subject: ReviewSubject, params: P): readonly Finding[];
}

/** Declares a rule with its parameter type inferred from its schema. */
export const defineRule = <P>(rule: ReviewRule<P>): ReviewRule<P> => rule;
