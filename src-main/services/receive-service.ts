import path from 'node:path';
import type { CallContext } from '../api/caller.js';
import { StrataError } from '../api/errors.js';
import type { ReceiveResult } from '../api/types.js';
import {
  BAG_INFO_LABELS,
  bagProblem,
  levelProblems,
  showPath,
  type BagProblem,
  type ReceivedMetadata,
} from '../core/exchange/index.js';
import {
  RECEIVE_STEPS,
  type BagLimits,
  type DatasetId,
  type ReceiveStep,
  type StepCheck,
  type VerifyResult,
} from '../core/model/index.js';
import type { ReceiptInput, RecordFieldsRow, StagedBag } from '../core/ports/index.js';
import type { JobContext, ServiceDeps } from './deps.js';
import { importFile } from './import-service.js';
import { NO_JOB } from './job-context.js';
import { checkFormats, type ReadableBag } from './receive-formats.js';

/** What a received bag may hold at most; a bigger one is refused before anything is hashed. */
export const RECEIVE_LIMITS: BagLimits = {
  maxFileBytes: 16 * 1024 ** 3,
  maxPayloadBytes: 64 * 1024 ** 3,
  maxFiles: 10_000,
};

const SKIPPED = bagProblem('bag.skipped');

/** Every step in order: the ones run with their problems, the rest skipped. */
function checksOf(ran: readonly (readonly BagProblem[])[]): StepCheck<ReceiveStep>[] {
  return RECEIVE_STEPS.map((step, i) => {
    const problems = ran[i];
    return problems === undefined
      ? { step, ok: false, problems: [SKIPPED] }
      : { step, ok: problems.length === 0, problems };
  });
}

/** The problems of the steps a check ran, in order (the skipped ones left out). */
const ranProblems = (result: VerifyResult): BagProblem[][] =>
  result.checks.filter((c) => c.problems[0]?.key !== SKIPPED.key).map((c) => [...c.problems]);

/** The copy's own check, each failed step saying the bag changed after the first check. */
function changedSince(copy: VerifyResult, first: VerifyResult): BagProblem[][] {
  const changed = (step: ReceiveStep): BagProblem =>
    bagProblem('bag.payloadChanged', { step: `verify.${step}` });
  const ran = ranProblems(copy).map((problems, i) =>
    problems.length > 0 ? [changed(RECEIVE_STEPS[i] ?? 'paths'), ...problems] : problems,
  );
  if (copy.ok && copy.signer !== first.signer) ran[ran.length - 1] = [changed('signature')];
  return ran;
}

const label = (staged: StagedBag, name: string): string | undefined =>
  staged.bagInfo.find(([l]) => l === name)?.[1];

/** The received record: the sender's public metadata, 公开, citing its source. */
const receivedRecord =
  (metadata: ReceivedMetadata, layers: number) =>
  (layerTitle: string): RecordFieldsRow => ({
    title: layers > 1 ? `${metadata.title} · ${layerTitle}` : metadata.title,
    abstract: metadata.abstract,
    level: '公开',
    period: '',
    attribution: metadata.attribution ?? metadata.organisation,
  });

interface Outcome {
  readonly ran: readonly (readonly BagProblem[])[];
  readonly datasets: readonly { readonly id: DatasetId; readonly title: string }[];
  readonly staged: StagedBag | null;
  readonly metadata: ReceivedMetadata | null;
}

async function ingest(
  deps: ServiceDeps,
  ctx: CallContext,
  staged: StagedBag,
  { metadata, dataFile, layers }: ReadableBag,
  job: JobContext,
): Promise<{ problems: BagProblem[]; datasets: Outcome['datasets'] }> {
  const earlier = staged.tagManifestSha256 ? await deps.store.receivedWith(staged.tagManifestSha256) : null;
  if (earlier)
    return {
      problems: [
        bagProblem('bag.alreadyReceived', { at: earlier.receivedAt, datasets: earlier.datasets.join(', ') }),
      ],
      datasets: [],
    };
  try {
    const imported = await importFile(deps, ctx, dataFile, job, {}, false, receivedRecord(metadata, layers));
    return {
      problems: [],
      datasets: [
        ...imported.summaries.map((s) => ({ id: s.id, title: s.title })),
        ...imported.duplicates.map((d) => ({ id: d.duplicateOf.id, title: d.duplicateOf.title })),
      ],
    };
  } catch (error) {
    if (!(error instanceof StrataError) || error.code === 'CANCELLED') throw error;
    const problem =
      typeof error.params['problem'] === 'string' ? error.params['problem'] : `error.${error.code}`;
    return {
      problems: [bagProblem('bag.importFailed', { path: showPath(metadata.dataFile), problem })],
      datasets: [],
    };
  }
}

async function runSteps(
  deps: ServiceDeps,
  ctx: CallContext,
  bagPath: string,
  keys: readonly string[],
  limits: BagLimits,
  job: JobContext,
): Promise<Outcome & { first: VerifyResult }> {
  const first = await deps.bags.verifyBag(bagPath, keys, limits);
  const none = { datasets: [], staged: null, metadata: null, first };
  if (!first.ok) return { ...none, ran: ranProblems(first) };
  const staged = await deps.bags.stageBag(
    bagPath,
    deps.workDir,
    keys,
    limits,
    job.step({ phase: 'receive' }),
  );
  const verified = changedSince(staged.verify, first);
  if (verified.some((p) => p.length > 0)) return { ...none, staged, ran: verified };
  const formats = await checkFormats(deps, staged);
  if ('problems' in formats) return { ...none, staged, ran: [...verified, formats.problems] };
  const { metadata } = formats;
  const level = levelProblems(label(staged, BAG_INFO_LABELS.releaseLevel), metadata.level);
  if (level.length > 0) return { ...none, staged, metadata, ran: [...verified, [], level] };
  const ingested = await ingest(deps, ctx, staged, formats, job);
  return {
    first,
    staged,
    metadata,
    datasets: ingested.datasets,
    ran: [...verified, [], [], ingested.problems],
  };
}

/**
 * Receives a package on the public side of the gateway (DOMAIN.md, ADR 0177): paths → complete →
 * checksums → signature against the pinned keys (the bag's own key is never used) → formats by
 * content → level 公开 → ingest. The bag is checked where it lies, then copied into a private
 * directory and checked again; everything after reads only the copy. A package that passes
 * becomes datasets with its public metadata as their first record; every package, refused or
 * not, gets a receipt and an audit entry. The bag itself is never changed.
 */
export async function receivePackage(
  deps: ServiceDeps,
  ctx: CallContext,
  bag: string,
  job: JobContext = NO_JOB,
): Promise<ReceiveResult> {
  const limits = deps.receiveLimits;
  const bagPath = path.resolve(bag);
  const keys = (await deps.trustedKeys.list()).map((k) => k.pem);
  const outcome = await runSteps(deps, ctx, bagPath, keys, limits, job);
  try {
    const checks = checksOf(outcome.ran);
    const ok = checks.every((c) => c.ok);
    const staged = outcome.staged;
    const receipt: ReceiptInput = {
      bag: path.basename(bagPath),
      tagManifestSha256: staged?.tagManifestSha256 ?? null,
      signer: outcome.first.signer,
      ok,
      failedStep: checks.find((c) => !c.ok)?.step ?? null,
      checks,
      datasets: outcome.datasets.map((d) => d.id),
      externalIdentifier: (staged && label(staged, BAG_INFO_LABELS.externalIdentifier)) ?? '',
      sourceOrganization: (staged && label(staged, BAG_INFO_LABELS.sourceOrganization)) ?? '',
      provenance: outcome.metadata
        ? {
            identifier: outcome.metadata.identifier,
            organisation: outcome.metadata.organisation,
            lineage: outcome.metadata.lineage,
            review: outcome.metadata.review,
          }
        : null,
      receivedBy: ctx.user,
    };
    const written = await deps.store.write(async (tx) => {
      const row = await tx.insertReceipt(receipt);
      await tx.appendAudit({
        actor: ctx.user,
        action: ok ? 'exchange.receive' : 'exchange.receive.refused',
        subject: null,
        details: {
          bag: receipt.bag,
          receipt: row.seq,
          signer: receipt.signer,
          ...(ok ? { datasets: receipt.datasets.join(' ') } : { step: receipt.failedStep }),
        },
      });
      return row;
    });
    return {
      ok,
      bag: bagPath,
      receipt: written.seq,
      checks,
      signer: outcome.first.signer,
      datasets: outcome.datasets,
    };
  } finally {
    await outcome.staged?.cleanup();
  }
}
