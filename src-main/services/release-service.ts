import type { CallContext } from '../api/caller.js';
import { FLATGEOBUF_CONTENT_TYPE, GEOJSON_CONTENT_TYPE } from '../api/display-copy.js';
import { mkdtemp, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { applyVectorPlan, type AppliedStep } from '../core/release/plan/apply-vector.js';
import type { ReleasePlan } from '../core/release/plan/build-plan.js';
import { PlanRefusal, type ReleaseOutput } from '../core/release/plan/release-transform.js';
import { publicAbstract, publicFileName } from '../core/release/public-texts.js';
import type { ReviewSubject } from '../core/review/rule.js';
import type { DatasetId, DatasetInfo, RasterInfo } from '../core/model/index.js';
import type { DatasetRow, LineageRow, RecordFieldsRow, ReviewRow } from '../core/ports/index.js';
import { StrataError } from '../api/errors.js';
import { renderMessage, type MessageKey } from '../api/messages.js';
import type { ReleaseResult } from '../api/types.js';
import type { JobContext, ServiceDeps } from './deps.js';
import { NO_JOB, enterStep, throwIfCancelled } from './job-context.js';
import { requireInUse, requireRecords } from './lookup.js';
import { parseSubject, withStagedSubject } from './subject.js';
import { reviewedAs } from './subject-record.js';
import { reviewSubject } from './review-service.js';
import { toLineage, toReviewReport, toSummary } from './dataset-view.js';
import { isScan, isTileRaster } from './working-copy.js';
import { requireSignedApproval } from './approval-check.js';
import { supersedePublicVersions } from './supersede-public.js';
import {
  planBasis,
  planOrRefuse,
  refusalError,
  type PlanBasis,
  type ProfileResolver,
} from './release-plan.js';

type Step = LineageRow['steps'][number];
type LineageStepId = MessageKey extends infer K ? (K extends `lineage.${infer Id}` ? Id : never) : never;

/**
 * A lineage step. Hosts show it from its id and params; the stored description is the archive's
 * record (in the archive language) that the exported ISO metadata quotes.
 */
const step = (id: LineageStepId, params: Step['params']): Step => ({
  step: id,
  params,
  description: renderMessage(`lineage.${id}`, params, 'zh-CN'),
});

async function writeFileDurably(file: string, text: string): Promise<void> {
  const temp = `${file}.partial`;
  const handle = await open(temp, 'w', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}

/** The sentence a public version's abstract ends with: what was done to it, in the archive language. */
const publicStatement = (steps: readonly Step[]): string =>
  renderMessage('publicVersion.abstract', { steps: steps.map((s) => s.description).join('；') }, 'zh-CN');

interface Written {
  readonly file: string;
  readonly steps: Step[];
  /** The layer (table) a multi-layer output holds it in; null for single-layer formats. */
  readonly layer: string | null;
}

/**
 * Most source pixels (per band) a public version is made from: 2^34, about 131,000 × 131,000. A
 * 100,000 × 100,000 DEM of a whole survey still passes; the resample runs in a worker thread with
 * progress and cancel (ADR 0085), roughly 15 s per 10^9 pixels on a 2-core machine, so this bounds
 * one release to a few minutes of work. Judged from the header before anything is decoded.
 */
export const RELEASE_MAX_SOURCE_PIXELS = 2 ** 34;

const grouped = (n: number): string => n.toLocaleString('en-US');

function refuseOverBudget(info: RasterInfo): void {
  if (info.width * info.height <= RELEASE_MAX_SOURCE_PIXELS) return;
  throw new StrataError('RELEASE_REFUSED', {
    reason: 'reason.rasterTooLarge',
    width: grouped(info.width),
    height: grouped(info.height),
    limit: grouped(RELEASE_MAX_SOURCE_PIXELS),
  });
}

/** A lineage step from a plan's step as applied: its transform, id, and what it records. */
const appliedStep = (applied: AppliedStep): Step => ({
  ...step(applied.id as LineageStepId, applied.params),
  transform: applied.transform,
});

async function writeRaster(
  deps: ServiceDeps,
  plan: ReleasePlan,
  title: string,
  subject: ReviewSubject,
  source: string,
  dir: string,
  job: JobContext,
): Promise<Written> {
  if (subject.kind !== 'raster') throw new Error('raster expected');
  const info = subject.info;
  // Only the steps its findings need (issue 9): a raster whose grid passes is written fresh on it.
  const resample = plan.steps.find((s) => s.id === 'resample-block-average');
  const target: readonly [number, number] =
    resample === undefined
      ? info.pixelSize
      : [Number(resample.params['resolution']), Number(resample.params['resolutionY'])];
  const file = path.join(dir, publicFileName(title, 'tif'));
  const written = await deps.raster.resampleToPublic(source, file, target, job.step({ phase: 'resample' }));
  // A paletted source is averaged in colour, not in palette indices: the lineage says so.
  const expanded = written.bandCount !== info.bandCount;
  return {
    file,
    layer: null,
    steps: plan.steps.flatMap((s): Step[] => [
      ...(expanded && s.id === 'resample-block-average'
        ? [step('expand-palette', { bands: written.bandCount })]
        : []),
      appliedStep({ transform: s.transform, id: s.id, params: s.params }),
    ]),
  };
}

async function writeVector(
  deps: ServiceDeps,
  basis: PlanBasis,
  plan: ReleasePlan,
  title: string,
  subject: ReviewSubject,
  dir: string,
  job: JobContext,
): Promise<Written> {
  if (subject.kind !== 'vector' || !subject.info.crs) throw new Error('vector with CRS expected');
  enterStep(job, { phase: 'write' });
  const crs = subject.info.crs;
  let applied: ReturnType<typeof applyVectorPlan>;
  try {
    applied = applyVectorPlan(plan, subject, basis.profile, basis.review.findings);
  } catch (error) {
    throw error instanceof PlanRefusal ? refusalError(error) : error;
  }
  const steps = applied.steps.map(appliedStep);
  if (writerFormat(plan) !== 'GeoPackage') {
    const file = path.join(dir, publicFileName(title, 'geojson'));
    await writeFileDurably(file, deps.vector.toGeoJson({ crs, features: applied.features }));
    return { file, steps, layer: null };
  }
  const file = path.join(dir, publicFileName(title, 'gpkg'));
  const table = path.basename(file).replace(/\.public\.gpkg$/, '');
  // The fields the features still carry, in the source's order: what drop-fields left.
  const kept = new Set(applied.features.flatMap((f) => Object.keys(f.properties)));
  await deps.vector.writeGeoPackage(file, {
    table,
    crs,
    fields: subject.info.fields.filter((f) => kept.has(f.name)),
    geometryType: subject.info.geometryType,
    features: applied.features,
    lastChange: deps.clock.now().toISOString(),
  });
  return { file, steps, layer: table };
}

/** The output format the plan's writer step names. */
const writerFormat = (plan: ReleasePlan): string =>
  String(plan.steps.find((s) => s.id === 'write-allow-list')?.params['format'] ?? '');

/**
 * How the map shows the public version: a GeoTIFF or GeoJSON as written, a GeoPackage through an
 * indexed FlatGeobuf display copy of what was read back (ADR 0150).
 */
async function displayOf(
  deps: ServiceDeps,
  subject: ReviewSubject,
  sha256: string,
): Promise<{ readonly key: string; readonly contentType: string }> {
  if (subject.kind === 'raster') return { key: sha256, contentType: 'image/tiff' };
  if (subject.layer === null || subject.info.crs === null)
    return { key: sha256, contentType: GEOJSON_CONTENT_TYPE };
  const copy = deps.vector.toDisplayCopy({
    name: subject.layer,
    crs: subject.info.crs,
    fields: subject.info.fields,
    features: subject.features,
  });
  return { key: (await deps.objects.putBytes(copy)).sha256, contentType: FLATGEOBUF_CONTENT_TYPE };
}

interface Released {
  readonly row: DatasetRow;
  readonly lineage: LineageRow;
  readonly review: ReviewRow;
  readonly record: RecordFieldsRow;
}

/** Stores the written public version with its lineage and review, in one transaction with its audit entry. */
async function storePublicVersion(
  deps: ServiceDeps,
  ctx: CallContext,
  released: Released,
  steps: readonly Step[],
): Promise<void> {
  const { row, lineage, review, record } = released;
  await deps.store.write(async (tx) => {
    await tx.insertDataset(row, record);
    await tx.insertLineage(lineage);
    await tx.insertReview(review);
    await supersedePublicVersions(deps, tx, ctx, lineage.sourceId, row.id);
    await tx.appendAudit({
      actor: ctx.user,
      action: 'release.create',
      subject: row.id,
      details: {
        sourceId: lineage.sourceId,
        sourceSha256: lineage.sourceSha256,
        sha256: row.sha256,
        steps: steps.map((s) => s.step).join(','),
        reviewId: review.id,
      },
    });
  });
}

/**
 * Produces the public version (公开版) of a dataset whose current review carries a reviewer's
 * signed approval (requireSignedApproval): runs the release plan built from that review's findings
 * and the reviewer's decisions (ADR 0186; one registered transform per step), writes the result fresh, re-reads and re-reviews it from disk, and only then stores it with its lineage.
 * A public version that would still have blocking findings is not kept; one that is kept withdraws
 * the public versions of the same original made before it (ADR 0183). Cancelling (CANCELLED)
 * keeps nothing: the scratch directory goes, and no object is stored once the job is cancelled.
 */
export async function createRelease(
  deps: ServiceDeps,
  ctx: CallContext,
  resolve: ProfileResolver,
  id: DatasetId,
  job: JobContext = NO_JOB,
  output?: ReleaseOutput,
): Promise<ReleaseResult> {
  const source = await requireInUse(deps, id);
  if (source.sourceId) throw new StrataError('RELEASE_REFUSED', { reason: 'reason.alreadyPublic' });
  if (!source.info.crs) throw new StrataError('RELEASE_REFUSED', { reason: 'reason.noCrs' });
  // A CRS without a grid (GCPs only) gives no place to resample or snap to: it must be rectified first.
  if (!source.info.extent) throw new StrataError('RELEASE_REFUSED', { reason: 'reason.notGeoreferenced' });
  // The resample reads GeoTIFF only: a scan or a GeoPackage tile table is resampled from its
  // working copy, which holds its decoded pixels georeferenced from its side files (ADR 0136) or
  // tile matrix (ADR 0181); one without a copy cannot be.
  const scan = isScan(source) || isTileRaster(source);
  if (scan && source.displayKey === source.sha256)
    throw new StrataError('RELEASE_REFUSED', { reason: 'reason.scanRelease', format: source.format });
  if (source.info.kind === 'raster') refuseOverBudget(source.info);
  // Made only from an original a reviewer approved, signed with their own key (ADR 0176).
  await requireSignedApproval(deps, source, 'RELEASE_REFUSED');
  // The plan answers the approved review's findings as the reviewer decided them (ADR 0186).
  const basis = await planBasis(deps, resolve, id);
  const { latest } = await requireRecords(deps, id);
  const dir = await mkdtemp(path.join(deps.workDir, 'release-'));
  try {
    const written = await withStagedSubject(deps, source, (subject, sourcePath) => {
      const plan = planOrRefuse(subject, basis, output);
      return source.kind === 'raster'
        ? writeRaster(
            deps,
            plan,
            latest.fields.title,
            subject,
            scan ? deps.objects.pathOf(source.displayKey) : sourcePath,
            dir,
            job,
          )
        : writeVector(deps, basis, plan, latest.fields.title, subject, dir, job);
    });
    throwIfCancelled(job);
    enterStep(job, { phase: 'review' });
    const record = {
      // The UI marks a public version in its own language; the stored title stays the curator's.
      title: latest.fields.title,
      // What the source's abstract says of its own precision does not go out (ADR 0164).
      abstract: publicAbstract(latest.fields.abstract, publicStatement(written.steps)),
      level: '公开' as const,
      period: '',
      // Every use cites the source: the public version names what its original names.
      attribution: latest.fields.attribution,
    };
    // Parsed again from disk: the re-review must see exactly what will be shipped, record included,
    // with the lineage it is stored with and whether the source's review is of the bytes it was made from.
    const history = {
      lineage: written.steps.length > 0,
      sourceReviewed: await reviewedAs(deps, id, source.sha256),
    };
    const reread = await parseSubject(deps, written.layer, path.basename(written.file), written.file, {
      fields: record,
      release: history,
    });
    throwIfCancelled(job);
    const stored = await deps.objects.putFile(written.file, job.step({ phase: 'store' }));
    const newId = deps.ids.datasetId();
    const review = reviewSubject(deps, ctx, basis.profile, newId, reread, stored.sha256);
    const report = toReviewReport(review);
    if (!report.passed) {
      throw new StrataError('RELEASE_REFUSED', {
        reason: 'reason.publicReviewFailed',
        count: report.blocking,
      });
    }
    const info: DatasetInfo = reread.info;
    const display = await displayOf(deps, reread, stored.sha256);
    const now = deps.clock.now().toISOString();
    const name = path.basename(written.file);
    const row: DatasetRow = {
      id: newId,
      name,
      kind: source.kind,
      format: info.kind === 'raster' ? 'GeoTIFF' : written.layer === null ? 'GeoJSON' : 'GeoPackage',
      layer: written.layer,
      info,
      sha256: stored.sha256,
      byteSize: stored.size,
      files: [{ name, sha256: stored.sha256, size: stored.size }],
      displayKey: display.key,
      displayContentType: display.contentType,
      valueRange: info.kind === 'raster' ? await deps.raster.valueRange(written.file, info) : null,
      sourceId: id,
      status: 'public-version',
      createdAt: now,
      createdBy: ctx.user,
    };
    const lineage: LineageRow = {
      datasetId: newId,
      sourceId: id,
      sourceSha256: source.sha256,
      steps: written.steps,
      author: ctx.user,
      createdAt: now,
    };
    await storePublicVersion(deps, ctx, { row, lineage, review, record }, written.steps);
    return {
      id: newId,
      sourceId: id,
      lineage: toLineage(lineage),
      review: report,
      dataset: toSummary(row, {
        datasetId: newId,
        version: 1,
        fields: record,
        author: ctx.user,
        createdAt: now,
      }),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
