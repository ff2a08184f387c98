import { isStateSecret } from '../../../src-main/api/secrecy.js';
import type { RecordFields } from '../../../src-main/api/types.js';

/** The record's fields in the order the form shows them. */
export const RECORD_FIELDS = ['title', 'abstract', 'attribution', 'level', 'period'] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

/** Per differing field, whose value the merged record takes. */
export type Choice = 'mine' | 'latest';

/** The fields where the user's edit and the latest saved version differ, in form order. */
export const differingFields = (mine: RecordFields, latest: RecordFields): RecordField[] =>
  RECORD_FIELDS.filter((f) => mine[f] !== latest[f]);

/**
 * What the merge takes at first: the user's value where they changed the field from the version
 * they started from (`base`), the latest one where only the other save did.
 */
export const firstChoices = (mine: RecordFields, base: RecordFields): Readonly<Record<RecordField, Choice>> =>
  Object.fromEntries(RECORD_FIELDS.map((f) => [f, mine[f] === base[f] ? 'latest' : 'mine'])) as Record<
    RecordField,
    Choice
  >;

/**
 * The latest version with the chosen fields of the user's edit. A period only goes with a level
 * that has one (the save keeps none for 公开 and 内部), as the form saves it.
 */
export function mergeFields(
  mine: RecordFields,
  latest: RecordFields,
  choices: Readonly<Record<RecordField, Choice>>,
): RecordFields {
  const pick = <F extends RecordField>(f: F): RecordFields[F] =>
    choices[f] === 'mine' ? mine[f] : latest[f];
  const level = pick('level');
  return {
    title: pick('title'),
    abstract: pick('abstract'),
    attribution: pick('attribution'),
    level,
    period: isStateSecret(level) ? pick('period') : '',
  };
}
