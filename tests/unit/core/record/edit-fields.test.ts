import { describe, expect, it } from 'vitest';
import { parseAssignments } from '../../../../src-main/core/record/edit-fields.js';

describe('parseAssignments (strata edit --set FIELD=VALUE)', () => {
  it('reads each field by its type under the key the record stores it by', () => {
    expect(
      parseAssignments([
        'title= 桂林幅 ',
        'classification=机密',
        'keywords=钨矿, 花岗岩，桂林、高程;;',
        'year=1998',
        'abstract= 保留 空格 ',
        'archiveNumber=DZ=1',
      ]),
    ).toEqual({
      title: '桂林幅',
      level: '机密',
      keywords: ['钨矿', '花岗岩', '桂林', '高程'],
      year: 1998,
      abstract: ' 保留 空格 ',
      archiveNumber: 'DZ=1',
    });
  });

  it('accepts the record key level, lets the last assignment of a field win, and clears with an empty value', () => {
    expect(parseAssignments(['level=秘密', 'classification=公开', 'year=', 'keywords=', 'unit='])).toEqual({
      level: '公开',
      year: null,
      keywords: [],
      unit: '',
    });
  });

  it('gives a year that is not one as NaN, for the year field to refuse', () => {
    expect(parseAssignments(['year=abc'])).toEqual({ year: Number.NaN });
    expect(parseAssignments(['year=1e3'])).toEqual({ year: Number.NaN });
  });

  it('names an assignment without a field, and a field the record does not have', () => {
    expect(parseAssignments(['title'])).toEqual({ key: 'detail.recordAssignment', given: 'title' });
    expect(parseAssignments(['=x'])).toEqual({ key: 'detail.recordAssignment', given: '=x' });
    expect(parseAssignments(['colour=red'])).toEqual({ key: 'detail.recordUnknownField', given: 'colour' });
  });
});
