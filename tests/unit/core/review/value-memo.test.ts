import { describe, expect, it } from 'vitest';
import { ValueMemo } from '../../../../src-main/core/review/value-memo.js';

describe('ValueMemo', () => {
  it('answers repeated values from memory, null results included', () => {
    const memo = new ValueMemo<string | null>();
    let calls = 0;
    const judge = (v: string): string | null => {
      calls += 1;
      return v.includes('军') ? '军' : null;
    };
    const values = Array.from({ length: 10_000 }, (_, i) =>
      i % 3 === 0 ? '军事设施' : i % 3 === 1 ? '矿点' : '钻孔',
    );
    expect(values.map((v) => memo.get(v, judge))).toEqual(
      values.map((v) => (v === '军事设施' ? '军' : null)),
    );
    expect(calls).toBe(3);
  });

  it('steps aside for a field of distinct values, still answering right', () => {
    const memo = new ValueMemo<number>();
    let calls = 0;
    const judge = (v: string): number => {
      calls += 1;
      return v.length;
    };
    const distinct = Array.from({ length: 20_000 }, (_, i) => `ZK${String(i)}`);
    expect(distinct.map((v) => memo.get(v, judge))).toEqual(distinct.map((v) => v.length));
    // Past the limit nothing is remembered: a value seen before is judged again.
    expect(memo.get('ZK1', judge)).toBe(3);
    expect(calls).toBe(20_001);
  });
});
