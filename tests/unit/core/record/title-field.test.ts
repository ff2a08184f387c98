import { describe, expect, it } from 'vitest';
import { titleField } from '../../../../src-main/core/record/fields/title.js';

describe('题名 field', () => {
  it('blocks an empty or blank title', () => {
    expect(titleField.validate('  ')).toEqual([
      { field: 'title', severity: 'blocking', key: 'record.error.required' },
    ]);
    expect(titleField.validate(undefined)[0]?.severity).toBe('blocking');
  });
  it('warns past 200 characters and accepts a normal title', () => {
    expect(titleField.validate('钨'.repeat(201))[0]?.severity).toBe('warning');
    expect(titleField.validate('某某矿区1:5万地质图')).toEqual([]);
  });
});
