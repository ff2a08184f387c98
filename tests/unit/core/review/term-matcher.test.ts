import { describe, expect, it } from 'vitest';
import { compileTerms, fieldsNamed } from '../../../../src-main/core/review/term-matcher.js';

describe('compileTerms', () => {
  const terms = compileTerms(['军用', '军用机场', 'kV', 'army', 'radar', 'air force', '兀']);

  it('finds Chinese substrings, the longest term ending at the same place, and nothing in clean text', () => {
    expect(terms.find('某军用机场跑道')).toBe('军用');
    expect(terms.find('机场军用机场')).toBe('军用');
    expect(compileTerms(['机场', '军用机场']).find('某军用机场')).toBe('军用机场');
    expect(terms.find('大厂锡矿 砂岩')).toBeNull();
  });

  it('matches short Latin terms as whole words only; digits may touch them', () => {
    expect(terms.find('500kV 线路')).toBe('kV');
    expect(terms.find('KV')).toBe('kV');
    expect(terms.find('kva rating')).toBeNull();
    expect(terms.find('HARMONY')).toBeNull();
    expect(terms.find('the army.')).toBe('army');
    expect(terms.find('RADARS')).toBe('radar');
    expect(terms.find('Air Force base')).toBe('air force');
  });

  it('matches NFKC-normalised text: full-width Latin, the kV square sign, compatibility ideographs', () => {
    expect(terms.find('２２０ＫＶ')).toBe('kV');
    expect(terms.find('110㎸ 变电站')).toBe('kV');
    expect(terms.find('\uFA0C')).toBe('兀');
    expect(terms.find('ＡＲＭＹ')).toBe('army');
    expect(terms.find('𠀀 army')).toBe('army');
  });

  it('matches nothing without terms, and names fields case- and width-insensitively', () => {
    expect(compileTerms([' ', '']).find('任何')).toBeNull();
    expect(fieldsNamed(['type', 'ＮＡＭＥ', '名称', 'other'], ['TYPE', 'NAME', '名称'])).toEqual([
      'type',
      'ＮＡＭＥ',
      '名称',
    ]);
  });
});
