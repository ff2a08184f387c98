import type { RecordFieldsRow } from '../ports/index.js';
import { RECORD_FIELDS } from './registry.js';

/** A record field's value as stored: text, a keyword list or a year. */
export type RecordValue = string | number | readonly string[];

/** One field that differs between two record versions; null where a version has no value. */
export interface FieldChange {
  readonly field: keyof RecordFieldsRow;
  readonly before: RecordValue | null;
  readonly after: RecordValue | null;
}

const RECORD_KEYS = RECORD_FIELDS.map((f) => f.id as keyof RecordFieldsRow);

/** The fields a record may lack (the row type's optional members): absent while not given. */
const OPTIONAL_KEYS: readonly string[] = ['archiveNumber', 'keywords', 'unit', 'category', 'year'];

const same = (a: RecordValue | undefined, b: RecordValue | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Field by field, what changed from `before` to `after`, in the registry's order; a field either
 * record holds that the registry does not name yet is compared too, after them. Keyword lists are
 * compared by content and order (the order is the cataloguer's).
 */
export function diffRecords(before: RecordFieldsRow, after: RecordFieldsRow): FieldChange[] {
  const extra = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !RECORD_KEYS.includes(k as keyof RecordFieldsRow))
    .sort() as (keyof RecordFieldsRow)[];
  return [...RECORD_KEYS, ...extra].flatMap((field) =>
    same(before[field], after[field])
      ? []
      : [{ field, before: before[field] ?? null, after: after[field] ?? null }],
  );
}

/**
 * The record as it is stored: an optional field without a value (empty text, no keywords) is
 * absent, so clearing a field and never having given it are the same record.
 */
export function normaliseRecord(fields: {
  readonly [K in keyof RecordFieldsRow]?: RecordFieldsRow[K] | null | undefined;
}): RecordFieldsRow {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields) as [keyof RecordFieldsRow, unknown][]) {
    const optional = OPTIONAL_KEYS.includes(key);
    const empty =
      value === undefined ||
      value === null ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0);
    if (optional && empty) continue;
    out[key] = typeof value === 'string' && optional ? value.trim() : value;
  }
  return out as unknown as RecordFieldsRow;
}
