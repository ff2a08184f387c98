import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeMetadataText, textRuns } from '../../../../../src-main/core/formats/text-runs.js';
import { seeded } from '../../../../fixtures/tools.js';

const bytes = (...parts: (string | Uint8Array | readonly [string, 'gbk' | 'utf16le'])[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => {
      if (p instanceof Uint8Array) return [...p];
      if (typeof p === 'string') return [...new TextEncoder().encode(p)];
      return [...iconv.encode(p[0], p[1])];
    }),
  );

describe('textRuns: text in bytes that are not known to be text', () => {
  it('finds Chinese runs in UTF-8, GBK and UTF-16LE among binary bytes, each once, with its offset', () => {
    const data = bytes(
      Uint8Array.of(0, 1, 0xff),
      '绝密靶区',
      Uint8Array.of(0, 0x90),
      ['机密矿体', 'gbk'],
      Uint8Array.of(0, 0, 0xfe),
      ['秘密勘探', 'utf16le'],
      Uint8Array.of(0, 0),
    );
    const runs = textRuns(data, { minWeight: 8, baseOffset: 1000 });
    expect(runs.map((r) => [r.encoding, r.text])).toEqual([
      ['UTF-8', '绝密靶区'],
      ['GBK', '机密矿体'],
      ['UTF-16LE', '秘密勘探'],
    ]);
    expect(runs[0]?.offset).toBe(1003);
  });

  it('reads mixed ASCII and Chinese as one run, and an ASCII run once (not again as GBK)', () => {
    const runs = textRuns(bytes('ZK001 孔深 120m', Uint8Array.of(0), 'plain ascii text'), { minWeight: 8 });
    expect(runs.map((r) => [r.encoding, r.text])).toEqual([
      ['UTF-8', 'ZK001 孔深 120m'],
      ['UTF-8', 'plain ascii text'],
    ]);
    expect(textRuns(bytes(['ZK001 孔深 120m', 'gbk']), { minWeight: 8 }).map((r) => r.text)).toEqual([
      'ZK001 孔深 120m',
    ]);
  });

  it('reads a GBK text that follows a UTF-8 one directly (a legacy row next to a fresh one)', () => {
    const runs = textRuns(bytes('钻孔编号GBK', ['已删机密矿段', 'gbk'], Uint8Array.of(0)), { minWeight: 8 });
    expect(runs.map((r) => [r.encoding, r.text])).toEqual([
      ['UTF-8', '钻孔编号GBK'],
      ['GBK', '已删机密矿段'],
    ]);
  });

  it('drops runs lighter than the minimum (a Chinese character weighs 2) and stops at maxRuns', () => {
    expect(textRuns(bytes('abc', Uint8Array.of(0), '密级'), { minWeight: 5 })).toEqual([]);
    expect(textRuns(bytes('密级高'), { minWeight: 5 }).map((r) => r.text)).toEqual(['密级高']);
    const many = bytes(...Array.from({ length: 50 }, () => ['secret text\0', 'utf16le'] as const));
    expect(textRuns(many, { minWeight: 8, maxRuns: 3 })).toHaveLength(3);
  });

  it('takes few runs from random bytes: rare CJK code points and lone hanzi are not text', () => {
    const random = seeded(42);
    const noise = Uint8Array.from({ length: 1 << 16 }, () => Math.floor(random() * 256));
    // 64 KiB of noise gives 46: 16 of 8+ printable ASCII characters (as `strings -n 8` finds),
    // 30 GBK runs of ASCII and two level-1 hanzi; no UTF-16LE (290 without the GB2312 filters).
    const runs = textRuns(noise, { minWeight: 8 });
    expect(runs.length).toBeLessThan(64);
    expect(runs.filter((r) => r.encoding === 'UTF-16LE')).toEqual([]);
  });
});

describe('decodeMetadataText', () => {
  it('reads UTF-8, falls back to GBK, and stops at a NUL', () => {
    expect(decodeMetadataText(bytes('内部资料', Uint8Array.of(0), 'junk'))).toBe('内部资料');
    expect(decodeMetadataText(bytes(['内部资料', 'gbk']))).toBe('内部资料');
  });
});
