import type { RecordFieldsRow } from '../ports/index.js';
import type { FieldMessage, RecordField } from './field.js';
import { titleField } from './fields/title.js';
import { levelField, periodField } from './fields/secrecy.js';
import {
  abstractField,
  archiveNumberField,
  attributionField,
  categoryField,
  unitField,
} from './fields/text.js';
import { keywordsField } from './fields/keywords.js';
import { yearField } from './fields/year.js';

/**
 * The record's fields (ADR 0180), one entry each, in the order the 著录 form and a diff list them.
 * The entry's `id` is the key the record stores it under.
 */
export const RECORD_FIELDS: readonly RecordField<never>[] = [
  titleField,
  abstractField,
  levelField,
  periodField,
  attributionField,
  archiveNumberField,
  keywordsField,
  unitField,
  categoryField,
  yearField,
] as readonly RecordField<never>[];

export const recordFieldOf = (id: string): RecordField<never> | undefined =>
  RECORD_FIELDS.find((f) => f.id === id);

/** Every message of every field of a record, in field order. */
export function recordMessages(fields: RecordFieldsRow): FieldMessage[] {
  const values = fields as unknown as Readonly<Record<string, never>>;
  return RECORD_FIELDS.flatMap((f) => f.validate(values[f.id]));
}

/** The first message that stops the record from being saved, or null when it may be. */
export const blockingMessage = (fields: RecordFieldsRow): FieldMessage | null =>
  recordMessages(fields).find((m) => m.severity === 'blocking') ?? null;
