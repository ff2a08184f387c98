import type { Geometry, Position } from '../../model/index.js';
import { corrupt, unsupported } from '../format-error.js';
import { MAX_COLLECTION_DEPTH } from '../vector-summary.js';

/** Smallest encoding of one element of each counted list: a count or a 1-D position. */
const MIN_POINT_BYTES = 16;
const MIN_PART_BYTES = 4;
const MIN_GEOMETRY_BYTES = 5;

/** Which coordinates a WKB geometry carries after x and y. */
interface Dims {
  readonly z: boolean;
  readonly m: boolean;
}

/**
 * A cursor over one WKB value. Every count is checked against the bytes left before anything is
 * allocated for it, so a blob claiming 2³² rings fails at once instead of exhausting memory.
 */
class WkbCursor {
  private at: number;
  private little = true;
  constructor(
    private readonly view: DataView,
    start: number,
    private readonly where: number,
  ) {
    this.at = start;
  }

  private need(bytes: number): void {
    if (this.at + bytes > this.view.byteLength) throw corrupt('wkbShort', { feature: this.where });
  }

  byteOrder(): void {
    this.need(1);
    const b = this.view.getUint8(this.at);
    if (b > 1) throw corrupt('wkbByteOrder', { feature: this.where });
    this.little = b === 1;
    this.at += 1;
  }

  uint32(): number {
    this.need(4);
    const v = this.view.getUint32(this.at, this.little);
    this.at += 4;
    return v;
  }

  /** A count of items of at least `minBytes` each, refused when the blob cannot hold that many. */
  count(minBytes: number): number {
    const n = this.uint32();
    if (n * minBytes > this.view.byteLength - this.at) throw corrupt('wkbCount', { feature: this.where });
    return n;
  }

  position(dims: Dims): Position {
    const size = 16 + (dims.z ? 8 : 0) + (dims.m ? 8 : 0);
    this.need(size);
    const x = this.view.getFloat64(this.at, this.little);
    const y = this.view.getFloat64(this.at + 8, this.little);
    // M is a measure, not a coordinate: GeoJSON-shaped positions keep x, y and z only.
    const z = dims.z ? this.view.getFloat64(this.at + 16, this.little) : null;
    this.at += size;
    return z === null ? [x, y] : [x, y, z];
  }

  positions(dims: Dims): Position[] {
    const n = this.count(MIN_POINT_BYTES);
    const out: Position[] = [];
    for (let i = 0; i < n; i += 1) out.push(this.position(dims));
    return out;
  }

  rings(dims: Dims): Position[][] {
    const n = this.count(MIN_PART_BYTES);
    const out: Position[][] = [];
    for (let i = 0; i < n; i += 1) out.push(this.positions(dims));
    return out;
  }
}

/** Base type and dimensions of a WKB type word: ISO (1000/2000/3000 offsets) or EWKB high bits. */
function typeOf(word: number, where: number): { base: number; dims: Dims } {
  const ewkbZ = (word & 0x80000000) !== 0;
  const ewkbM = (word & 0x40000000) !== 0;
  if ((word & 0x20000000) !== 0) throw unsupported('wkbGeometryType', { type: word >>> 0, feature: where });
  const iso = word & 0x0fffffff;
  const base = iso % 1000;
  const flavour = Math.floor(iso / 1000);
  if (flavour > 3) throw corrupt('wkbGeometryType', { type: iso, feature: where });
  return {
    base,
    dims: { z: ewkbZ || flavour === 1 || flavour === 3, m: ewkbM || flavour === 2 || flavour === 3 },
  };
}

const isEmptyPoint = (p: Position): boolean => Number.isNaN(p[0]) && Number.isNaN(p[1]);

/** Types 8–17 (circular strings, curves, surfaces, TIN): refused by name rather than misdrawn. */
const CURVE_TYPES: Readonly<Record<number, string>> = {
  8: 'CircularString',
  9: 'CompoundCurve',
  10: 'CurvePolygon',
  11: 'MultiCurve',
  12: 'MultiSurface',
  13: 'Curve',
  14: 'Surface',
  15: 'PolyhedralSurface',
  16: 'TIN',
  17: 'Triangle',
};

function readGeometry(c: WkbCursor, where: number, depth: number): Geometry | null {
  c.byteOrder();
  const { base, dims } = typeOf(c.uint32(), where);
  /** The parts of a Multi*: each a WKB of its own, with its own byte order, of type `expected`. */
  const members = <T>(expected: number, read: (d: Dims) => T | null): T[] => {
    const n = c.count(MIN_GEOMETRY_BYTES);
    const out: T[] = [];
    for (let i = 0; i < n; i += 1) {
      c.byteOrder();
      const inner = typeOf(c.uint32(), where);
      if (inner.base !== expected) throw corrupt('wkbMemberType', { feature: where });
      const part = read(inner.dims);
      if (part !== null) out.push(part);
    }
    return out;
  };
  switch (base) {
    case 1: {
      const p = c.position(dims);
      return isEmptyPoint(p) ? null : { type: 'Point', coordinates: p };
    }
    case 2:
      return { type: 'LineString', coordinates: c.positions(dims) };
    case 3:
      return { type: 'Polygon', coordinates: c.rings(dims) };
    case 4:
      return {
        type: 'MultiPoint',
        coordinates: members(1, (d) => {
          const p = c.position(d);
          return isEmptyPoint(p) ? null : p;
        }),
      };
    case 5:
      return { type: 'MultiLineString', coordinates: members(2, (d) => c.positions(d)) };
    case 6:
      return { type: 'MultiPolygon', coordinates: members(3, (d) => c.rings(d)) };
    case 7: {
      if (depth >= MAX_COLLECTION_DEPTH)
        throw corrupt('wkbDepth', { max: MAX_COLLECTION_DEPTH, feature: where });
      const n = c.count(MIN_GEOMETRY_BYTES);
      const geometries: Geometry[] = [];
      for (let i = 0; i < n; i += 1) {
        const g = readGeometry(c, where, depth + 1);
        if (g !== null) geometries.push(g);
      }
      return { type: 'GeometryCollection', geometries };
    }
    default: {
      const name = CURVE_TYPES[base];
      if (name !== undefined) throw unsupported('wkbCurve', { type: name, feature: where });
      throw corrupt('wkbGeometryType', { type: base, feature: where });
    }
  }
}

/**
 * Reads one WKB geometry (OGC/ISO, with Z/M, or EWKB without SRID) starting at `start` of `bytes`.
 * Empty points read as null. `where` (a 1-based feature number) goes into errors.
 */
export function readWkb(bytes: Uint8Array, start: number, where: number): Geometry | null {
  const c = new WkbCursor(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), start, where);
  return readGeometry(c, where, 0);
}
