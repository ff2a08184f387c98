import { mkdtemp, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { degradeCoordinates } from '../core/release/vector-degrade.js';
import { targetPixelSize } from '../core/review/rules/raster-resolution.js';
import type { ReviewProfile } from '../core/review/profile.js';
import type { ReviewSubject } from '../core/review/rule.js';
import type { DatasetId, DatasetInfo } from '../core/model/index.js';
import type { DatasetRow, LineageRow } from '../core/ports/index.js';
import { StrataError } from '../api/errors.js';
import { translate } from '../api/messages.js';
import type { ReleaseResult } from '../api/types.js';
import type { JobContext, ServiceDeps } from './ports.js';
import { NO_JOB, enterStep, throwIfCancelled } from './job-context.js';
import { requireDataset, requireRecords } from './lookup.js';
import { loadSubject } from './subject.js';
import { reviewSubject } from './review-service.js';
import { toLineage, toReviewReport, toSummary } from './dataset-view.js';

type Step = LineageRow['steps'][number];

const step = (id: string, key: string, params: Step['params']): Step => ({
  step: id,
  params,
  description: translate(key, params, 'zh-CN'),
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

interface Written {
  readonly file: string;
  readonly steps: Step[];
}

async function writeRaster(
  deps: ServiceDeps,
  profile: ReviewProfile,
  row: DatasetRow,
  subject: ReviewSubject,
  dir: string,
  job: JobContext,
): Promise<Written> {
  if (subject.kind !== 'raster') throw new Error('raster expected');
  const info = subject.info;
  const target = targetPixelSize(info, profile.settings) ?? info.pixelSize;
  const file = path.join(dir, `${path.parse(row.name).name}.public.tif`);
  await deps.raster.resampleToPublic(
    deps.objects.pathOf(row.sha256),
    file,
    target,
    job.step({ phase: 'resample' }),
  );
  const unit = info.crs?.geographic ? '°' : 'm';
  return {
    file,
    steps: [
      step('resample-block-average', 'lineage.resampleBlockAverage', { resolution: target[0], unit }),
      step('write-allow-list', 'lineage.copyAllowed', {}),
    ],
  };
}

async function writeVector(
  deps: ServiceDeps,
  profile: ReviewProfile,
  row: DatasetRow,
  subject: ReviewSubject,
  dir: string,
  job: JobContext,
): Promise<Written> {
  if (subject.kind !== 'vector' || !subject.info.crs) throw new Error('vector with CRS expected');
  enterStep(job, { phase: 'write' });
  const crs = subject.info.crs;
  const degraded = degradeCoordinates(subject.features, crs, profile.settings.positionPrecisionMetres);
  const file = path.join(dir, `${path.parse(row.name).name}.public.geojson`);
  await writeFileDurably(file, deps.vector.toGeoJson({ crs, features: degraded.features }));
  return {
    file,
    steps: [
      step('degrade-coordinates', 'lineage.degradeCoordinates', { grid: degraded.grid, unit: degraded.unit }),
      step('write-allow-list', 'lineage.copyAllowed', {}),
    ],
  };
}

/** Parses the written output again from disk — the re-review must see what will be shipped. */
async function reread(deps: ServiceDeps, file: string, kind: DatasetRow['kind']): Promise<ReviewSubject> {
  const name = path.basename(file);
  if (kind === 'raster') return { kind, name, info: await deps.raster.readInfo(file) };
  const read = await deps.vector.read(file);
  return { kind, name, info: read.info, features: read.features };
}

/**
 * Produces the public version (公开版) of a dataset: applies the profile's transforms, writes the
 * result fresh, re-reads and re-reviews it from disk, and only then stores it with its lineage.
 * A public version that would still have blocking findings is not kept. Cancelling (CANCELLED)
 * keeps nothing: the scratch directory goes, and no object is stored once the job is cancelled.
 */
export async function createRelease(
  deps: ServiceDeps,
  profile: ReviewProfile,
  id: DatasetId,
  job: JobContext = NO_JOB,
): Promise<ReleaseResult> {
  const row = await requireDataset(deps, id);
  if (row.sourceId) throw new StrataError('RELEASE_REFUSED', { reason: 'reason.alreadyPublic' });
  if (!row.info.crs) throw new StrataError('RELEASE_REFUSED', { reason: 'reason.noCrs' });
  const { latest } = await requireRecords(deps, id);
  const subject = await loadSubject(deps, row);

  const dir = await mkdtemp(path.join(deps.workDir, 'release-'));
  try {
    const written =
      row.kind === 'raster'
        ? await writeRaster(deps, profile, row, subject, dir, job)
        : await writeVector(deps, profile, row, subject, dir, job);
    throwIfCancelled(job);
    enterStep(job, { phase: 'review' });
    const output = await reread(deps, written.file, row.kind);
    throwIfCancelled(job);
    const stored = await deps.objects.putFile(written.file, job.step({ phase: 'store' }));
    const newId = deps.ids.datasetId();
    const review = reviewSubject(deps, profile, newId, output, stored.sha256);
    const report = toReviewReport(review, deps.lang());
    if (!report.passed) {
      throw new StrataError('RELEASE_REFUSED', {
        reason: 'reason.publicReviewFailed',
        count: report.blocking,
      });
    }
    const info: DatasetInfo = output.info;
    const now = deps.clock.now().toISOString();
    const isRaster = info.kind === 'raster';
    const newRow: DatasetRow = {
      id: newId,
      name: path.basename(written.file),
      kind: row.kind,
      format: isRaster ? 'GeoTIFF' : 'GeoJSON',
      info,
      sha256: stored.sha256,
      byteSize: stored.size,
      files: [{ name: path.basename(written.file), sha256: stored.sha256, size: stored.size }],
      displayKey: stored.sha256,
      displayContentType: isRaster ? 'image/tiff' : 'application/geo+json',
      valueRange: info.kind === 'raster' ? await deps.raster.valueRange(written.file, info) : null,
      sourceId: id,
      status: 'public-version',
      createdAt: now,
      createdBy: deps.user,
    };
    const lineage: LineageRow = {
      datasetId: newId,
      sourceId: id,
      sourceSha256: row.sha256,
      steps: written.steps,
      author: deps.user,
      createdAt: now,
    };
    const record = {
      title: `${latest.fields.title}（公开版）`,
      abstract: latest.fields.abstract,
      level: '公开' as const,
      period: '',
    };
    await deps.store.write(async (tx) => {
      await tx.insertDataset(newRow, record);
      await tx.insertLineage(lineage);
      await tx.insertReview(review);
      await tx.appendAudit({
        actor: deps.user,
        action: 'release.create',
        subject: newId,
        details: {
          sourceId: id,
          sourceSha256: row.sha256,
          sha256: stored.sha256,
          steps: written.steps.map((s) => s.step).join(','),
          reviewId: review.id,
        },
      });
    });
    return {
      id: newId,
      sourceId: id,
      lineage: toLineage(lineage),
      review: report,
      dataset: toSummary(newRow, {
        datasetId: newId,
        version: 1,
        fields: record,
        author: deps.user,
        createdAt: now,
      }),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
