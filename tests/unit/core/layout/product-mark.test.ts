import { describe, expect, it } from 'vitest';
import { productMark } from '../../../../src-main/core/layout/index.js';

describe('productMark', () => {
  it('is none for public data only', () => {
    expect(productMark([{ level: '公开', period: '' }])).toEqual({ level: '公开', period: '', text: null });
  });
  it('is the level alone for 内部', () => {
    expect(
      productMark([
        { level: '公开', period: '' },
        { level: '内部', period: '' },
      ]).text,
    ).toBe('内部');
  });
  it('takes the highest level and, at that level, the longest period', () => {
    const mark = productMark([
      { level: '秘密', period: '30年' },
      { level: '机密', period: '' },
      { level: '机密', period: '25年' },
      { level: '内部', period: '' },
    ]);
    expect(mark).toEqual({ level: '机密', period: '25年', text: '机密★25年' });
  });
  it('gives the level default period when none is recorded, and 长期 outranks any number', () => {
    expect(productMark([{ level: '秘密', period: '' }]).text).toBe('秘密★10年');
    expect(
      productMark([
        { level: '绝密', period: '50年' },
        { level: '绝密', period: '长期' },
      ]).text,
    ).toBe('绝密★长期');
  });
});
