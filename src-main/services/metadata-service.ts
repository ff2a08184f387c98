import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CallContext } from '../api/caller.js';
import { StrataError } from '../api/errors.js';
import type { MetadataDocument, MetadataFormat, RecordChange } from '../api/record-history.js';
import type { DatasetId } from '../core/model/index.js';
import { isDocumentProblem, type DocumentProblem } from '../core/record/record-document.js';
import { readRecordIso19139, recordIso19139 } from '../core/record/record-iso19139.js';
import { readRecordJson, recordJson } from '../core/record/record-json.js';
import type { ServiceDeps } from './deps.js';
import { requireDataset, requireRecords } from './lookup.js';
import { commitRecord } from './record-versions.js';

/** One record's metadata is a few kilobytes; a bigger file is refused unread. */
const METADATA_LIMIT = 1 << 20;
const DATASET_ID = /^ds_[0-9a-f]{16}$/;

/** The latest record of a dataset as ISO 19139 XML or JSON: every field. */
export async function exportMetadata(
  deps: ServiceDeps,
  id: DatasetId,
  format: MetadataFormat,
): Promise<MetadataDocument> {
  await requireDataset(deps, id);
  const { latest } = await requireRecords(deps, id);
  const record = {
    identifier: id,
    version: latest.version,
    createdAt: latest.createdAt,
    fields: latest.fields,
  };
  const text = format === 'iso19139' ? recordIso19139(record) : recordJson(record);
  return { id, format, version: latest.version, text };
}

const refused = (file: string, problem: DocumentProblem): StrataError =>
  new StrataError('INVALID_ARGUMENT', {
    detail: 'detail.metadataFile',
    file: path.basename(file),
    reason: problem.reason,
    ...problem.params,
  });

async function readText(file: string): Promise<string> {
  const size = await stat(file).then(
    (s) => s.size,
    () => {
      throw new StrataError('FILE_NOT_FOUND', { file });
    },
  );
  if (size > METADATA_LIMIT)
    throw refused(file, { reason: 'metadata.refused.tooLarge', params: { max: METADATA_LIMIT } });
  const bytes = await readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw refused(file, { reason: 'metadata.refused.encoding' });
  }
}

/**
 * Applies a metadata file (ISO 19139 or Strata JSON, told apart by content) to the dataset its
 * identifier names: its record becomes the next version (every field as the file has it, audited
 * as `metadata.import`), none when the record is so already. Refused, naming the reason, when the
 * file cannot be read as a record, names no dataset of this archive, or the field registry
 * refuses a value (naming the field); nothing is saved then.
 */
export async function importMetadata(
  deps: ServiceDeps,
  ctx: CallContext,
  file: string,
): Promise<RecordChange> {
  const text = await readText(file);
  const read = text.trimStart().startsWith('<') ? readRecordIso19139(text) : readRecordJson(text);
  if (isDocumentProblem(read)) throw refused(file, read);
  if (!DATASET_ID.test(read.identifier))
    throw refused(file, {
      reason: 'metadata.refused.identifier',
      params: { identifier: read.identifier.slice(0, 80) },
    });
  const id = read.identifier as DatasetId;
  await requireDataset(deps, id);
  const { latest } = await requireRecords(deps, id);
  return commitRecord(deps, ctx, id, latest.version, latest, read.fields, (saved) => ({
    action: 'metadata.import',
    details: { version: saved.version, file: path.basename(file) },
  }));
}
