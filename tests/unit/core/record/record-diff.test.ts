import { describe, expect, it } from 'vitest';
import type { RecordFieldsRow } from '../../../../src-main/core/ports/index.js';
import { diffRecords, normaliseRecord } from '../../../../src-main/core/record/record-diff.js';
import { blockingMessage } from '../../../../src-main/core/record/registry.js';

const base: RecordFieldsRow = {
  title: '桂林幅 1:5万 数字高程模型',
  abstract: '',
  level: '秘密',
  period: '10年',
  attribution: '广西地调院',
  keywords: ['高程', '桂林'],
  year: 1998,
};

describe('diffRecords', () => {
  it('lists the fields that differ in the registry order, keyword lists by content and order', () => {
    const after: RecordFieldsRow = {
      ...base,
      level: '机密',
      title: '桂林幅（修订）',
      keywords: ['桂林', '高程'],
      archiveNumber: 'DZ-1998-001',
    };
    expect(diffRecords(base, after)).toEqual([
      { field: 'title', before: base.title, after: '桂林幅（修订）' },
      { field: 'level', before: '秘密', after: '机密' },
      { field: 'archiveNumber', before: null, after: 'DZ-1998-001' },
      { field: 'keywords', before: ['高程', '桂林'], after: ['桂林', '高程'] },
    ]);
    expect(diffRecords(base, { ...base, keywords: ['高程', '桂林'] })).toEqual([]);
    expect(diffRecords(after, base).map((c) => c.field)).toEqual([
      'title',
      'level',
      'archiveNumber',
      'keywords',
    ]);
  });

  it('compares a field the registry does not name yet, after the others', () => {
    const withExtra = { ...base, scale: 50000 } as unknown as RecordFieldsRow;
    expect(diffRecords(base, withExtra)).toEqual([{ field: 'scale', before: null, after: 50000 }]);
  });
});

describe('normaliseRecord', () => {
  it('drops optional fields without a value, so clearing one equals never giving it', () => {
    const cleared = normaliseRecord({
      ...base,
      keywords: [],
      year: null,
      unit: '  ',
      archiveNumber: ' A-1 ',
    });
    expect(cleared).toEqual({
      title: base.title,
      abstract: '',
      level: '秘密',
      period: '10年',
      attribution: '广西地调院',
      archiveNumber: 'A-1',
    });
  });
});

describe('the field registry on a whole record', () => {
  it('names the first field it refuses', () => {
    expect(blockingMessage(base)).toBeNull();
    expect(blockingMessage({ ...base, period: 'abc' })).toMatchObject({
      field: 'period',
      key: 'record.error.period',
    });
    expect(blockingMessage({ ...base, title: ' ' })).toMatchObject({ field: 'title' });
    expect(blockingMessage({ ...base, year: Number.NaN })).toMatchObject({ field: 'year' });
    expect(blockingMessage({ ...base, keywords: ['高程', '高程'] })).toMatchObject({
      field: 'keywords',
      key: 'record.error.keywordTwice',
    });
    expect(blockingMessage({ ...base, archiveNumber: 'x'.repeat(101) })).toMatchObject({
      field: 'archiveNumber',
      key: 'record.error.tooLong',
      params: { max: 100 },
    });
  });
});
