import { describe, expect, it } from 'vitest';
import { CoordinateScanner, Float64Scanner } from '../../../../src-main/core/scan/number-tokens.js';

describe('CoordinateScanner: the source coordinates among a text stream’s numbers', () => {
  const coordinates = new Set(['108.123456', '22.654321']);

  it('finds a coordinate as written, with trailing zeros, or in exponent form, and not a near one', () => {
    const scanner = new CoordinateScanner(coordinates);
    scanner.push('[108.123456,22.6543210] [1.08123456e2, 108.123457] 108.1234561');
    scanner.end();
    expect(scanner.hits.map((h) => h.offset)).toEqual([1, 12, 25]);
  });

  it('finds a number cut by a chunk boundary, at its offset in the whole stream', () => {
    const scanner = new CoordinateScanner(coordinates);
    for (const part of ['{"c":[10', '8.12', '3456,1]}']) scanner.push(part);
    scanner.end();
    expect(scanner.hits).toEqual([{ offset: 6 }]);
  });

  it('finds nothing when there are no coordinates to look for', () => {
    const scanner = new CoordinateScanner(new Set());
    scanner.push('108.123456');
    scanner.end();
    expect(scanner.hits).toEqual([]);
  });
});

describe('Float64Scanner: the source coordinates as binary doubles', () => {
  const bytesOf = (value: number, littleEndian: boolean): Uint8Array => {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value, littleEndian);
    return new Uint8Array(view.buffer);
  };

  it('finds a value in either byte order at any offset, also across chunks', () => {
    const data = new Uint8Array(40);
    data.set(bytesOf(108.123456, true), 3);
    data.set(bytesOf(22.654321, false), 21);
    const scanner = new Float64Scanner(new Set([108.123456, 22.654321]));
    scanner.push(data.subarray(0, 6));
    scanner.push(data.subarray(6, 25));
    scanner.push(data.subarray(25));
    expect(scanner.hits).toEqual([{ offset: 3 }, { offset: 21 }]);
  });

  it('does not find a double one unit in the last place away', () => {
    const scanner = new Float64Scanner(new Set([108.123456]));
    const next = bytesOf(108.123456, true);
    next[0] = (next[0] ?? 0) ^ 1;
    scanner.push(next);
    expect(scanner.hits).toEqual([]);
  });
});
