import type { CallContext } from '../api/caller.js';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { DatasetInfo } from '../core/model/index.js';
import type { DatasetRow, StoredFile } from '../core/ports/index.js';
import { StrataError } from '../api/errors.js';
import type { ProblemKey } from '../api/messages.js';
import type { ShapefileNotice } from '../core/formats/shapefile/index.js';
import type {
  DatasetSummary,
  ImportFailure,
  ImportNotice,
  ImportNoticeCode,
  ImportResult,
} from '../api/types.js';
import type { JobContext, ServiceDeps } from './deps.js';
import { toSummary } from './dataset-view.js';
import { NO_JOB, enterStep, forItem, throwIfCancelled } from './job-context.js';
import { buildWorkingCopy } from './working-copy.js';

interface Parsed {
  readonly info: DatasetInfo;
  readonly files: readonly string[];
  readonly display: { readonly bytes: Uint8Array; readonly contentType: string } | null;
  readonly valueRange: readonly [number, number] | null;
  readonly notices: readonly ImportNoticeCode[];
}

/**
 * What an incomplete shapefile set becomes (ADR 0096): without its attribute table the deposit is
 * refused, since importing it would keep shapes whose meaning is lost; an index is redundant with
 * the .shp, so one rebuilt from the records is imported, and the result says so.
 */
const SET_POLICY: Readonly<
  Record<ShapefileNotice, { readonly refuse: ProblemKey } | { readonly notice: ImportNoticeCode }>
> = {
  'shapefile.dbfMissing': { refuse: 'problem.shapefileNoDbf' },
  'shapefile.shxMissing': { notice: 'shapefile.shxMissing' },
  'shapefile.shxInconsistent': { notice: 'shapefile.shxInconsistent' },
};

function setNotices(file: string, found: readonly ShapefileNotice[]): ImportNoticeCode[] {
  const notices: ImportNoticeCode[] = [];
  for (const code of found) {
    const policy = SET_POLICY[code];
    if ('refuse' in policy) {
      throw new StrataError('CORRUPT_FILE', { file: path.basename(file), problem: policy.refuse });
    }
    notices.push(policy.notice);
  }
  return notices;
}

async function parse(deps: ServiceDeps, file: string, format: DatasetRow['format']): Promise<Parsed> {
  if (format === 'GeoTIFF') {
    const info = await deps.raster.readInfo(file);
    return {
      info,
      files: [file],
      display: null,
      valueRange: await deps.raster.valueRange(file, info),
      notices: [],
    };
  }
  const read = await deps.vector.read(file);
  const notices = setNotices(file, read.notices);
  const crs = read.info.crs;
  const text = crs ? deps.vector.toGeoJson({ crs, features: read.features }) : null;
  return {
    info: read.info,
    files: read.files,
    display:
      text === null ? null : { bytes: new TextEncoder().encode(text), contentType: 'application/geo+json' },
    valueRange: null,
    notices,
  };
}

export interface ImportedFile {
  readonly summary: DatasetSummary;
  readonly notices: readonly ImportNotice[];
}

/**
 * Imports one file (with its sidecars): identifies the format by content, parses the header,
 * stores every file of the set immutably by SHA-256, gives a raster without overviews its display
 * working copy, and creates the catalogue record and its audit entry in one transaction.
 * Cancelling while the bytes are stored or the working copy is written leaves no record behind;
 * once the copy is stored the record is written regardless. What was done to an incomplete set
 * (an index rebuilt) comes back as notices and is written into the audit entry.
 */
export async function importFile(
  deps: ServiceDeps,
  ctx: CallContext,
  file: string,
  job: JobContext = NO_JOB,
): Promise<ImportedFile> {
  const name = path.basename(file);
  const stats = await stat(file).catch(() => null);
  if (!stats?.isFile()) throw new StrataError('FILE_NOT_FOUND', { file: name });
  const format = await deps.detectFormat(file);
  if (!format) throw new StrataError('UNSUPPORTED_FORMAT', { file: name, problem: 'problem.unknownFormat' });

  enterStep(job, { phase: 'import' });
  const parsed = await parse(deps, file, format);
  throwIfCancelled(job);
  const stored: StoredFile[] = [];
  for (const member of parsed.files) {
    const put = await deps.objects.putFile(member, job.step({ phase: 'store' }));
    stored.push({ name: path.basename(member), sha256: put.sha256, size: put.size });
  }
  const primary = stored[0];
  if (!primary) throw new StrataError('CORRUPT_FILE', { file: name, problem: 'problem.emptyFileSet' });
  const display = parsed.display ? await deps.objects.putBytes(parsed.display.bytes) : null;

  const draft: DatasetRow = {
    id: deps.ids.datasetId(),
    name,
    kind: parsed.info.kind,
    format,
    info: parsed.info,
    sha256: primary.sha256,
    byteSize: stored.reduce((sum, f) => sum + f.size, 0),
    files: stored,
    displayKey: display?.sha256 ?? primary.sha256,
    displayContentType: parsed.display?.contentType ?? 'image/tiff',
    valueRange: parsed.valueRange,
    sourceId: null,
    status: 'draft',
    createdAt: deps.clock.now().toISOString(),
    createdBy: ctx.user,
  };
  const row = await buildWorkingCopy(deps, draft, job);
  const record = { title: path.parse(name).name, abstract: '', level: '内部' as const, period: '' };
  await deps.store.write(async (tx) => {
    await tx.insertDataset(row, record);
    await tx.appendAudit({
      actor: ctx.user,
      action: 'dataset.import',
      subject: row.id,
      details: {
        format,
        sha256: row.sha256,
        files: stored.length,
        bytes: row.byteSize,
        ...(row.displayKey !== row.sha256 ? { displaySha256: row.displayKey } : {}),
        ...(parsed.notices.length > 0 ? { notices: parsed.notices.join(' ') } : {}),
      },
    });
  });
  const summary = toSummary(row, {
    datasetId: row.id,
    version: 1,
    fields: record,
    author: ctx.user,
    createdAt: row.createdAt,
  });
  const params = { file: name };
  return {
    summary,
    notices: parsed.notices.map((code) => ({
      datasetId: row.id,
      file: name,
      code,
      params,
    })),
  };
}

function failureOf(file: string, error: unknown): ImportFailure {
  // A parser that trips over a hostile file must not take the batch down with it.
  const known =
    error instanceof StrataError
      ? error
      : new StrataError('CORRUPT_FILE', { file: path.basename(file), problem: 'problem.parserFailure' });
  return {
    file: path.basename(file),
    code: known.code,
    params: known.params,
  };
}

/**
 * Imports files one after the other; a file that fails is listed with its reason and the batch
 * goes on. Cancelling throws CANCELLED: files imported before stay, the current one leaves nothing.
 */
export async function importFiles(
  deps: ServiceDeps,
  ctx: CallContext,
  paths: readonly string[],
  job: JobContext = NO_JOB,
): Promise<ImportResult> {
  const datasets: DatasetSummary[] = [];
  const failures: ImportFailure[] = [];
  const notices: ImportNotice[] = [];
  for (const [index, file] of paths.entries()) {
    throwIfCancelled(job);
    try {
      const imported = await importFile(deps, ctx, file, forItem(job, index + 1, paths.length));
      datasets.push(imported.summary);
      notices.push(...imported.notices);
    } catch (error) {
      throwIfCancelled(job);
      failures.push(failureOf(file, error));
    }
  }
  return { datasets, failures, notices };
}
