import type { CallContext } from '../api/caller.js';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { OpenOptions } from '../core/formats/format-module.js';
import type {
  DatasetRow,
  ImportLayer,
  ImportLayerNotice,
  RecordFieldsRow,
  StoredFile,
} from '../core/ports/index.js';
import { StrataError } from '../api/errors.js';
import type {
  DatasetSummary,
  ImportDuplicate,
  ImportFailure,
  ImportNotice,
  ImportResult,
} from '../api/types.js';
import type { JobContext, ServiceDeps } from './deps.js';
import { toSummary } from './dataset-view.js';
import { NO_JOB, enterStep, forItem, throwIfCancelled } from './job-context.js';
import { buildWorkingCopy, pixelsFromCopy } from './working-copy.js';
import { heldCopy, type HeldCopy } from './held-copy.js';

async function valueRangeOf(
  deps: ServiceDeps,
  file: string,
  layer: ImportLayer,
): Promise<readonly [number, number] | null> {
  return layer.info.kind === 'raster' ? deps.raster.valueRange(file, layer.info) : null;
}

export interface ImportedFile {
  /** One dataset per layer of the file, in the file's order. */
  readonly summaries: readonly DatasetSummary[];
  readonly notices: readonly ImportNotice[];
  /** Layers left out because the archive holds their bytes already. */
  readonly duplicates: readonly ImportDuplicate[];
}

const duplicateOf = (file: string, layer: string | null, held: HeldCopy): ImportDuplicate => ({
  file,
  layer,
  code: 'import.duplicate',
  params: { file: layer === null ? file : `${file} [${layer}]`, title: held.title, id: held.id },
  duplicateOf: held,
});

/** The first record of an imported layer: its title, 内部 until the curator says otherwise. */
const draftRecord = (title: string): RecordFieldsRow => ({
  title,
  abstract: '',
  level: '内部',
  period: '',
  attribution: '',
});

/**
 * Imports one file (with its sidecars): the format registry identifies it by content and reads
 * its layers; every file of the set is stored immutably by SHA-256, a raster without overviews
 * gets its display working copy, and each layer becomes a dataset with its record and audit
 * entry, all in one transaction. Cancelling while the bytes are stored or a working copy is
 * written leaves no record behind; once the copies are stored the records are written regardless. What was done to an incomplete set
 * (an index rebuilt) comes back as notices and is written into the audit entry. A layer whose
 * bytes the archive holds already is left out and named with the dataset holding them, unless
 * `allowDuplicate` asks for a second dataset (its audit entry then names the first; ADR 0169).
 * Each layer's first record is `recordOf` its default title (a received package brings its own).
 */
export async function importFile(
  deps: ServiceDeps,
  ctx: CallContext,
  file: string,
  job: JobContext = NO_JOB,
  options: OpenOptions = {},
  allowDuplicate = false,
  recordOf: (title: string) => RecordFieldsRow = draftRecord,
): Promise<ImportedFile> {
  const name = path.basename(file);
  const stats = await stat(file).catch(() => null);
  if (!stats?.isFile()) throw new StrataError('FILE_NOT_FOUND', { file: name });
  enterStep(job, { phase: 'import' });
  const opened = await deps.formats.openForImport(file, options);
  throwIfCancelled(job);
  const stored: StoredFile[] = [];
  for (const member of opened.files) {
    const put = await deps.objects.putFile(member, job.step({ phase: 'store' }));
    stored.push({ name: path.basename(member), sha256: put.sha256, size: put.size });
  }
  const primary = stored[0];
  if (!primary) throw new StrataError('CORRUPT_FILE', { file: name, problem: 'problem.emptyFileSet' });
  const rows: {
    row: DatasetRow;
    record: RecordFieldsRow;
    notices: readonly ImportLayerNotice[];
    held: HeldCopy | null;
  }[] = [];
  const duplicates: ImportDuplicate[] = [];
  for (const layer of opened.layers) {
    const held = await heldCopy(deps, stored, layer.layer);
    if (held && !allowDuplicate) {
      duplicates.push(duplicateOf(name, layer.layer, held));
      continue;
    }
    const display = layer.display;
    const displayKey =
      display === null ? primary.sha256 : (await deps.objects.putBytes(display.bytes)).sha256;
    const draft: DatasetRow = {
      id: deps.ids.datasetId(),
      name,
      kind: layer.kind,
      format: opened.format,
      layer: layer.layer,
      info: layer.info,
      sha256: primary.sha256,
      byteSize: stored.reduce((sum, f) => sum + f.size, 0),
      files: stored,
      displayKey,
      displayContentType: display?.contentType ?? 'image/tiff',
      valueRange: null,
      sourceId: null,
      status: 'draft',
      createdAt: deps.clock.now().toISOString(),
      createdBy: ctx.user,
      ...(Object.keys(options).length > 0 ? { openOptions: options } : {}),
    };
    const built = await buildWorkingCopy(deps, draft, job);
    // A PNG/JPEG scan's and a tile table's pixels are read from the working copy: a GeoTIFF of them.
    const decodedFrom = pixelsFromCopy(built) ? deps.objects.pathOf(built.displayKey) : file;
    const row = { ...built, valueRange: await valueRangeOf(deps, decodedFrom, layer) };
    const title = layer.layer ?? path.parse(name).name;
    rows.push({
      row,
      record: recordOf(title),
      notices: layer.notices,
      held,
    });
  }
  const written = await deps.store.write(async (tx) => {
    const kept: typeof rows = [];
    for (const entry of rows) {
      const { row, record, notices } = entry;
      // Looked up again under the write lock: an import of the same file that committed meanwhile.
      const held = entry.held ?? (await heldCopy(deps, stored, row.layer));
      if (held && !allowDuplicate) {
        duplicates.push(duplicateOf(name, row.layer, held));
        continue;
      }
      kept.push(entry);
      await tx.insertDataset(row, record);
      await tx.appendAudit({
        actor: ctx.user,
        action: 'dataset.import',
        subject: row.id,
        details: {
          format: row.format,
          ...(row.layer === null ? {} : { layer: row.layer }),
          sha256: row.sha256,
          files: stored.length,
          bytes: row.byteSize,
          ...(row.displayKey !== row.sha256 && row.kind === 'raster'
            ? { displaySha256: row.displayKey }
            : {}),
          ...(notices.length > 0 ? { notices: notices.map((n) => n.code).join(' ') } : {}),
          ...(held ? { duplicateOf: held.id } : {}),
        },
      });
    }
    return kept;
  });
  return {
    duplicates,
    summaries: written.map(({ row, record }) =>
      toSummary(row, {
        datasetId: row.id,
        version: 1,
        fields: record,
        author: ctx.user,
        createdAt: row.createdAt,
      }),
    ),
    notices: written.flatMap(({ row, notices }) =>
      notices.map((n) => ({
        datasetId: row.id,
        file: name,
        code: n.code,
        params: { ...n.params, file: name },
      })),
    ),
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
  options: OpenOptions = {},
  allowDuplicate = false,
): Promise<ImportResult> {
  const datasets: DatasetSummary[] = [];
  const failures: ImportFailure[] = [];
  const notices: ImportNotice[] = [];
  const duplicates: ImportDuplicate[] = [];
  for (const [index, file] of paths.entries()) {
    throwIfCancelled(job);
    try {
      const job1 = forItem(job, index + 1, paths.length);
      const imported = await importFile(deps, ctx, file, job1, options, allowDuplicate);
      datasets.push(...imported.summaries);
      notices.push(...imported.notices);
      duplicates.push(...imported.duplicates);
    } catch (error) {
      throwIfCancelled(job);
      failures.push(failureOf(file, error));
    }
  }
  return { datasets, failures, notices, duplicates };
}
