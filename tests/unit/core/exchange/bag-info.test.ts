import { describe, expect, it } from 'vitest';
import {
  BAG_INFO_LINE_WIDTH,
  bagInfoEntries,
  bagInfoEntryProblems as keyedEntryProblems,
  BAGIT_TXT,
  bagitDeclarationProblems as keyedDeclarationProblems,
  parseBagInfo as keyedParseBagInfo,
  renderBagInfo,
  strataBagInfo,
} from '../../../../src-main/core/exchange/index.js';
import { textsOf } from '../../../support/messages.js';

// The checks return message keys + params; these read them as the English a host shows.
const bagInfoEntryProblems = (entry: [string, string]): string[] => textsOf(keyedEntryProblems(entry));
const bagitDeclarationProblems = (text: string): string[] => textsOf(keyedDeclarationProblems(text));
const parseBagInfo = (text: string) => {
  const parsed = keyedParseBagInfo(text);
  return { ...parsed, problems: textsOf(parsed.problems) };
};

const codePoints = (s: string): number => Array.from(s).length;

describe('bagit.txt', () => {
  it('is the RFC 8493 1.0 declaration and validates itself', () => {
    expect(BAGIT_TXT).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    expect(bagitDeclarationProblems(BAGIT_TXT)).toEqual([]);
    expect(bagitDeclarationProblems('BagIt-Version: 0.97\r\nTag-File-Character-Encoding: UTF-8\r\n')).toEqual(
      [],
    );
  });

  it('rejects other versions, encodings and garbage', () => {
    expect(bagitDeclarationProblems('BagIt-Version: 2.0\nTag-File-Character-Encoding: UTF-8\n')[0]).toMatch(
      /version 2.0/,
    );
    expect(bagitDeclarationProblems('BagIt-Version: 1.0\nTag-File-Character-Encoding: GBK\n')[0]).toMatch(
      /UTF-8/,
    );
    expect(bagitDeclarationProblems('hello')[0]).toMatch(/not a BagIt declaration/);
  });
});

describe('bag-info.txt', () => {
  const info = strataBagInfo({
    sourceOrganization: '自然资源部某地质资料馆',
    baggingDate: '2025-11-22',
    externalIdentifier: 'DZ-2025-0001-GK',
    reviewId: 'rv-42',
    reviewer: '李审查',
    approvalDate: '2025-11-21',
    auditHead: 'f'.repeat(64),
  });

  it('renders label: value lines in order with our labels and level 公开', () => {
    const text = renderBagInfo(Object.entries(info));
    expect(text.split('\n').slice(0, 4)).toEqual([
      'Source-Organization: 自然资源部某地质资料馆',
      'Bagging-Date: 2025-11-22',
      'External-Identifier: DZ-2025-0001-GK',
      'Strata-Release-Level: 公开',
    ]);
    expect(text).toContain(`Strata-Audit-Head: ${'f'.repeat(64)}\n`);
    expect(parseBagInfo(text).entries).toEqual(Object.entries(info));
  });

  it('folds long values at spaces within 79 code points and unfolds them exactly', () => {
    const value = Array.from({ length: 30 }, (_, i) => `词${i} word${i}`).join(' ');
    const text = renderBagInfo([['Strata-Title', value]]);
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(codePoints(line)).toBeLessThanOrEqual(BAG_INFO_LINE_WIDTH);
    for (const line of lines.slice(1)) expect(line.startsWith(' ')).toBe(true);
    expect(parseBagInfo(text)).toEqual({ entries: [['Strata-Title', value]], problems: [] });
    // A reader that strips continuation lines and joins with one space gets the same value.
    expect(lines.map((l) => l.trim()).join(' ')).toBe(`Strata-Title: ${value}`);
  });

  it('keeps unbreakable values whole rather than changing them', () => {
    const value = '题'.repeat(120);
    const spaced = `a  b ${'x'.repeat(90)}`;
    const text = renderBagInfo([
      ['T', value],
      ['U', spaced],
    ]);
    expect(text).toBe(`T: ${value}\nU: ${spaced}\n`);
    expect(parseBagInfo(text).entries).toEqual([
      ['T', value],
      ['U', spaced],
    ]);
  });

  it('refuses labels and values that cannot round-trip, without echoing them', () => {
    expect(bagInfoEntryProblems(['A:B', 'v'])).toHaveLength(1);
    expect(bagInfoEntryProblems(['A B', 'v'])).toHaveLength(1);
    expect(bagInfoEntryProblems(['A', 'line\nsecret'])[0]).not.toContain('secret');
    expect(bagInfoEntryProblems(['A', ' edge'])).toHaveLength(1);
    expect(() => renderBagInfo([['A', 'x\ry']])).toThrow(RangeError);
  });

  it('parses CRLF, continuation with tabs, and reports lines without a label', () => {
    const parsed = parseBagInfo('A: one\r\n\ttwo\r\nbroken line\r\nB:three\r\n');
    expect(parsed.entries).toEqual([
      ['A', 'one\ttwo'],
      ['B', 'three'],
    ]);
    expect(parsed.problems).toEqual(['bag-info.txt line 3: not a "label: value" line']);
  });

  it('appends the writer elements and defaults Bagging-Date', () => {
    const entries = bagInfoEntries(
      { 'Source-Organization': 'X' },
      { today: '2025-01-02', payloadOxum: '10.2', agent: 'Strata', signerFingerprint: 'ab' },
    );
    expect(entries).toEqual([
      ['Source-Organization', 'X'],
      ['Bagging-Date', '2025-01-02'],
      ['Payload-Oxum', '10.2'],
      ['Bag-Software-Agent', 'Strata'],
      ['Strata-Signer-Fingerprint', 'ab'],
    ]);
  });
});
