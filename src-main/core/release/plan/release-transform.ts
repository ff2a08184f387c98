import type { Finding, FindingAction, VectorFeature } from '../../model/index.js';
import type { ReviewProfile } from '../../review/profile.js';
import type { RasterSubject, ReviewSubject, VectorSubject } from '../../review/rule.js';

/** A step's parameters: numbers and short labels, as lineage and messages carry them. */
export type StepParams = Readonly<Record<string, string | number>>;

/** A finding of the approved review with its number (1-based, in the review's order). */
export interface NumberedFinding {
  readonly number: number;
  readonly finding: Finding;
}

/** What a transform is planned from: the source as read again, the profile, the findings it answers. */
export interface PlanInput<S extends ReviewSubject = ReviewSubject> {
  readonly subject: S;
  readonly profile: ReviewProfile;
  readonly findings: readonly NumberedFinding[];
  /** The output format the curator chose; the writer's default for the kind when absent. */
  readonly output?: ReleaseOutput | undefined;
}

/** The formats a public version is written in (ADR 0186): the first of each kind is its default. */
export const RELEASE_OUTPUTS = { vector: ['GeoJSON', 'GeoPackage'], raster: ['GeoTIFF'] } as const;
export type ReleaseOutput = (typeof RELEASE_OUTPUTS)[keyof typeof RELEASE_OUTPUTS][number];
/** Every output format, for a contract's argument schema. */
export const RELEASE_OUTPUT_FORMATS: readonly [ReleaseOutput, ...ReleaseOutput[]] = [
  'GeoJSON',
  'GeoPackage',
  'GeoTIFF',
];

/**
 * Why a plan cannot make a dataset public (ADR 0186): a finding no transform can answer (the
 * curator must change the record or the data: a title, a missing 数据来源), one that removes the
 * whole layer (nothing is left to publish), one whose action this version has no transform for,
 * a transform that lacks what it needs (the profile's rule, a located feature), or an output
 * format the kind or the CRS cannot be written in.
 */
export type PlanRefusalKind =
  'needsCurator' | 'removesLayer' | 'noTransform' | 'profileLacksRule' | 'unlocated' | 'outputFormat';

export class PlanRefusal extends Error {
  constructor(
    readonly kind: PlanRefusalKind,
    readonly findings: readonly number[],
    readonly detail: StepParams = {},
  ) {
    super(`release plan refused: ${kind}`);
  }
}

interface TransformBase {
  /** Stable id; with the version it names the step in the plan and the lineage (`id@version`). */
  readonly id: string;
  readonly version: number;
  /** The finding actions this transform answers. */
  readonly answers: readonly FindingAction[];
  /** Findings it answers besides those actions (a coarsening answers a large-scale coverage's mask). */
  readonly answersFinding?: (finding: Finding) => boolean;
  /** Planned even when no finding asks for it (the writer: every output is written fresh). */
  readonly always?: boolean;
}

/** A transform over a vector layer's features, pure: planned from the findings, applied in core. */
export interface VectorTransform extends TransformBase {
  readonly kind: 'vector';
  /** The step's parameters (what the curator is shown), or a PlanRefusal thrown. */
  plan(input: PlanInput<VectorSubject>): StepParams;
  /** Applies the step; returns the features and the parameters its lineage records. */
  apply(
    features: readonly VectorFeature[],
    params: StepParams,
    input: PlanInput<VectorSubject>,
  ): { readonly features: readonly VectorFeature[]; readonly lineage: StepParams };
}

/** A transform over a raster, planned in core and run by the host's raster writer. */
export interface RasterTransform extends TransformBase {
  readonly kind: 'raster';
  plan(input: PlanInput<RasterSubject>): StepParams;
}

/** The writer that ends every plan (any kind): its parameters name the output format. */
export interface WriterTransform extends TransformBase {
  readonly kind: 'writer';
  plan(input: PlanInput): StepParams;
}

/** One registered public-version transform (one module each under transforms/). */
export type ReleaseTransform = VectorTransform | RasterTransform | WriterTransform;

/** Whether `transform` answers `finding`: by its action, or as the transform says. */
export const answers = (transform: TransformBase, finding: Finding): boolean =>
  (finding.action !== null && transform.answers.includes(finding.action)) ||
  transform.answersFinding?.(finding) === true;

export const transformName = (t: Pick<TransformBase, 'id' | 'version'>): string =>
  `${t.id}@${String(t.version)}`;
