import { isStateSecret, periodFromInput, type SecrecyLevel } from '../../../src-main/api/secrecy.js';
import type { RecordFields } from '../../../src-main/api/types.js';
import { periodText } from '../../i18n/messages.js';
import { differingFields } from './record-merge.js';

/** What the 著录 form holds while it is edited. */
export interface FormValues {
  title: string;
  abstract: string;
  level: SecrecyLevel;
  period: string;
  attribution: string;
}

// The period field shows the stored value in the UI's language ("10 years") and accepts either.
export const toForm = (f: RecordFields): FormValues => ({
  title: f.title,
  abstract: f.abstract,
  level: f.level,
  period: f.period === '' ? '' : periodText(f.level, f.period),
  attribution: f.attribution,
});

// What the save stores: the title trimmed, the period in its stored form, none for 公开 and 内部.
export const fromForm = (values: FormValues): RecordFields => ({
  title: values.title.trim(),
  abstract: values.abstract,
  level: values.level,
  period: isStateSecret(values.level) ? (periodFromInput(values.period) ?? '') : '',
  attribution: values.attribution.trim(),
});

/**
 * Whether saving the form would store anything other than `record`. A period that is not one
 * counts as a change (a stored record never has one), so the save can say why it is refused.
 */
export function formChanged(values: FormValues, record: RecordFields): boolean {
  if (isStateSecret(values.level) && periodFromInput(values.period) === null) return true;
  return differingFields(fromForm(values), record).length > 0;
}
