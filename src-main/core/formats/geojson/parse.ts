import { crsFromCode, crsFromEpsg } from '../../crs/index.js';
import type { AttributeValue, CrsInfo, FieldInfo, VectorFeature, VectorInfo } from '../../model/index.js';
import { corrupt, tooLarge } from '../format-error.js';
import { extentOf, layerGeometryType } from '../vector-summary.js';
import { readBudgetedJson, type ChunkReader } from './budgeted-json.js';
import { parseGeometry } from './parse-geometry.js';

/** Default budget for one GeoJSON text, in UTF-16 code units (≈ bytes for coordinate-heavy files). */
export const GEOJSON_MAX_CHARS = 256 * 1024 * 1024;

export interface GeoJsonOptions {
  /** Refuse longer text with a too-large error (default GEOJSON_MAX_CHARS). */
  readonly maxChars?: number;
}

/**
 * Default memory budget of one streamed GeoJSON document's parsed tree, in estimated heap bytes
 * (TREE_COST): with the worker's heap cap, it keeps a parse and its result under the parse memory
 * cap (ADR 0081). About 8 million coordinate pairs.
 */
export const GEOJSON_MAX_TREE_BYTES = 384 * 1024 * 1024;
/** Arrays and objects nest at most this deep in a streamed document (GeoJSON itself needs ~10). */
export const GEOJSON_MAX_DEPTH = 256;

export interface GeoJsonStreamOptions {
  /** Refuse (too-large) a document whose tree is estimated above this (default GEOJSON_MAX_TREE_BYTES). */
  readonly maxTreeBytes?: number;
}

export interface VectorData {
  readonly info: VectorInfo;
  readonly features: VectorFeature[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The CRS of a GeoJSON document: RFC 7946 says WGS 84 lon/lat; the 2008 draft's `crs` member
 * (`{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4490"}}`, or `{"type":"EPSG",
 * "properties":{"code":4490}}`) overrides it. A named CRS we cannot identify yields null.
 */
function crsOf(root: Record<string, unknown>): CrsInfo | null {
  const member = root['crs'];
  if (member === undefined || member === null) return crsFromEpsg(4326);
  if (!isObject(member) || !isObject(member['properties'])) return null;
  const props = member['properties'];
  if (typeof props['name'] === 'string') return crsFromCode(props['name']);
  if (typeof props['code'] === 'number') return crsFromEpsg(props['code']);
  return null;
}

type Seen = 'string' | 'number' | 'boolean' | 'other';

function attribute(value: unknown): [AttributeValue, Seen | null] {
  if (value === null || value === undefined) return [null, null];
  if (typeof value === 'string') return [value, 'string'];
  if (typeof value === 'number') return [value, 'number'];
  if (typeof value === 'boolean') return [value, 'boolean'];
  return [JSON.stringify(value), 'other'];
}

function featureOf(
  value: unknown,
  index: number,
  fieldTypes: Map<string, Seen | 'mixed' | null>,
): VectorFeature {
  if (!isObject(value) || value['type'] !== 'Feature')
    throw corrupt('geojsonNotFeature', { feature: index + 1 });
  const geometry = parseGeometry(value['geometry'] ?? null, index + 1);
  const rawProps = value['properties'];
  if (rawProps !== undefined && rawProps !== null && !isObject(rawProps)) {
    throw corrupt('geojsonProperties', { feature: index + 1 });
  }
  const properties: Record<string, AttributeValue> = {};
  if (rawProps) {
    for (const [key, raw] of Object.entries(rawProps)) {
      const [v, seen] = attribute(raw);
      properties[key] = v;
      const before = fieldTypes.get(key);
      if (before === undefined || before === null) fieldTypes.set(key, seen);
      else if (seen !== null && seen !== before) fieldTypes.set(key, 'mixed');
    }
  }
  return { geometry, properties };
}

function fieldsOf(fieldTypes: ReadonlyMap<string, Seen | 'mixed' | null>): FieldInfo[] {
  return [...fieldTypes].map(([name, seen]) => ({
    name,
    type: seen === 'mixed' || seen === null ? 'string' : seen,
  }));
}

/**
 * Parses GeoJSON text (FeatureCollection, single Feature or bare geometry) into features in the
 * document's CRS (x = longitude/easting first, as GeoJSON stores them). Throws a FormatError:
 * too-large above the budget, corrupt for invalid JSON or structure (messages name members and
 * feature numbers, never content).
 */
export function parseGeoJson(text: string, options: GeoJsonOptions = {}): VectorData {
  const max = options.maxChars ?? GEOJSON_MAX_CHARS;
  if (text.length > max) throw tooLarge('geojsonTextLength', { max });
  let root: unknown;
  try {
    root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw corrupt('geojsonNotJson');
  }
  return fromRoot(root);
}

/**
 * parseGeoJson for a document read chunk by chunk: the tree is charged to a memory budget while
 * it is built, so an oversized document is refused early (too-large) without ever being held
 * whole, as text or as a tree. Same outcomes as parseGeoJson otherwise.
 */
export function parseGeoJsonChunks(next: ChunkReader, options: GeoJsonStreamOptions = {}): VectorData {
  const maxTreeBytes = options.maxTreeBytes ?? GEOJSON_MAX_TREE_BYTES;
  return fromRoot(readBudgetedJson(next, { maxTreeBytes, maxDepth: GEOJSON_MAX_DEPTH }));
}

function fromRoot(root: unknown): VectorData {
  if (!isObject(root)) throw corrupt('geojsonTopLevel');
  const fieldTypes = new Map<string, Seen | 'mixed' | null>();
  let features: VectorFeature[];
  if (root['type'] === 'FeatureCollection') {
    const list = root['features'];
    if (!Array.isArray(list)) throw corrupt('geojsonFeaturesArray');
    features = list.map((f, i) => featureOf(f, i, fieldTypes));
  } else if (root['type'] === 'Feature') {
    features = [featureOf(root, 0, fieldTypes)];
  } else {
    features = [{ geometry: parseGeometry(root, 1), properties: {} }];
  }
  const info: VectorInfo = {
    kind: 'vector',
    featureCount: features.length,
    geometryType: layerGeometryType(features),
    fields: fieldsOf(fieldTypes),
    crs: crsOf(root),
    extent: extentOf(features),
    encoding: 'UTF-8',
  };
  return { info, features };
}
