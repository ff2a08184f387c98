import { geojson, generic, type ColumnMeta, type CrsMeta, type HeaderMeta } from 'flatgeobuf';
import { crsFromEpsg, crsFromWkt } from '../../crs/index.js';
import type {
  AttributeValue,
  CrsInfo,
  FieldInfo,
  Geometry,
  VectorFeature,
  VectorInfo,
} from '../../model/index.js';
import { corrupt, FormatError } from '../format-error.js';
import { parseGeometry } from '../geojson/parse-geometry.js';
import { extentOf, layerGeometryType } from '../vector-summary.js';

const { ColumnType } = generic;

/** FlatGeobuf magic: 'fgb', major version 3, 'fgb', any patch version. */
export const isFlatGeobufHead = (h: Uint8Array): boolean =>
  h.length >= 8 &&
  h[0] === 0x66 &&
  h[1] === 0x67 &&
  h[2] === 0x62 &&
  h[3] === 0x03 &&
  h[4] === 0x66 &&
  h[5] === 0x67 &&
  h[6] === 0x62;

function fieldType(type: ColumnMeta['type']): FieldInfo['type'] {
  switch (type) {
    case ColumnType.Bool:
      return 'boolean';
    case ColumnType.String:
    case ColumnType.Json:
      return 'string';
    case ColumnType.DateTime:
      return 'date';
    case ColumnType.Binary:
      return 'other';
    default:
      return 'number';
  }
}

/** The header's CRS: an EPSG code the registry knows, else its WKT; none (code 0, no WKT) is null. */
function crsOf(meta: CrsMeta | null): CrsInfo | null {
  if (meta === null) return null;
  const org = (meta.org ?? 'EPSG').toUpperCase();
  if (org === 'EPSG' && meta.code > 0) {
    const found = crsFromEpsg(meta.code);
    if (found !== null) return found;
  }
  return meta.wkt !== null && meta.wkt.trim() !== '' ? crsFromWkt(meta.wkt) : null;
}

/** A parsed property as an attribute: text and numbers as they are, JSON as its text, bytes dropped. */
function attribute(value: unknown): AttributeValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return null;
  return JSON.stringify(value);
}

export interface FlatGeobufData {
  readonly info: VectorInfo;
  readonly features: VectorFeature[];
}

/**
 * Reads a whole FlatGeobuf file with the `flatgeobuf` library (its spatial index, if any, is
 * skipped: every feature is read in order). What the library throws on broken bytes (it does
 * not check bounds itself) becomes `fgbUnreadable`; a file whose features do not match the
 * header's count is refused, as is a geometry that is not a valid GeoJSON-shaped one.
 */
export async function readFlatGeobuf(bytes: Uint8Array): Promise<FlatGeobufData> {
  // The library reads past the end of a short buffer as zeros: check the header fits first.
  if (!isFlatGeobufHead(bytes) || bytes.length < 12) throw corrupt('fgbUnreadable');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (12 + headerLength > bytes.length) throw corrupt('fgbUnreadable');
  let header: HeaderMeta | null = null;
  const features: VectorFeature[] = [];
  try {
    for await (const feature of geojson.deserialize(bytes, { headerMetaFn: (h) => (header = h) })) {
      // The library's GeoJSON typing comes from @types/geojson, which the app does not carry.
      const f = feature as unknown as {
        geometry?: unknown;
        properties?: Readonly<Record<string, unknown>> | null;
      };
      const where = features.length + 1;
      let geometry: Geometry | null;
      try {
        geometry = parseGeometry(f.geometry ?? null, where);
      } catch (err) {
        if (err instanceof FormatError) throw corrupt('fgbGeometry', { feature: where });
        throw err;
      }
      const props = f.properties ?? {};
      const properties: Record<string, AttributeValue> = {};
      for (const c of (header as HeaderMeta | null)?.columns ?? [])
        properties[c.name] = attribute(props[c.name]);
      features.push({ geometry, properties });
    }
  } catch (err) {
    if (err instanceof FormatError) throw err;
    throw corrupt('fgbUnreadable');
  }
  const meta = header as HeaderMeta | null;
  if (meta === null) throw corrupt('fgbUnreadable');
  if (meta.featuresCount > 0 && meta.featuresCount !== features.length)
    throw corrupt('fgbFeatureCount', { header: meta.featuresCount, read: features.length });
  const columns: readonly ColumnMeta[] = meta.columns ?? [];
  return {
    info: {
      kind: 'vector',
      featureCount: features.length,
      geometryType: layerGeometryType(features),
      fields: columns.map((c) => ({ name: c.name, type: fieldType(c.type) })),
      crs: crsOf(meta.crs),
      extent: extentOf(features),
      encoding: 'UTF-8',
    },
    features,
  };
}
