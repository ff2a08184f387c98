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
  /**
   * The marking its catalogue record gives it and, for a public version, its release history
   * (the `marking` rule). Filled by the host when it reads the subject for a review, with its
   * record; absent when read for its data alone, and then nothing counts as marked.
   */
  readonly marking?: SubjectMarking;
}

/** What the catalogue says of a subject's marking (DOMAIN.md: 密级, 保密期限, 数据来源, lineage). */
export interface SubjectMarking {
  /** 密级 as recorded: one of SECRECY_LEVELS unless the row was written around the application. */
  readonly level: string;
  /** 保密期限 as recorded: empty (the level's default), `N年` or `长期`. */
  readonly period: string;
  /** 数据来源: whom every use of the data must cite. */
  readonly attribution: string;
  /** For a public version (公开版): what its release history holds; null for an original. */
  readonly release: ReleaseHistory | null;
}

/** What the catalogue holds of how a public version came to be. */
export interface ReleaseHistory {
  /** A lineage names its source (not itself) and at least one step. */
  readonly lineage: boolean;
  /** The source has a review record of the very bytes the lineage was made from. */
  readonly sourceReviewed: boolean;
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
