import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { crsFromCode, crsFromEpsg } from '../../crs/index.js';
import type { AttributeValue, CrsInfo, FieldInfo, Geometry, VectorFeature } from '../../model/index.js';
import { corrupt, tooLarge, unsupported } from '../format-error.js';
import type { FormatNotice, OpenOptions, VectorLayerRead } from '../format-module.js';
import { encodingFromCpg, isValidUtf8, type DbfEncoding } from '../shapefile/encoding.js';
import { extentOf, layerGeometryType } from '../vector-summary.js';
import { parseWkt } from './wkt.js';

export const CSV_LIMITS = { maxColumns: 10_000 } as const;

/**
 * Column names taken for coordinates, compared trimmed and case-insensitively, pair by pair in
 * this order: geographic names first (they also decide the default CRS), then names that say
 * their direction, then explicit survey names, then bare x/y. A direction beats the letter:
 * Chinese surveying calls northing X, so `X坐标(北)` is y and `Y坐标(东)` is x (see `directionOf`).
 */
interface NamePair {
  readonly x: readonly string[];
  readonly y: readonly string[];
}
const GEOGRAPHIC: NamePair = {
  x: ['lon', 'lng', 'long', 'longitude', '经度', '东经'],
  y: ['lat', 'latitude', '纬度', '北纬'],
};
const PLANE: readonly NamePair[] = [
  { x: ['x坐标', '横坐标'], y: ['y坐标', '纵坐标'] },
  { x: ['x', 'point_x', 'coord_x'], y: ['y', 'point_y', 'coord_y'] },
];

const normal = (name: string): string => name.trim().toLowerCase();

/** `north`, `northing`, `east`, `easting` as words, or a lone N / E in brackets or after X/Y and a separator. */
const NORTH = /(^|[^a-z])north(ing)?([^a-z]|$)|[(（[]\s*n\s*[)）\]]|^[xy][\s_-]+n$/;
const EAST = /(^|[^a-z])east(ing)?([^a-z]|$)|[(（[]\s*e\s*[)）\]]|^[xy][\s_-]+e$/;

/**
 * The axis a column name says by its direction, whatever letter it uses: 北 or N(orth) is
 * northing (y), 东 or E(ast) is easting (x); null when it says neither or both. Degree names
 * (北纬, 东经) are matched before this, as geographic.
 */
export function directionOf(name: string): 'x' | 'y' | null {
  const n = normal(name);
  const north = n.includes('北') || NORTH.test(n);
  const east = n.includes('东') || EAST.test(n);
  if (north === east) return null;
  return north ? 'y' : 'x';
}

const WKT_NAMES = ['wkt', 'wkt_geom', 'geometry', 'geom', 'the_geom'];

const UTF8: DbfEncoding = { iconvName: 'utf8', label: 'UTF-8' };
const GBK: DbfEncoding = { iconvName: 'gbk', label: 'GBK' };

/** Bytes looked at to tell UTF-8 from GBK. */
const SNIFF_BYTES = 64 * 1024;

/** UTF-8 when the sample is well-formed (allowing a sequence cut at its end), else GBK. */
function sniffEncoding(sample: Uint8Array): DbfEncoding {
  for (let cut = 0; cut <= 3 && cut < sample.length; cut += 1)
    if (isValidUtf8(sample.subarray(0, sample.length - cut))) return UTF8;
  return GBK;
}

function encodingOf(name: string | undefined, sample: Uint8Array): DbfEncoding {
  if (name === undefined) return sniffEncoding(sample);
  const named = encodingFromCpg(Uint8Array.from(name, (c) => c.charCodeAt(0) & 0xff));
  if (named === null) throw unsupported('encodingName', { encoding: name });
  return named;
}

/** The separator GDAL's CSV driver would take: the most frequent of , ; tab | on the header line. */
function delimiterOf(header: string): string {
  let best = ',';
  let count = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = header.split(d).length - 1;
    if (n > count) [best, count] = [d, n];
  }
  return best;
}

const newlineOf = (text: string): '\r\n' | '\n' | '\r' => {
  const n = text.indexOf('\n');
  if (n > 0 && text[n - 1] === '\r') return '\r\n';
  return n < 0 && text.includes('\r') ? '\r' : '\n';
};

/**
 * iconv-lite's streaming decoder is typed for Node Buffers but reads any byte array (its UTF-8
 * path is Node's StringDecoder, its GBK path indexes bytes); chunk edges are carried over.
 */
const decodeChunk = (decoder: iconv.DecoderStream, bytes: Uint8Array): string =>
  decoder.write(bytes as Buffer);

/** Rows of the file, read chunk by chunk: only the current chunk's text and its rows are held. */
function* rowsOf(next: () => Uint8Array, encodingName: string | undefined): Generator<string[], DbfEncoding> {
  // The encoding is decided on a sample of the file's start; chunks are copied while sampling
  // because the reader may reuse its buffer.
  const sampled: Uint8Array[] = [];
  let size = 0;
  let chunk = next();
  while (chunk.length > 0) {
    sampled.push(chunk.slice());
    size += chunk.length;
    if (size >= SNIFF_BYTES) break;
    chunk = next();
  }
  const first = new Uint8Array(size);
  let at = 0;
  for (const part of sampled) {
    first.set(part, at);
    at += part.length;
  }
  const bom = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf;
  const encoding = bom ? UTF8 : encodingOf(encodingName, first);
  const decoder = iconv.getDecoder(encoding.iconvName, { stripBOM: true });
  const ended = chunk.length === 0;
  let text = decodeChunk(decoder, first) + (ended ? (decoder.end() ?? '') : '');
  let parser: Papa.Parser | null = null;
  chunk = ended ? chunk : first;
  while (true) {
    const final = chunk.length === 0;
    if (parser === null) {
      const lineEnd = text.search(/[\r\n]/);
      // A CR at the end of the text may be the first half of CRLF: wait for the next character.
      const undecided = lineEnd < 0 || (lineEnd === text.length - 1 && text[lineEnd] === '\r');
      if (undecided && !final) {
        chunk = next();
        text += chunk.length === 0 ? (decoder.end() ?? '') : decodeChunk(decoder, chunk);
        continue;
      }
      const header = lineEnd < 0 ? text : text.slice(0, lineEnd);
      parser = new Papa.Parser({ delimiter: delimiterOf(header), newline: newlineOf(text), quoteChar: '"' });
    }
    const result = parser.parse(text, 0, !final) as { data: string[][]; meta: { cursor: number } };
    yield* result.data;
    if (final) return encoding;
    text = text.slice(result.meta.cursor);
    chunk = next();
    text += chunk.length === 0 ? (decoder.end() ?? '') : decodeChunk(decoder, chunk);
  }
}

function findColumn(header: readonly string[], wanted: string): number {
  const exact = header.indexOf(wanted);
  return exact >= 0 ? exact : header.findIndex((h) => normal(h) === normal(wanted));
}

interface GeometrySource {
  readonly kind: 'points' | 'wkt';
  readonly x: number;
  readonly y: number;
  readonly degrees: boolean;
}

function geometryColumns(header: readonly string[], options: OpenOptions): GeometrySource {
  if (options.x !== undefined || options.y !== undefined) {
    const x = findColumn(header, options.x ?? '');
    if (x < 0) throw unsupported('csvColumnMissing', { column: options.x ?? '' });
    const y = findColumn(header, options.y ?? '');
    if (y < 0) throw unsupported('csvColumnMissing', { column: options.y ?? '' });
    return { kind: 'points', x, y, degrees: false };
  }
  const names = header.map(normal);
  const lon = names.findIndex((n) => GEOGRAPHIC.x.includes(n));
  const lat = names.findIndex((n) => GEOGRAPHIC.y.includes(n));
  if (lon >= 0 && lat >= 0) return { kind: 'points', x: lon, y: lat, degrees: true };
  const east = names.findIndex((n) => directionOf(n) === 'x');
  const north = names.findIndex((n) => directionOf(n) === 'y');
  if (east >= 0 && north >= 0) return { kind: 'points', x: east, y: north, degrees: false };
  for (const pair of PLANE) {
    const x = names.findIndex((n) => pair.x.includes(n));
    const y = names.findIndex((n) => pair.y.includes(n));
    if (x >= 0 && y >= 0) return { kind: 'points', x, y, degrees: false };
  }
  const wkt = names.findIndex((n) => WKT_NAMES.includes(n));
  if (wkt >= 0) return { kind: 'wkt', x: wkt, y: wkt, degrees: false };
  throw unsupported('csvNoCoordinates');
}

/** A number as GDAL's CSV driver reads a coordinate: decimal text, surrounding blanks allowed. */
function coordinate(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const n = Number(text.trim());
  return Number.isFinite(n) ? n : null;
}

type Kind = 'integer' | 'real' | 'string' | null;

const INTEGER = /^[+-]?\d{1,15}$/;
const LEADING_ZERO = /^[+-]?0\d/;
const REAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A column's type as GDAL's AUTODETECT_TYPE finds it: integer when every value is, real when
 * every value is a number, else string; empty cells do not count. One difference, on purpose:
 * an integer written with leading zeros (区号 0771, a borehole 007) stays text, as a code.
 */
function widen(kind: Kind, value: string): Kind {
  const v = value.trim();
  if (v === '') return kind;
  const own: Kind = LEADING_ZERO.test(v)
    ? 'string'
    : INTEGER.test(v)
      ? 'integer'
      : REAL.test(v)
        ? 'real'
        : 'string';
  if (kind === null || kind === own) return own;
  if (kind === 'string' || own === 'string') return 'string';
  return 'real';
}

const valueOf = (kind: Kind, value: string | undefined): AttributeValue => {
  if (value === undefined) return null;
  if (kind === 'integer' || kind === 'real') return value.trim() === '' ? null : Number(value.trim());
  return value;
};

/**
 * A CSV table of points (ADR 0148): coordinates from the columns the user named (`x`, `y`) or
 * the first pair of known names, else from a WKT column; CRS from `options.crs`, else EPSG:4326
 * when the columns are lon/lat by name and every value is in degree range, else none (the user
 * assigns one). Every column stays an attribute, typed like GDAL's AUTODETECT_TYPE. A row without
 * usable coordinates is kept without geometry, as GDAL keeps it, and the layer says so.
 */
export function readCsv(next: () => Uint8Array, options: OpenOptions): VectorLayerRead {
  const rows = rowsOf(next, options.encoding);
  const first = rows.next();
  if (first.done === true || first.value.every((c) => c.trim() === '')) throw corrupt('csvEmpty');
  const header = first.value.map((h) => h.trim());
  if (header.length > CSV_LIMITS.maxColumns)
    throw tooLarge('csvColumns', { count: header.length, max: CSV_LIMITS.maxColumns });
  const where = geometryColumns(header, options);
  const chosen = options.crs === undefined ? null : crsFromCode(options.crs);
  if (options.crs !== undefined && chosen === null) throw unsupported('csvCrsCode', { crs: options.crs });
  const kinds: Kind[] = header.map(() => null);
  const cells: string[][] = [];
  const geometries: (Geometry | null)[] = [];
  let inDegrees = where.degrees;
  let step = rows.next();
  while (step.done !== true) {
    const row = step.value;
    step = rows.next();
    if (row.length === 1 && row[0]?.trim() === '') continue;
    row.forEach((v, i) => {
      if (i < kinds.length) kinds[i] = widen(kinds[i] ?? null, v);
    });
    cells.push(row);
    let geometry: Geometry | null = null;
    if (where.kind === 'wkt') geometry = parseWkt(row[where.x] ?? '');
    else {
      const x = coordinate(row[where.x]);
      const y = coordinate(row[where.y]);
      if (x !== null && y !== null) {
        geometry = { type: 'Point', coordinates: [x, y] };
        if (Math.abs(x) > 180 || Math.abs(y) > 90) inDegrees = false;
      }
    }
    geometries.push(geometry);
  }
  const encoding = step.value;
  const features: VectorFeature[] = cells.map((row, r) => ({
    geometry: geometries[r] ?? null,
    properties: Object.fromEntries(header.map((name, i) => [name, valueOf(kinds[i] ?? null, row[i])])),
  }));
  const fields: FieldInfo[] = header.map((name, i) => ({
    name,
    type: kinds[i] === 'integer' || kinds[i] === 'real' ? 'number' : 'string',
  }));
  const crs: CrsInfo | null = chosen ?? (inDegrees && features.length > 0 ? crsFromEpsg(4326) : null);
  const notices: FormatNotice[] = geometries.some((g) => g === null) ? ['csv.rowsWithoutCoordinates'] : [];
  return {
    kind: 'vector',
    layer: null,
    info: {
      kind: 'vector',
      featureCount: features.length,
      geometryType: layerGeometryType(features),
      fields,
      crs,
      extent: extentOf(features),
      encoding: encoding.label,
    },
    features,
    notices,
  };
}
