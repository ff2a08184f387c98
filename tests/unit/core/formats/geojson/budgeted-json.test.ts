import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../../../src-main/core/formats/format-error.js';
import {
  readBudgetedJson,
  type ChunkReader,
} from '../../../../../src-main/core/formats/geojson/budgeted-json.js';
import { parseGeoJson, parseGeoJsonChunks } from '../../../../../src-main/core/formats/geojson/index.js';

const ROOMY = { maxTreeBytes: 2 ** 30, maxDepth: 256 };

/** The document's bytes handed out `size` at a time, as a file read in chunks would. */
function chunks(bytes: Uint8Array, size: number): ChunkReader {
  let at = 0;
  return () => {
    const chunk = bytes.subarray(at, at + size);
    at += chunk.length;
    return chunk;
  };
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function problemOf(run: () => unknown): { kind: string; problem: string; params?: object } {
  try {
    run();
  } catch (err) {
    if (err instanceof FormatError)
      return Object.keys(err.params).length > 0
        ? { kind: err.kind, problem: err.problem, params: err.params }
        : { kind: err.kind, problem: err.problem };
    throw err;
  }
  throw new Error('expected a FormatError');
}

const VALID = [
  '{"type":"FeatureCollection","features":[]}',
  '  [1, -0, 0.5, -12.25e3, 1E-7, 1e+2, 123456789012345678901234567890, 0.1, 3.14159265358979323846] ',
  '{"名称":"矿点 \\"一\\"\\n\\t\\\\\\/\\u00e9\\ud83d\\ude00","空":"","b":[true,false,null]}',
  '\ufeff{"bom":"\ufeffkept"}',
  '{"__proto__":{"polluted":1},"a":{"b":{"c":[[[[]]]]}}}',
  '{"dup":1,"dup":2}',
  '"just a string"',
  '{"long":"' + 'é'.repeat(300) + 'x'.repeat(300) + '"}',
];

const INVALID = [
  '',
  '   ',
  '{',
  '[1,]',
  '[01]',
  '[1.]',
  '[.5]',
  '[+1]',
  '[-]',
  '[1e]',
  '[1,2',
  '{"a" 1}',
  '{a:1}',
  '{"a":1,}',
  '["tab\there"]',
  '["bad \\x escape"]',
  '[nul]',
  '[1] [2]',
  '{"unterminated',
];

describe('readBudgetedJson', () => {
  it.each(VALID)('agrees with JSON.parse in any chunking: %s', (text) => {
    const bytes = utf8(text);
    const expected: unknown = JSON.parse(text.replace(/^\ufeff/, ''));
    for (const size of [1, 2, 3, 7, 64, bytes.length]) {
      const parsed = readBudgetedJson(chunks(bytes, size), ROOMY);
      expect(parsed).toEqual(expected);
      expect(Object.getPrototypeOf(parsed)).toBe(Object.getPrototypeOf(expected));
    }
  });

  it('keeps "__proto__" a member, as JSON.parse does', () => {
    const parsed = readBudgetedJson(chunks(utf8('{"__proto__":{"x":1}}'), 5), ROOMY) as object;
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it.each(INVALID)('refuses what JSON.parse refuses: %s', (text) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    for (const size of [1, 3, Math.max(1, text.length)]) {
      expect(problemOf(() => readBudgetedJson(chunks(utf8(text), size), ROOMY))).toEqual({
        kind: 'corrupt',
        problem: 'geojsonNotJson',
      });
    }
  });

  it('reads numbers bit for bit as JSON.parse does', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const texts: string[] = [];
    for (let i = 0; i < 20_000; i += 1) {
      const x = (random() - 0.5) * 10 ** Math.floor(random() * 12 - 4);
      texts.push(String(x), x.toFixed(Math.floor(random() * 12)), x.toExponential(Math.floor(random() * 16)));
    }
    const text = `[${texts.join(',')}]`;
    const parsed = readBudgetedJson(chunks(utf8(text), 4093), ROOMY) as number[];
    const expected = JSON.parse(text) as number[];
    expect(parsed.length).toBe(expected.length);
    const differing = parsed.filter((v, i) => !Object.is(v, expected[i]));
    expect(differing).toEqual([]);
  });

  it('invalid UTF-8 inside strings becomes U+FFFD, as decoding the whole text would', () => {
    const bytes = Uint8Array.from([0x5b, 0x22, 0x61, 0xff, 0xe4, 0xb8, 0x22, 0x5d]);
    const expected: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
    for (const size of [1, 2, bytes.length])
      expect(readBudgetedJson(chunks(bytes, size), ROOMY)).toEqual(expected);
  });

  it('refuses a document over the memory budget after reading only what the budget allows', () => {
    const numbers = 1_000_000;
    const text = `[${'0.5,'.repeat(numbers - 1)}0.5]`;
    const bytes = utf8(text);
    let read = 0;
    const source = chunks(bytes, 4096);
    const counting: ChunkReader = () => {
      const chunk = source();
      read += chunk?.length ?? 0;
      return chunk;
    };
    expect(problemOf(() => readBudgetedJson(counting, { maxTreeBytes: 2 * 2 ** 20, maxDepth: 8 }))).toEqual({
      kind: 'too-large',
      problem: 'geojsonMemory',
      params: { limitMb: 2 },
    });
    expect(read).toBeLessThan(bytes.length / 10);
  });

  it('charges long strings as they are read', () => {
    const text = `["${'x'.repeat(100_000)}"]`;
    expect(
      problemOf(() => readBudgetedJson(chunks(utf8(text), 1000), { maxTreeBytes: 50_000, maxDepth: 8 })).kind,
    ).toBe('too-large');
  });

  it('refuses nesting deeper than the limit without exhausting the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(problemOf(() => readBudgetedJson(chunks(utf8(deep), 4096), ROOMY))).toEqual({
      kind: 'too-large',
      problem: 'geojsonDepth',
      params: { max: 256 },
    });
    expect(readBudgetedJson(chunks(utf8('[[[1]]]'), 1), { maxTreeBytes: 1000, maxDepth: 3 })).toEqual([
      [[1]],
    ]);
  });
});

describe('parseGeoJsonChunks', () => {
  it('gives the features parseGeoJson gives, for a collection with Chinese, nested and odd members', () => {
    const features = Array.from({ length: 500 }, (_, i) => ({
      type: 'Feature',
      id: i,
      properties: {
        名称: `矿点${String(i)}号`,
        深度: i * 0.25 - 3,
        有效: i % 2 === 0,
        备注: i % 3 === 0 ? null : `第 "${String(i)}" 行\n含转义 \\ 与 \u00e9`,
        嵌套: { a: [1, 2, { b: 'c' }] },
      },
      geometry:
        i % 2 === 0
          ? { type: 'Point', coordinates: [110 + i / 1000, 25 - i / 3000] }
          : {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 0],
                  [i, 0],
                  [i, 1e-7 * i],
                  [0, 0],
                ],
              ],
            },
    }));
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4490' } },
      features,
    });
    const expected = parseGeoJson(text);
    for (const size of [1, 777, text.length * 3])
      expect(parseGeoJsonChunks(chunks(utf8(text), size))).toEqual(expected);
  });
});
