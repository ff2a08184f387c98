import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGeometryBlob, readWkb } from '../../../../../src-main/core/formats/geopackage/index.js';
import { detectFormat } from '../../../../../src-main/core/formats/registry.js';
import { fixture } from '../../../../fixtures/index.js';
import { formatErrorOf } from '../../../../support/format-error.js';

/** Little-endian WKB writer for the cases under test. */
class Wkb {
  private readonly parts: number[] = [];
  u8(v: number): this {
    this.parts.push(v);
    return this;
  }
  u32(v: number, little = true): this {
    const b = new DataView(new ArrayBuffer(4));
    b.setUint32(0, v, little);
    this.parts.push(...new Uint8Array(b.buffer));
    return this;
  }
  f64(...vs: number[]): this {
    for (const v of vs) {
      const b = new DataView(new ArrayBuffer(8));
      b.setFloat64(0, v, true);
      this.parts.push(...new Uint8Array(b.buffer));
    }
    return this;
  }
  head(type: number): this {
    return this.u8(1).u32(type);
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

const problemOf = (bytes: Uint8Array): string => formatErrorOf(() => readWkb(bytes, 0, 7)).problem;

describe('WKB reader', () => {
  it('reads points with Z (ISO 1001 and EWKB flag) and drops M', () => {
    expect(readWkb(new Wkb().head(1001).f64(1, 2, 3).bytes(), 0, 1)).toEqual({
      type: 'Point',
      coordinates: [1, 2, 3],
    });
    expect(readWkb(new Wkb().head(0x80000001).f64(1, 2, 3).bytes(), 0, 1)).toEqual({
      type: 'Point',
      coordinates: [1, 2, 3],
    });
    expect(readWkb(new Wkb().head(2001).f64(1, 2, 9).bytes(), 0, 1)).toEqual({
      type: 'Point',
      coordinates: [1, 2],
    });
    expect(readWkb(new Wkb().head(3001).f64(1, 2, 3, 9).bytes(), 0, 1)).toEqual({
      type: 'Point',
      coordinates: [1, 2, 3],
    });
  });

  it('reads big-endian parts inside a little-endian multi-geometry', () => {
    const big = new DataView(new ArrayBuffer(21));
    big.setUint8(0, 0);
    big.setUint32(1, 1, false);
    big.setFloat64(5, 10, false);
    big.setFloat64(13, 20, false);
    const multi = Uint8Array.from([...new Wkb().head(4).u32(1).bytes(), ...new Uint8Array(big.buffer)]);
    expect(readWkb(multi, 0, 1)).toEqual({ type: 'MultiPoint', coordinates: [[10, 20]] });
  });

  it('reads an empty point (NaN NaN) as no geometry', () => {
    expect(readWkb(new Wkb().head(1).f64(NaN, NaN).bytes(), 0, 1)).toBeNull();
  });

  it('refuses counts the blob cannot hold, before allocating for them', () => {
    expect(problemOf(new Wkb().head(2).u32(0xffffffff).f64(1, 2).bytes())).toBe('wkbCount');
    expect(problemOf(new Wkb().head(3).u32(0x7fffffff).bytes())).toBe('wkbCount');
    expect(problemOf(new Wkb().head(6).u32(0xffffff).bytes())).toBe('wkbCount');
  });

  it('refuses truncation, bad byte order, unknown and mismatched types, deep nesting', () => {
    expect(problemOf(new Wkb().head(1).f64(1).bytes())).toBe('wkbShort');
    expect(problemOf(new Wkb().u8(7).u32(1).f64(1, 2).bytes())).toBe('wkbByteOrder');
    expect(problemOf(new Wkb().head(99).bytes())).toBe('wkbGeometryType');
    expect(problemOf(new Wkb().head(4).u32(1).head(2).u32(0).bytes())).toBe('wkbMemberType');
    const deep = new Wkb();
    for (let i = 0; i < 12; i += 1) deep.head(7).u32(1);
    deep.head(1).f64(1, 2);
    expect(problemOf(deep.bytes())).toBe('wkbDepth');
  });

  it('refuses curves by name rather than drawing them wrong', () => {
    const e = formatErrorOf(() => readWkb(new Wkb().head(10).u32(0).bytes(), 0, 3));
    expect([e.kind, e.problem, e.params]).toEqual([
      'unsupported',
      'wkbCurve',
      { type: 'CurvePolygon', feature: 3 },
    ]);
  });
});

describe('GeoPackage geometry blob', () => {
  const point = new Wkb().head(1).f64(5, 6).bytes();
  const blob = (flags: number, envelope: number): Uint8Array =>
    Uint8Array.from([0x47, 0x50, 0, flags, 0xe6, 0x10, 0, 0, ...new Uint8Array(envelope), ...point]);

  it('skips each envelope size the header names', () => {
    for (const [indicator, bytes] of [
      [0, 0],
      [1, 32],
      [2, 48],
      [3, 48],
      [4, 64],
    ] as const)
      expect(readGeometryBlob(blob(1 | (indicator << 1), bytes), 1)).toEqual({
        type: 'Point',
        coordinates: [5, 6],
      });
  });

  it('reads the empty flag as no geometry, refuses a bad magic, envelope code or extended type', () => {
    expect(readGeometryBlob(blob(0x11, 0), 1)).toBeNull();
    const notGp = Uint8Array.from([0x58, ...blob(1, 0).subarray(1)]);
    expect(formatErrorOf(() => readGeometryBlob(notGp, 1)).problem).toBe('gpkgGeometryHeader');
    expect(formatErrorOf(() => readGeometryBlob(blob(1 | (5 << 1), 0), 1)).problem).toBe(
      'gpkgGeometryHeader',
    );
    expect(formatErrorOf(() => readGeometryBlob(blob(0x21, 0), 1)).problem).toBe('gpkgExtendedGeometry');
  });
});

describe('detection', () => {
  const head = (...parts: string[]): Uint8Array => readFileSync(fixture(...parts)).subarray(0, 64 * 1024);

  it('claims a GeoPackage by its application_id whatever its name, and a .gpkg by name', () => {
    expect(detectFormat({ name: 'data.db', head: head('containers', '矿产地质.gpkg') })).toBe('GeoPackage');
    expect(detectFormat({ name: 'x.gpkg', head: head('containers', 'bad', 'not-sqlite.gpkg') })).toBe(
      'GeoPackage',
    );
    expect(detectFormat({ name: 'x.txt', head: head('containers', 'bad', 'not-sqlite.gpkg') })).toBeNull();
  });

  it('claims FlatGeobuf by its magic bytes', () => {
    expect(detectFormat({ name: 'a.bin', head: head('containers', '钻孔-indexed.fgb') })).toBe('FlatGeobuf');
    expect(
      detectFormat({ name: 'a.fgb', head: Uint8Array.from([0x66, 0x67, 0x62, 0x02, 0x66, 0x67, 0x62, 0]) }),
    ).toBeNull();
  });
});
