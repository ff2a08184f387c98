import type { FieldMessage, RecordField } from '../field.js';

/** 题名: required; longer than 200 characters is a warning (catalogue lists cut it). */
export const titleField: RecordField<string> = {
  id: 'title',
  labelKey: 'record.field.title',
  type: 'text',
  required: true,
  validate: (value) => {
    const text = (value ?? '').trim();
    const out: FieldMessage[] = [];
    if (text === '') out.push({ field: 'title', severity: 'blocking', key: 'record.error.required' });
    else if (Array.from(text).length > 200)
      out.push({ field: 'title', severity: 'warning', key: 'record.warning.long' });
    return out;
  },
};
