import { z } from 'zod';
import type { RecordFieldsRow } from '../ports/index.js';
import type { DocumentProblem, ExportedRecord, RecordDocument } from './record-document.js';

/** The member that marks a Strata record document, with its format version. */
const MARK = 'strataRecord';

/**
 * A record as JSON: `{"strataRecord": 1, "identifier", "version", "createdAt", "record": {…}}`, the
 * fields under the keys the record stores them by. Whether the values are valid is the field
 * registry's judgement; this only reads their types (bounded: the file may come from anywhere).
 */
export const recordJson = (record: ExportedRecord): string =>
  `${JSON.stringify(
    {
      [MARK]: 1,
      identifier: record.identifier,
      version: record.version,
      createdAt: record.createdAt,
      record: record.fields,
    },
    null,
    2,
  )}\n`;

const text = z.string().max(20_000);
const documentSchema = z.object({
  [MARK]: z.literal(1),
  identifier: z.string().max(200),
  record: z
    .object({
      title: text,
      abstract: text,
      level: z.string().max(20),
      period: z.string().max(20),
      attribution: text,
      archiveNumber: text.optional(),
      keywords: z.array(text).max(1000).optional(),
      unit: text.optional(),
      category: text.optional(),
      year: z.number().optional(),
    })
    .strict(),
});

/** Reads a record JSON document, or says which member is missing or wrong. */
export function readRecordJson(json: string): RecordDocument | DocumentProblem {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { reason: 'metadata.refused.notMetadata' };
  }
  if (typeof value !== 'object' || value === null || !(MARK in value))
    return { reason: 'metadata.refused.notMetadata' };
  const parsed = documentSchema.safeParse(value);
  if (!parsed.success)
    return {
      reason: 'metadata.refused.missing',
      params: { element: parsed.error.issues[0]?.path.join('.') ?? MARK },
    };
  return {
    identifier: parsed.data.identifier,
    // The level is one of the five or the registry refuses it, naming the field.
    fields: parsed.data.record as RecordFieldsRow,
  };
}
