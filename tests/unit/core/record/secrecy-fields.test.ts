import { describe, expect, it } from 'vitest';
import { levelField, periodField } from '../../../../src-main/core/record/fields/secrecy.js';

describe('密级 and 保密期限 fields', () => {
  it('accepts the five levels and blocks anything else or nothing', () => {
    for (const level of ['公开', '内部', '秘密', '机密', '绝密'])
      expect(levelField.validate(level)).toEqual([]);
    expect(levelField.validate('保密')[0]?.key).toBe('record.error.notInVocabulary');
    expect(levelField.validate(undefined)[0]?.key).toBe('record.error.required');
  });
  it('blocks a period like "abc" and accepts empty, N年 and 长期', () => {
    expect(periodField.validate('abc')).toEqual([
      { field: 'period', severity: 'blocking', key: 'record.error.period' },
    ]);
    for (const p of ['', '10年', '长期', undefined]) expect(periodField.validate(p)).toEqual([]);
  });
});
