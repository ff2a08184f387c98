import { describe, expect, it } from 'vitest';
import {
  decodeManifestPath,
  encodeManifestPath,
  formatManifest,
  parseManifest as keyedParseManifest,
} from '../../../../src-main/core/exchange/index.js';
import { textsOf } from '../../../support/messages.js';

// Problems come as message keys + params; read them as the English a host shows.
const parseManifest = (name: string, text: string) => {
  const parsed = keyedParseManifest(name, text);
  return { ...parsed, problems: textsOf(parsed.problems) };
};

const A = 'a'.repeat(64);
const B = 'B'.repeat(64);

describe('manifest paths (RFC 8493 §2.1.3)', () => {
  it('percent-encodes exactly CR, LF and %', () => {
    expect(encodeManifestPath('data/100%\r\n name é.txt')).toBe('data/100%25%0D%0A name é.txt');
    expect(decodeManifestPath('data/100%25%0d%0A name é.txt')).toBe('data/100%\r\n name é.txt');
  });

  it('refuses any other percent sequence as ambiguous', () => {
    expect(decodeManifestPath('data/%41.txt')).toBeNull();
    expect(decodeManifestPath('data/100%')).toBeNull();
  });
});

describe('formatManifest / parseManifest', () => {
  it('writes sorted sha256sum-style lines and reads them back', () => {
    const text = formatManifest([
      { sha256: B, path: 'data/z 空格.tif' },
      { sha256: A, path: 'data/a%\nb' },
    ]);
    expect(text).toBe(`${A}  data/a%25%0Ab\n${B.toLowerCase()}  data/z 空格.tif\n`);
    expect(parseManifest('manifest-sha256.txt', text)).toEqual({
      entries: [
        { sha256: A, path: 'data/a%\nb' },
        { sha256: B.toLowerCase(), path: 'data/z 空格.tif' },
      ],
      problems: [],
    });
  });

  it('accepts CRLF, tabs and blank lines; reports bad and duplicate lines by number only', () => {
    const text = `${A}\tdata/x\r\n\r\nnot a line with secret\r\n${A}  data/x\r\n${A.slice(1)}  data/y\n`;
    const parsed = parseManifest('m.txt', text);
    expect(parsed.entries).toEqual([{ sha256: A, path: 'data/x' }]);
    expect(parsed.problems).toEqual([
      'm.txt line 3: not "<sha256> <path>"',
      'm.txt line 4: path listed twice',
      'm.txt line 5: not "<sha256> <path>"',
    ]);
    expect(parsed.problems.join()).not.toContain('secret');
  });
});
