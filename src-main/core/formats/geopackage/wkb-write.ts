import type { Geometry, Position } from '../../model/index.js';

/** WKB type codes of the OGC simple features; +1000 marks a geometry with Z (ISO WKB). */
const TYPE_CODES: Readonly<Record<Geometry['type'], number>> = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
  GeometryCollection: 7,
};

/** Whether any position of `g` carries a Z: then every position is written with one (0 when missing). */
export function geometryHasZ(g: Geometry): boolean {
  const deep = (value: unknown): boolean =>
    Array.isArray(value) &&
    (typeof value[0] === 'number' ? value.length > 2 : value.some((item) => deep(item)));
  return g.type === 'GeometryCollection' ? g.geometries.some(geometryHasZ) : deep(g.coordinates);
}

/** Grows as written: little-endian ISO WKB. */
class WkbBuilder {
  private bytes = new Uint8Array(256);
  private view = new DataView(this.bytes.buffer);
  private at = 0;

  private room(n: number): void {
    if (this.at + n <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.at + n));
    next.set(this.bytes);
    this.bytes = next;
    this.view = new DataView(next.buffer);
  }

  header(type: Geometry['type'], z: boolean): void {
    this.room(5);
    this.view.setUint8(this.at, 1);
    this.view.setUint32(this.at + 1, TYPE_CODES[type] + (z ? 1000 : 0), true);
    this.at += 5;
  }

  count(n: number): void {
    this.room(4);
    this.view.setUint32(this.at, n, true);
    this.at += 4;
  }

  position(p: Position, z: boolean): void {
    this.room(z ? 24 : 16);
    this.view.setFloat64(this.at, p[0] ?? 0, true);
    this.view.setFloat64(this.at + 8, p[1] ?? 0, true);
    if (z) this.view.setFloat64(this.at + 16, p[2] ?? 0, true);
    this.at += z ? 24 : 16;
  }

  line(points: readonly Position[], z: boolean): void {
    this.count(points.length);
    for (const p of points) this.position(p, z);
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.at);
  }
}

function write(out: WkbBuilder, g: Geometry, z: boolean): void {
  out.header(g.type, z);
  switch (g.type) {
    case 'Point':
      out.position(g.coordinates, z);
      return;
    case 'LineString':
      out.line(g.coordinates, z);
      return;
    case 'Polygon':
      out.count(g.coordinates.length);
      for (const ring of g.coordinates) out.line(ring, z);
      return;
    case 'MultiPoint':
      out.count(g.coordinates.length);
      for (const p of g.coordinates) write(out, { type: 'Point', coordinates: p }, z);
      return;
    case 'MultiLineString':
      out.count(g.coordinates.length);
      for (const l of g.coordinates) write(out, { type: 'LineString', coordinates: l }, z);
      return;
    case 'MultiPolygon':
      out.count(g.coordinates.length);
      for (const p of g.coordinates) write(out, { type: 'Polygon', coordinates: p }, z);
      return;
    case 'GeometryCollection':
      out.count(g.geometries.length);
      for (const m of g.geometries) write(out, m, z);
  }
}

/** A geometry as ISO WKB, little-endian, with Z when any position has one. */
export function writeWkb(geometry: Geometry): Uint8Array {
  const out = new WkbBuilder();
  write(out, geometry, geometryHasZ(geometry));
  return out.result();
}

/** The XY envelope [minX, maxX, minY, maxY] of a geometry's positions; null when it has none. */
function envelopeOf(g: Geometry): [number, number, number, number] | null {
  const e: [number, number, number, number] = [Infinity, -Infinity, Infinity, -Infinity];
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') {
      const [x, y] = value as number[];
      e[0] = Math.min(e[0], x ?? Infinity);
      e[1] = Math.max(e[1], x ?? -Infinity);
      e[2] = Math.min(e[2], y ?? Infinity);
      e[3] = Math.max(e[3], y ?? -Infinity);
    } else for (const item of value) visit(item);
  };
  const walk = (geometry: Geometry): void => {
    if (geometry.type === 'GeometryCollection') geometry.geometries.forEach(walk);
    else visit(geometry.coordinates);
  };
  walk(g);
  return e[0] <= e[1] ? e : null;
}

/**
 * A GeoPackage geometry blob (GeoPackage 1.3 §2.1.3): 'GP', version 0, flags (little-endian,
 * XY envelope; empty when there is nothing to place), srs_id, envelope, then the WKB. A null
 * geometry is stored as SQL NULL by the caller, not as a blob.
 */
export function geometryBlob(geometry: Geometry, srsId: number): Uint8Array {
  const envelope = envelopeOf(geometry);
  const wkb = writeWkb(geometry);
  const head = envelope === null ? 8 : 40;
  const blob = new Uint8Array(head + wkb.length);
  const view = new DataView(blob.buffer);
  blob[0] = 0x47;
  blob[1] = 0x50;
  blob[2] = 0;
  blob[3] = envelope === null ? 0x11 : 0x03;
  view.setInt32(4, srsId, true);
  if (envelope !== null)
    envelope.forEach((v, i) => {
      view.setFloat64(8 + i * 8, v, true);
    });
  blob.set(wkb, head);
  return blob;
}
