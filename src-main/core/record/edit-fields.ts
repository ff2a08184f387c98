import type { RecordFieldsRow } from '../ports/index.js';
import { recordFieldOf } from './registry.js';

/**
 * The English names a record's fields are edited by (`strata edit ID --set FIELD=VALUE`): each
 * field's own key, and `classification` for 密级 (ISO 19115's name; the record stores it as
 * `level`, which is accepted too).
 */
const NAMES: Readonly<Record<string, keyof RecordFieldsRow>> = { classification: 'level' };

export const EDIT_FIELD_NAMES: readonly string[] = [
  'title',
  'abstract',
  'classification',
  'period',
  'attribution',
  'archiveNumber',
  'keywords',
  'unit',
  'category',
  'year',
];

/** Why an assignment could not be read: a message key with what it names. */
export interface AssignmentProblem {
  readonly key: 'detail.recordAssignment' | 'detail.recordUnknownField';
  readonly given: string;
}

/** What an edit sets: empty text, no keywords or a null year clear the field. */
export type RecordEdit = Partial<Omit<RecordFieldsRow, 'year'>> & { readonly year?: number | null };

/** Keywords as typed: separated by commas (either width), semicolons or the 、 of Chinese lists. */
const splitKeywords = (text: string): string[] =>
  text
    .split(/[,，;；、]/)
    .map((w) => w.trim())
    .filter((w) => w !== '');

const yearOf = (text: string): number | null =>
  text === '' ? null : /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;

/**
 * Reads `FIELD=VALUE` assignments into the fields they set (the last one of a field wins), or the
 * first problem. Values are read by the field's type; whether they are valid is the registry's
 * judgement on the whole record.
 */
export function parseAssignments(pairs: readonly string[]): RecordEdit | AssignmentProblem {
  const edit: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) return { key: 'detail.recordAssignment', given: pair };
    const name = pair.slice(0, at).trim();
    const text = pair.slice(at + 1);
    const key = NAMES[name] ?? name;
    const field = recordFieldOf(key);
    if (field === undefined) return { key: 'detail.recordUnknownField', given: name };
    if (field.type === 'keywords') edit[key] = splitKeywords(text);
    // A year that is not a number is NaN, which the year field refuses like any other bad year.
    else if (field.type === 'year') edit[key] = yearOf(text.trim());
    else edit[key] = field.type === 'longText' ? text : text.trim();
  }
  return edit;
}
