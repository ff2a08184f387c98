import { z } from 'zod';
import type { DatasetId } from '../core/model/ids.js';
import type { FieldMessage } from '../core/record/field.js';
import type { FieldChange } from '../core/record/record-diff.js';
import { StrataError } from './errors.js';
import type { RecordVersion } from './types.js';

// The record's history and its metadata exchange (issue 7, ADR 0184): arguments as the dispatcher
// validates them, and results.

export type { FieldChange };

const datasetId = z
  .string()
  .regex(/^ds_[0-9a-f]{16}$/, 'dataset id')
  .transform((s) => s as DatasetId);
const version = z.number().int().min(1);

/** `catalogue.diff`: two versions of one record, compared field by field. */
export const diffArgs = z.object({ id: datasetId, from: version, to: version }).strict();

/** `catalogue.restoreVersion`: a new version equal to `version`, on top of `baseVersion` (default: the latest). */
export const restoreArgs = z.object({ id: datasetId, version, baseVersion: version.optional() }).strict();

export const METADATA_FORMATS = ['iso19139', 'json'] as const;
export type MetadataFormat = (typeof METADATA_FORMATS)[number];

export const metadataExportArgs = z.object({ id: datasetId, format: z.enum(METADATA_FORMATS) }).strict();

/** `metadata.import`: a metadata file, read by the service. */
export const metadataImportArgs = z
  .object({
    file: z
      .string()
      .min(1)
      .max(4096)
      .refine((s) => !s.includes('\0'), 'path contains NUL'),
  })
  .strict();

export interface RecordDiff {
  readonly id: DatasetId;
  readonly from: RecordVersion;
  readonly to: RecordVersion;
  readonly changes: readonly FieldChange[];
}

/** A version saved by a restore or an import; `changed` false: the record was so already, no version made. */
export interface RecordChange {
  readonly id: DatasetId;
  readonly record: RecordVersion;
  readonly changed: boolean;
}

export interface MetadataDocument {
  readonly id: DatasetId;
  readonly format: MetadataFormat;
  /** The version exported. */
  readonly version: number;
  /** The document, UTF-8 text. */
  readonly text: string;
}

/** The error of a record the field registry refuses: translated, naming the field; nothing is saved. */
export const recordFieldError = (message: FieldMessage): StrataError =>
  new StrataError('INVALID_ARGUMENT', {
    detail: 'detail.recordField',
    field: message.field,
    label: `record.field.${message.field}`,
    reason: message.key,
    ...message.params,
  });
