import type { Finding, FindingDecisionKind } from '../../model/index.js';
import type { ReviewProfile } from '../../review/profile.js';
import type { ReviewSubject } from '../../review/rule.js';
import { RELEASE_TRANSFORMS } from './registry.js';
import {
  answers,
  PlanRefusal,
  transformName,
  type NumberedFinding,
  type PlanInput,
  type ReleaseOutput,
  type ReleaseTransform,
  type StepParams,
} from './release-transform.js';

/** One step of a plan: a registered transform, its parameters, and the findings it answers. */
export interface PlanStep {
  /** `id@version`, as the lineage records it. */
  readonly transform: string;
  readonly id: string;
  readonly version: number;
  readonly params: StepParams;
  /** Finding numbers (1-based, in the review's order) this step answers. */
  readonly findings: readonly number[];
}

/** What a public version of one dataset will be made by, in order (ADR 0186). */
export interface ReleasePlan {
  readonly kind: ReviewSubject['kind'];
  readonly steps: readonly PlanStep[];
}

const fits = (t: ReleaseTransform, subject: ReviewSubject): boolean =>
  t.kind === 'writer' || t.kind === subject.kind;

function planStep(t: ReleaseTransform, input: PlanInput): PlanStep {
  // The transform's kind was matched to the subject's by `fits`.
  const params =
    t.kind === 'writer'
      ? t.plan(input)
      : t.kind === 'vector'
        ? t.plan(input as PlanInput<Extract<ReviewSubject, { kind: 'vector' }>>)
        : t.plan(input as PlanInput<Extract<ReviewSubject, { kind: 'raster' }>>);
  return {
    transform: transformName(t),
    id: t.id,
    version: t.version,
    params,
    findings: input.findings.map((f) => f.number),
  };
}

/** Refuses the findings no transform of `transforms` can answer, before anything is planned. */
function refuseUnanswerable(
  findings: readonly NumberedFinding[],
  transforms: readonly ReleaseTransform[],
): void {
  const numbers = (pick: (f: Finding) => boolean): number[] =>
    findings.filter((f) => pick(f.finding)).map((f) => f.number);
  const needsCurator = numbers(
    (f) => f.severity === 'blocking' && (f.action === null || f.action === 'refuse'),
  );
  if (needsCurator.length > 0) throw new PlanRefusal('needsCurator', needsCurator);
  const removesLayer = numbers((f) => f.action === 'remove-layer');
  if (removesLayer.length > 0) throw new PlanRefusal('removesLayer', removesLayer);
  const unanswered = findings.filter(
    ({ finding }) =>
      finding.action !== null && finding.action !== 'refuse' && !transforms.some((t) => answers(t, finding)),
  );
  const first = unanswered[0];
  if (first !== undefined)
    throw new PlanRefusal(
      'noTransform',
      unanswered.map((f) => f.number),
      { action: first.finding.action ?? '' },
    );
}

/**
 * The release plan for `subject` (the source as read again) from its approved review's
 * `findings` and the reviewer's `decisions` on them (by finding number): one step per registered
 * transform that answers a finding's action, in the registry's order, and the writer. A finding
 * the reviewer judged a false positive asks for nothing; every other one is answered by its
 * action or refuses the plan (a PlanRefusal thrown, with the finding numbers): a blocking finding
 * no transform can answer (the curator must act), a layer to remove whole, an action without a
 * transform here. Only the steps the findings need: a raster whose grid passes is only rewritten.
 * The writer writes `output` (the kind's default when absent).
 */
export function buildReleasePlan(
  subject: ReviewSubject,
  profile: ReviewProfile,
  findings: readonly Finding[],
  decisions: ReadonlyMap<number, FindingDecisionKind>,
  output?: ReleaseOutput,
): ReleasePlan {
  const open = findings
    .map((finding, i) => ({ number: i + 1, finding }))
    .filter((f) => decisions.get(f.number) !== 'false-positive');
  const transforms = RELEASE_TRANSFORMS.filter((t) => fits(t, subject));
  refuseUnanswerable(open, transforms);
  const steps = transforms.flatMap((t) => {
    const answered = open.filter((f) => answers(t, f.finding));
    return answered.length === 0 && t.always !== true
      ? []
      : [planStep(t, { subject, profile, findings: answered, output })];
  });
  return { kind: subject.kind, steps };
}

/** The plan's step inputs again, as its transforms are applied: the findings each step answers. */
export function stepInput(
  step: PlanStep,
  subject: ReviewSubject,
  profile: ReviewProfile,
  findings: readonly Finding[],
): PlanInput {
  return {
    subject,
    profile,
    findings: step.findings.flatMap((number) => {
      const finding = findings[number - 1];
      return finding === undefined ? [] : [{ number, finding }];
    }),
  };
}

export const transformOf = (step: PlanStep): ReleaseTransform | undefined =>
  RELEASE_TRANSFORMS.find((t) => transformName(t) === step.transform);
