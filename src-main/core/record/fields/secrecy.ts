import { PERIOD_PATTERN, SECRECY_LEVELS } from '../../model/secrecy.js';
import type { FieldMessage, RecordField } from '../field.js';

/** 密级: required, one of the five levels of DOMAIN.md. */
export const levelField: RecordField<string> = {
  id: 'level',
  labelKey: 'record.field.level',
  type: 'code',
  required: true,
  validate: (value): FieldMessage[] => {
    if (value === undefined || value === '')
      return [{ field: 'level', severity: 'blocking', key: 'record.error.required' }];
    return (SECRECY_LEVELS as readonly string[]).includes(value)
      ? []
      : [{ field: 'level', severity: 'blocking', key: 'record.error.notInVocabulary' }];
  },
};

/** 保密期限: empty (the level's default), `N年` or `长期`; anything else (e.g. "abc") blocks. */
export const periodField: RecordField<string> = {
  id: 'period',
  labelKey: 'record.field.period',
  type: 'text',
  required: false,
  validate: (value): FieldMessage[] =>
    PERIOD_PATTERN.test((value ?? '').trim())
      ? []
      : [{ field: 'period', severity: 'blocking', key: 'record.error.period' }],
};
