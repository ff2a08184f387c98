import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ByteSearcher, searchBytes } from '../../../../src-main/core/scan/byte-search.js';
import { secretPatterns } from '../../../../src-main/core/scan/secret-patterns.js';

const inventory = {
  secrets: [
    { kind: 'withheldMetadata' as const, text: '绝密矿区' },
    { kind: 'sourceCoordinate' as const, number: 116.391234, decimals: 6 },
  ],
};

function padded(inner: Uint8Array): Uint8Array {
  const out = new Uint8Array(inner.length + 200).fill(0x20);
  out.set(inner, 100);
  return out;
}

describe('the secret byte searcher', () => {
  const patterns = secretPatterns(inventory);

  it.each(['utf8', 'gbk', 'utf16le', 'utf16-be'])('finds withheld text written in %s', (enc) => {
    const hits = searchBytes(padded(new Uint8Array(iconv.encode('绝密矿区', enc))), patterns);
    expect(hits.map((h) => [h.offset, h.kind])).toEqual([[100, 'withheldMetadata']]);
  });

  it('finds a coordinate as decimal text and as float64 and float32 bytes', () => {
    const v = new DataView(new ArrayBuffer(12));
    v.setFloat64(0, 116.391234, true);
    v.setFloat32(8, 116.391234, false);
    const text = new TextEncoder().encode('x=116.391234');
    const all = new Uint8Array([...text, 0, ...new Uint8Array(v.buffer)]);
    const enc = searchBytes(all, patterns).map((h) => h.encoding);
    expect(enc).toEqual(['UTF-8', 'float64LE', 'float32BE']);
  });

  it('finds a value split across two streamed chunks, at its offset in the whole stream', () => {
    const bytes = padded(new Uint8Array(iconv.encode('绝密矿区', 'utf8')));
    const s = new ByteSearcher(patterns);
    s.push(bytes.subarray(0, 103));
    s.push(bytes.subarray(103));
    expect(s.hits.map((h) => h.offset)).toEqual([100]);
  });

  it('reports nothing for a clean buffer', () => {
    expect(searchBytes(padded(new TextEncoder().encode('公开版本 116.39')), patterns)).toEqual([]);
  });
});
