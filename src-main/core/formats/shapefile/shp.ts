import type { Geometry, GeometryType, Position } from '../../model/index.js';
import { corrupt, tooLarge, unsupported } from '../format-error.js';
import { assemblePolygon } from './rings.js';

/** Shape families by shapefile shape type code; Z types keep Z, M values are dropped. */
const SHAPE_TYPES: Readonly<
  Record<number, { family: 'point' | 'line' | 'polygon' | 'multipoint'; z: boolean }>
> = {
  1: { family: 'point', z: false },
  3: { family: 'line', z: false },
  5: { family: 'polygon', z: false },
  8: { family: 'multipoint', z: false },
  11: { family: 'point', z: true },
  13: { family: 'line', z: true },
  15: { family: 'polygon', z: true },
  18: { family: 'multipoint', z: true },
  21: { family: 'point', z: false },
  23: { family: 'line', z: false },
  25: { family: 'polygon', z: false },
  28: { family: 'multipoint', z: false },
};

const LAYER_TYPES: Readonly<Record<string, GeometryType>> = {
  point: 'Point',
  line: 'LineString',
  polygon: 'Polygon',
  multipoint: 'MultiPoint',
};

export interface ShpContent {
  /** Layer type as GDAL reports it for the header's shape type ('None' for a null-shape file). */
  readonly geometryType: GeometryType;
  readonly geometries: (Geometry | null)[];
  readonly hasZ: boolean;
  /** Where the record offsets came from: the .shx, or a walk of the .shp (no usable .shx). */
  readonly index: 'shx' | 'rebuilt';
}

export interface ShpLimits {
  /** Total vertices accepted over all records. */
  readonly maxVertices: number;
}

/** Where each record's content lies: from the .shx when it is consistent, else by walking the .shp. */
function recordSpans(
  shp: DataView,
  shpEnd: number,
  shx: DataView | null,
): { spans: [number, number][]; index: ShpContent['index'] } {
  if (shx !== null && shx.byteLength >= 100 && shx.getInt32(0, false) === 9994) {
    const shxEnd = Math.min(shx.byteLength, shx.getInt32(24, false) * 2);
    const count = Math.floor((shxEnd - 100) / 8);
    const spans: [number, number][] = [];
    let ok = count >= 0;
    for (let i = 0; ok && i < count; i += 1) {
      const offset = shx.getInt32(100 + i * 8, false) * 2;
      const length = shx.getInt32(104 + i * 8, false) * 2;
      ok = offset >= 100 && length >= 0 && offset + 8 + length <= shpEnd;
      spans.push([offset + 8, length]);
    }
    if (ok) return { spans, index: 'shx' };
  }
  const spans: [number, number][] = [];
  for (let offset = 100; offset + 8 <= shpEnd;) {
    const length = shp.getInt32(offset + 4, false) * 2;
    if (length < 0 || offset + 8 + length > shpEnd) {
      throw corrupt('shpRecordPastEnd', { record: spans.length + 1 });
    }
    spans.push([offset + 8, length]);
    offset += 8 + length;
  }
  return { spans, index: 'rebuilt' };
}

interface Cursor {
  readonly view: DataView;
  readonly start: number;
  readonly length: number;
  readonly record: number;
}

function need(c: Cursor, bytes: number): void {
  if (bytes > c.length) throw corrupt('shpRecordShort', { record: c.record });
}

/** Reads parts + points (+ Z) of a PolyLine/Polygon/MultiPoint record into per-part position lists. */
function readParts(c: Cursor, z: boolean, multipoint: boolean, budget: { left: number }): Position[][] {
  const { view, start } = c;
  need(c, 40);
  const numParts = multipoint ? 1 : view.getInt32(start + 36, true);
  const numPoints = view.getInt32(start + (multipoint ? 36 : 40), true);
  if (numParts < 0 || numPoints < 0 || (!multipoint && numParts > numPoints && numPoints > 0)) {
    throw corrupt('shpRecordCounts', { record: c.record });
  }
  if (numPoints > budget.left) throw tooLarge('vertexBudget');
  budget.left -= numPoints;
  const partsAt = start + (multipoint ? 40 : 44);
  const pointsAt = partsAt + (multipoint ? 0 : numParts * 4);
  const zAt = pointsAt + numPoints * 16 + 16;
  need(c, pointsAt - start + numPoints * 16 + (z ? 16 + numPoints * 8 : 0));
  const starts: number[] = [];
  for (let i = 0; i < numParts; i += 1) {
    const s = multipoint ? 0 : view.getInt32(partsAt + i * 4, true);
    if (s < 0 || s > numPoints || (i > 0 && s < (starts[i - 1] ?? 0))) {
      throw corrupt('shpPartIndex', { record: c.record });
    }
    starts.push(s);
  }
  const parts: Position[][] = [];
  for (let i = 0; i < numParts; i += 1) {
    const from = starts[i] ?? 0;
    const to = i + 1 < numParts ? (starts[i + 1] ?? numPoints) : numPoints;
    const part: Position[] = [];
    for (let k = from; k < to; k += 1) {
      const x = view.getFloat64(pointsAt + k * 16, true);
      const y = view.getFloat64(pointsAt + k * 16 + 8, true);
      part.push(z ? [x, y, view.getFloat64(zAt + k * 8, true)] : [x, y]);
    }
    parts.push(part);
  }
  return parts;
}

function readRecord(c: Cursor, budget: { left: number }): Geometry | null {
  if (c.length < 4) throw corrupt('shpRecordEmpty', { record: c.record });
  const type = c.view.getInt32(c.start, true);
  if (type === 0) return null;
  const kind = SHAPE_TYPES[type];
  if (kind === undefined) throw unsupported('shapeType', { type });
  if (kind.family === 'point') {
    need(c, kind.z ? 28 : 20);
    const x = c.view.getFloat64(c.start + 4, true);
    const y = c.view.getFloat64(c.start + 12, true);
    // ESRI writes "no data" M/Z as < -1e38; a point with NaN x/y is a null point.
    if (Number.isNaN(x) || Number.isNaN(y)) return null;
    return { type: 'Point', coordinates: kind.z ? [x, y, c.view.getFloat64(c.start + 20, true)] : [x, y] };
  }
  const parts = readParts(c, kind.z, kind.family === 'multipoint', budget);
  if (kind.family === 'multipoint') return { type: 'MultiPoint', coordinates: parts[0] ?? [] };
  const nonEmpty = parts.filter((p) => p.length > 0);
  if (nonEmpty.length === 0) return null;
  if (kind.family === 'line') {
    return nonEmpty.length === 1 && nonEmpty[0] !== undefined
      ? { type: 'LineString', coordinates: nonEmpty[0] }
      : { type: 'MultiLineString', coordinates: nonEmpty };
  }
  return assemblePolygon(nonEmpty);
}

/**
 * Reads the geometries of a .shp (with its .shx when available; a missing or inconsistent .shx
 * falls back to walking the records, which are self-delimiting, and `index` says so). Trusts the header's file length, so junk after it is ignored;
 * every offset and count is checked against the record and file sizes before reading.
 */
export function readShp(shpBytes: Uint8Array, shxBytes: Uint8Array | null, limits: ShpLimits): ShpContent {
  const shp = new DataView(shpBytes.buffer, shpBytes.byteOffset, shpBytes.byteLength);
  if (shp.byteLength < 100 || shp.getInt32(0, false) !== 9994) throw corrupt('notShapefile');
  const declared = shp.getInt32(24, false) * 2;
  if (declared < 100) throw corrupt('shpHeaderLength');
  if (declared > shp.byteLength) throw corrupt('shpShorterThanHeader');
  const layerType = shp.getInt32(32, true);
  const layerKind = SHAPE_TYPES[layerType];
  if (layerType !== 0 && layerKind === undefined) throw unsupported('shapeType', { type: layerType });
  const shx =
    shxBytes === null ? null : new DataView(shxBytes.buffer, shxBytes.byteOffset, shxBytes.byteLength);
  const { spans, index } = recordSpans(shp, declared, shx);
  const budget = { left: limits.maxVertices };
  const geometries = spans.map(([start, length], i) =>
    readRecord({ view: shp, start, length, record: i + 1 }, budget),
  );
  return {
    geometryType: layerKind === undefined ? 'None' : (LAYER_TYPES[layerKind.family] ?? 'None'),
    geometries,
    hasZ: layerKind?.z ?? false,
    index,
  };
}
