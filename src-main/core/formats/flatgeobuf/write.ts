import * as flatbuffers from 'flatbuffers';
import { Column, Feature, Geometry as FgbGeometry, generic } from 'flatgeobuf';
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import type {
  AttributeValue,
  CrsInfo,
  FieldInfo,
  Geometry,
  Position,
  VectorFeature,
} from '../../model/index.js';
import { hilbertOrder, INDEX_NODE_SIZE, indexByteLength, packedRTree } from './packed-rtree.js';

const { ColumnType, GeometryType } = generic;
type ColumnTypeValue = (typeof ColumnType)[keyof typeof ColumnType];
type GeometryTypeValue = (typeof GeometryType)[keyof typeof GeometryType];

export interface FlatGeobufWriteInput {
  /** The layer name written into the header. */
  readonly name: string;
  readonly crs: CrsInfo;
  readonly fields: readonly FieldInfo[];
  readonly features: readonly VectorFeature[];
}

/** A FlatGeobuf file planned (boxes, sizes and order known): its length, and a writer of its bytes. */
export interface PlannedFlatGeobuf {
  readonly byteLength: number;
  /** Features written (those with a geometry). */
  readonly featureCount: number;
  /** The column holding each feature's number in the layer, 1..N (the last column). */
  readonly numberColumn: string;
  /** Hands the file to `sink` in order, in chunks of about a mebibyte. */
  write(sink: (chunk: Uint8Array) => void): void;
}

/** The column that numbers features 1..N in layer order: `strata_fid`, made unique against the fields. */
export function numberColumnName(fields: readonly FieldInfo[]): string {
  let name = 'strata_fid';
  while (fields.some((f) => f.name === name)) name = `${name}_`;
  return name;
}

const columnType = (type: FieldInfo['type']): ColumnTypeValue =>
  type === 'number' ? ColumnType.Double : type === 'boolean' ? ColumnType.Bool : ColumnType.String;

const GEOMETRY_TYPES: Readonly<Record<Geometry['type'], GeometryTypeValue>> = {
  Point: GeometryType.Point,
  MultiPoint: GeometryType.MultiPoint,
  LineString: GeometryType.LineString,
  MultiLineString: GeometryType.MultiLineString,
  Polygon: GeometryType.Polygon,
  MultiPolygon: GeometryType.MultiPolygon,
  GeometryCollection: GeometryType.GeometryCollection,
};

function expand(box: Float64Array, at: number, p: Position): void {
  const x = p[0] ?? 0;
  const y = p[1] ?? 0;
  box[at] = Math.min(box[at] ?? 0, x);
  box[at + 1] = Math.min(box[at + 1] ?? 0, y);
  box[at + 2] = Math.max(box[at + 2] ?? 0, x);
  box[at + 3] = Math.max(box[at + 3] ?? 0, y);
}

function boundGeometry(box: Float64Array, at: number, g: Geometry): void {
  switch (g.type) {
    case 'Point':
      expand(box, at, g.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      for (const p of g.coordinates) expand(box, at, p);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of g.coordinates) for (const p of line) expand(box, at, p);
      return;
    case 'MultiPolygon':
      for (const polygon of g.coordinates)
        for (const ring of polygon) for (const p of ring) expand(box, at, p);
      return;
    case 'GeometryCollection':
      for (const part of g.geometries) boundGeometry(box, at, part);
  }
}

/** x, y of each position (2D: the display copy draws in plan), and the ends of each line/ring. */
function flatLines(lines: readonly (readonly Position[])[]): { xy: number[]; ends: number[] } {
  const xy: number[] = [];
  const ends: number[] = [];
  for (const line of lines) {
    for (const p of line) xy.push(p[0] ?? 0, p[1] ?? 0);
    ends.push(xy.length / 2);
  }
  return { xy, ends };
}

function buildGeometry(b: flatbuffers.Builder, g: Geometry): flatbuffers.Offset {
  if (g.type === 'MultiPolygon' || g.type === 'GeometryCollection') {
    const parts: Geometry[] =
      g.type === 'MultiPolygon'
        ? g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }))
        : [...g.geometries];
    const offsets = parts.map((part) => buildGeometry(b, part));
    const partsOffset = FgbGeometry.createPartsVector(b, offsets);
    FgbGeometry.startGeometry(b);
    FgbGeometry.addParts(b, partsOffset);
    FgbGeometry.addType(b, GEOMETRY_TYPES[g.type]);
    return FgbGeometry.endGeometry(b);
  }
  const lines =
    g.type === 'Point'
      ? [[g.coordinates]]
      : g.type === 'MultiPoint' || g.type === 'LineString'
        ? [g.coordinates]
        : g.coordinates;
  const { xy, ends } = flatLines(lines);
  const xyOffset = FgbGeometry.createXyVector(b, xy);
  // One part needs no ends (the spec's rule; GDAL reads either).
  const endsOffset =
    (g.type === 'MultiLineString' || g.type === 'Polygon') && ends.length > 1
      ? FgbGeometry.createEndsVector(b, ends)
      : 0;
  FgbGeometry.startGeometry(b);
  FgbGeometry.addXy(b, xyOffset);
  if (endsOffset !== 0) FgbGeometry.addEnds(b, endsOffset);
  FgbGeometry.addType(b, GEOMETRY_TYPES[g.type]);
  return FgbGeometry.endGeometry(b);
}

const encoder = new TextEncoder();

/** A reusable, growing scratch buffer for one feature's properties. */
class PropertyBuffer {
  private bytes = new Uint8Array(1024);
  private view = new DataView(this.bytes.buffer);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  u16(v: number): void {
    this.room(2);
    this.view.setUint16(this.length, v, true);
    this.length += 2;
  }
  i32(v: number): void {
    this.room(4);
    this.view.setInt32(this.length, v, true);
    this.length += 4;
  }
  f64(v: number): void {
    this.room(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }
  u8(v: number): void {
    this.room(1);
    this.bytes[this.length] = v;
    this.length += 1;
  }
  text(v: string): void {
    // At most 3 bytes per UTF-16 unit.
    this.room(4 + 3 * v.length);
    const { written } = encoder.encodeInto(v, this.bytes.subarray(this.length + 4));
    this.view.setUint32(this.length, written, true);
    this.length += 4 + written;
  }
  get content(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** The properties blob: per non-null value its column index (uint16) and the value. */
function encodeProperties(
  out: PropertyBuffer,
  columns: readonly { readonly name: string; readonly type: ColumnTypeValue }[],
  values: Readonly<Record<string, AttributeValue>>,
  number: number,
): Uint8Array {
  out.length = 0;
  const last = columns.length - 1;
  for (let i = 0; i <= last; i++) {
    const column = columns[i];
    if (column === undefined) continue;
    const value = i === last ? number : values[column.name];
    if (value === null || value === undefined) continue;
    out.u16(i);
    if (column.type === ColumnType.Int) out.i32(Number(value));
    else if (column.type === ColumnType.Double) out.f64(Number(value));
    else if (column.type === ColumnType.Bool) out.u8(value === true ? 1 : 0);
    else out.text(String(value));
  }
  return out.content;
}

function headerBytes(
  input: FlatGeobufWriteInput,
  columns: readonly { readonly name: string; readonly type: ColumnTypeValue }[],
  geometryType: GeometryTypeValue,
  featureCount: number,
  envelope: readonly number[] | null,
): Uint8Array {
  const b = new flatbuffers.Builder(1024);
  const columnOffsets = columns.map((c) => {
    const name = b.createString(c.name);
    Column.startColumn(b);
    Column.addName(b, name);
    Column.addType(b, c.type);
    Column.addNullable(b, true);
    return Column.endColumn(b);
  });
  const columnsOffset = Header.createColumnsVector(b, columnOffsets);
  const nameOffset = b.createString(input.name);
  const epsg = /^EPSG:(\d+)$/.exec(input.crs.code ?? '')?.[1];
  let crsOffset = 0;
  if (epsg !== undefined) {
    const org = b.createString('EPSG');
    Crs.startCrs(b);
    Crs.addOrg(b, org);
    Crs.addCode(b, Number(epsg));
    crsOffset = Crs.endCrs(b);
  }
  const envelopeOffset = envelope === null ? 0 : Header.createEnvelopeVector(b, [...envelope]);
  Header.startHeader(b);
  Header.addName(b, nameOffset);
  if (envelopeOffset !== 0) Header.addEnvelope(b, envelopeOffset);
  Header.addGeometryType(b, geometryType);
  Header.addColumns(b, columnsOffset);
  Header.addFeaturesCount(b, BigInt(featureCount));
  Header.addIndexNodeSize(b, featureCount > 0 ? INDEX_NODE_SIZE : 0);
  if (crsOffset !== 0) Header.addCrs(b, crsOffset);
  b.finishSizePrefixed(Header.endHeader(b));
  return b.asUint8Array();
}

/**
 * Plans an indexed FlatGeobuf of a layer (ADR 0150): features with a geometry, in Hilbert order of
 * their boxes' centres, behind a packed R-tree (node size 16), each carrying its number in the
 * layer (1..N) in the last column. Coordinates are written as given (the dataset's CRS, x first,
 * 2D). Memory beyond the features is a box and a size per feature: each feature is encoded once
 * to learn its size and again as it is written.
 */
export function planFlatGeobuf(input: FlatGeobufWriteInput): PlannedFlatGeobuf {
  const numberColumn = numberColumnName(input.fields);
  const columns = [
    ...input.fields.map((f) => ({ name: f.name, type: columnType(f.type) })),
    { name: numberColumn, type: ColumnType.Int },
  ];
  const drawn: number[] = [];
  input.features.forEach((f, i) => {
    if (f.geometry !== null) drawn.push(i);
  });
  const count = drawn.length;
  const boxes = new Float64Array(4 * count);
  const types = new Set<Geometry['type']>();
  for (let k = 0; k < count; k++) {
    const geometry = input.features[drawn[k] ?? 0]?.geometry;
    if (!geometry) continue;
    boxes.set([Infinity, Infinity, -Infinity, -Infinity], 4 * k);
    boundGeometry(boxes, 4 * k, geometry);
    types.add(geometry.type);
  }
  const [only] = types;
  const geometryType = types.size === 1 && only !== undefined ? GEOMETRY_TYPES[only] : GeometryType.Unknown;

  const builder = new flatbuffers.Builder(256);
  const scratch = new PropertyBuffer();
  const encode = (k: number): Uint8Array => {
    const index = drawn[k] ?? 0;
    const feature = input.features[index];
    if (!feature?.geometry) return new Uint8Array(0);
    builder.clear();
    const props = Feature.createPropertiesVector(
      builder,
      encodeProperties(scratch, columns, feature.properties, index + 1),
    );
    const geometry = buildGeometry(builder, feature.geometry);
    Feature.startFeature(builder);
    Feature.addGeometry(builder, geometry);
    Feature.addProperties(builder, props);
    builder.finishSizePrefixed(Feature.endFeature(builder));
    return builder.asUint8Array();
  };

  const order = hilbertOrder(boxes);
  const sortedBoxes = new Float64Array(4 * count);
  const offsets = new Float64Array(count);
  let featureBytes = 0;
  for (let k = 0; k < count; k++) {
    const item = order[k] ?? 0;
    sortedBoxes.set(boxes.subarray(4 * item, 4 * item + 4), 4 * k);
    offsets[k] = featureBytes;
    featureBytes += encode(item).length;
  }
  let envelope: number[] | null = null;
  if (count > 0) {
    envelope = [Infinity, Infinity, -Infinity, -Infinity];
    for (let k = 0; k < count; k++) {
      envelope[0] = Math.min(envelope[0] ?? 0, boxes[4 * k] ?? 0);
      envelope[1] = Math.min(envelope[1] ?? 0, boxes[4 * k + 1] ?? 0);
      envelope[2] = Math.max(envelope[2] ?? 0, boxes[4 * k + 2] ?? 0);
      envelope[3] = Math.max(envelope[3] ?? 0, boxes[4 * k + 3] ?? 0);
    }
  }
  const header = headerBytes(input, columns, geometryType, count, envelope);
  const byteLength = magicbytes.length + header.length + indexByteLength(count) + featureBytes;

  return {
    byteLength,
    featureCount: count,
    numberColumn,
    write(sink) {
      sink(Uint8Array.from(magicbytes));
      sink(header);
      sink(packedRTree(sortedBoxes, offsets));
      const chunk = new Uint8Array(1 << 20);
      let used = 0;
      for (let k = 0; k < count; k++) {
        const bytes = encode(order[k] ?? 0);
        if (used + bytes.length > chunk.length && used > 0) {
          sink(chunk.slice(0, used));
          used = 0;
        }
        if (bytes.length > chunk.length) sink(bytes.slice());
        else {
          chunk.set(bytes, used);
          used += bytes.length;
        }
      }
      if (used > 0) sink(chunk.slice(0, used));
    },
  };
}

/** The whole file in one buffer of exactly its length (for a display copy handed across threads). */
export function writeFlatGeobuf(input: FlatGeobufWriteInput): Uint8Array {
  const planned = planFlatGeobuf(input);
  const out = new Uint8Array(planned.byteLength);
  let at = 0;
  planned.write((chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  return out;
}
