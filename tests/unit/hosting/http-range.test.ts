import { describe, expect, it } from 'vitest';
import { contentRange, parseRange, unsatisfiedRange } from '../../../src-main/hosting/http-range.js';

describe('parseRange', () => {
  it('ignores an absent, blank, non-bytes or multi-range header (serve the whole file)', () => {
    for (const header of [undefined, '', '   ', 'items=0-5', 'bytes=0-1,4-5', 'garbage']) {
      expect(parseRange(header, 100), String(header)).toBeNull();
    }
  });

  it('reads first-last, open-ended and suffix ranges, inclusive, clamped to the file', () => {
    expect(parseRange('bytes=0-0', 100)).toEqual({ start: 0, end: 0 });
    expect(parseRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(parseRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=95-', 100)).toEqual({ start: 95, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('Bytes = 1-2 ', 100)).toEqual({ start: 1, end: 2 });
  });

  it('reports unsatisfiable ranges (416)', () => {
    for (const header of [
      'bytes=100-',
      'bytes=100-200',
      'bytes=5-4',
      'bytes=-0',
      'bytes=-',
      'bytes=a-b',
      'bytes=1.5-2',
      'bytes=-1-2',
      'bytes=0x10-',
    ]) {
      expect(parseRange(header, 100), header).toBe('unsatisfiable');
    }
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
    expect(parseRange('bytes=-5', 0)).toBe('unsatisfiable');
  });

  it('refuses numbers beyond exact integer arithmetic instead of rounding them', () => {
    expect(parseRange('bytes=9999999999999999-', 100)).toBe('unsatisfiable');
    const big = 2 ** 40;
    expect(parseRange(`bytes=${String(big - 10)}-`, big)).toEqual({ start: big - 10, end: big - 1 });
  });

  it('formats Content-Range for 206 and 416', () => {
    expect(contentRange({ start: 10, end: 19 }, 100)).toBe('bytes 10-19/100');
    expect(unsatisfiedRange(100)).toBe('bytes */100');
  });
});
