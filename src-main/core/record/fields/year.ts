import type { FieldMessage, RecordField } from '../field.js';

/** The year of 形成时间: a whole year from 1 to 9999. */
export const yearField: RecordField<number> = {
  id: 'year',
  labelKey: 'record.field.year',
  type: 'year',
  required: false,
  validate: (value): FieldMessage[] =>
    value === undefined || (Number.isInteger(value) && value >= 1 && value <= 9999)
      ? []
      : [{ field: 'year', severity: 'blocking', key: 'record.error.year' }],
};
