import type { Element } from '@xmldom/xmldom';
import { crsFromEpsg } from '../../crs/index.js';
import type { AttributeValue, FieldInfo, Geometry, Position, VectorFeature } from '../../model/index.js';
import { corrupt } from '../format-error.js';
import type { VectorLayerRead } from '../format-module.js';
import { decodeXml, parseXml } from '../kml/safe-xml.js';
import { extentOf } from '../vector-summary.js';

type Kind = 'number' | 'integer' | 'date' | 'string';

/**
 * The GPX 1.1 child elements read as attributes, in GDAL's field order and with its types (the
 * gpx driver's schema). `link` is read as link1_href/link1_text/link1_type, as GDAL names it.
 */
const POINT_FIELDS: readonly (readonly [string, Kind])[] = [
  ['ele', 'number'],
  ['time', 'date'],
  ['magvar', 'number'],
  ['geoidheight', 'number'],
  ['name', 'string'],
  ['cmt', 'string'],
  ['desc', 'string'],
  ['src', 'string'],
  ['sym', 'string'],
  ['type', 'string'],
  ['fix', 'string'],
  ['sat', 'integer'],
  ['hdop', 'number'],
  ['vdop', 'number'],
  ['pdop', 'number'],
  ['ageofdgpsdata', 'number'],
  ['dgpsid', 'integer'],
];
const LINE_FIELDS: readonly (readonly [string, Kind])[] = [
  ['name', 'string'],
  ['cmt', 'string'],
  ['desc', 'string'],
  ['src', 'string'],
  ['number', 'integer'],
  ['type', 'string'],
];
const LINK_FIELDS = ['link1_href', 'link1_text', 'link1_type'] as const;

const children = (e: Element, name?: string): Element[] =>
  Array.from(e.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (name === undefined || (n as Element).localName === name),
  );

const text = (e: Element | undefined): string | null => {
  const t = e?.textContent?.trim();
  return t === undefined || t === '' ? null : t;
};

function valueOf(raw: string | null, kind: Kind): AttributeValue {
  if (raw === null) return null;
  if (kind === 'number' || kind === 'integer') {
    const n = Number(raw);
    return Number.isFinite(n) ? n : null;
  }
  return raw;
}

function attributes(
  e: Element,
  fields: readonly (readonly [string, Kind])[],
): Record<string, AttributeValue> {
  const props: Record<string, AttributeValue> = {};
  for (const [name, kind] of fields) props[name] = valueOf(text(children(e, name)[0]), kind);
  const link = children(e, 'link')[0];
  props['link1_href'] = link?.getAttribute('href') ?? null;
  props['link1_text'] = text(link === undefined ? undefined : children(link, 'text')[0]);
  props['link1_type'] = text(link === undefined ? undefined : children(link, 'type')[0]);
  return props;
}

/** lon/lat of a wpt/rtept/trkpt (2D, as GDAL reads GPX without ELE_AS_25D); null when not numbers in range. */
function positionOf(e: Element): Position | null {
  const lon = Number(e.getAttribute('lon'));
  const lat = Number(e.getAttribute('lat'));
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || e.getAttribute('lon') === null) return null;
  if (e.getAttribute('lat') === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return [lon, lat];
}

const line = (points: readonly Element[]): Position[] =>
  points.map(positionOf).filter((p): p is Position => p !== null);

function fieldsOf(
  features: readonly VectorFeature[],
  fields: readonly (readonly [string, Kind])[],
): FieldInfo[] {
  const all = [...fields.map(([n, k]) => [n, k] as const), ...LINK_FIELDS.map((n) => [n, 'string'] as const)];
  // Only the fields some feature fills: GDAL lists the whole schema, mostly empty.
  return all
    .filter(([name]) => features.some((f) => f.properties[name] !== null))
    .map(([name, kind]) => ({ name, type: kind === 'integer' ? 'number' : kind }));
}

function layer(
  name: string,
  features: VectorFeature[],
  fields: readonly (readonly [string, Kind])[],
  geometryType: 'Point' | 'LineString' | 'MultiLineString',
): VectorLayerRead {
  const kept = fieldsOf(features, fields);
  const keep = new Set(kept.map((f) => f.name));
  const trimmed = features.map((f) => ({
    geometry: f.geometry,
    properties: Object.fromEntries(Object.entries(f.properties).filter(([k]) => keep.has(k))),
  }));
  return {
    kind: 'vector',
    layer: name,
    info: {
      kind: 'vector',
      featureCount: trimmed.length,
      geometryType,
      fields: kept,
      crs: crsFromEpsg(4326),
      extent: extentOf(trimmed),
      encoding: 'UTF-8',
    },
    features: trimmed,
    notices: [],
  };
}

/**
 * The layers of a GPX file (ADR 0147), named as GDAL's gpx driver names them: `waypoints`
 * (points), `routes` (one line per rte) and `tracks` (one multi-line per trk, a part per trkseg),
 * each only when the file has some. GDAL's `route_points`/`track_points` layers repeat the
 * vertices of the lines as points and are left out. WGS 84 lon/lat; elevation is an attribute.
 */
export function readGpx(bytes: Uint8Array): VectorLayerRead[] {
  const { text: source, encoding } = decodeXml(bytes);
  const root = parseXml(source).documentElement;
  if (root === null || root.localName !== 'gpx') throw corrupt('gpxNotGpx');
  const waypoints: VectorFeature[] = children(root, 'wpt').map((w) => {
    const p = positionOf(w);
    return {
      geometry: p === null ? null : { type: 'Point', coordinates: p },
      properties: attributes(w, POINT_FIELDS),
    };
  });
  const routes: VectorFeature[] = children(root, 'rte').map((r) => {
    const coordinates = line(children(r, 'rtept'));
    // A one-point route or segment is kept as GDAL keeps it, so the feature is placed where GDAL places it.
    const geometry: Geometry | null = coordinates.length === 0 ? null : { type: 'LineString', coordinates };
    return { geometry, properties: attributes(r, LINE_FIELDS) };
  });
  const tracks: VectorFeature[] = children(root, 'trk').map((t) => {
    const parts = children(t, 'trkseg')
      .map((s) => line(children(s, 'trkpt')))
      .filter((l) => l.length > 0);
    const geometry: Geometry | null =
      parts.length === 0 ? null : { type: 'MultiLineString', coordinates: parts };
    return { geometry, properties: attributes(t, LINE_FIELDS) };
  });
  const layers: VectorLayerRead[] = [];
  if (waypoints.length > 0) layers.push(layer('waypoints', waypoints, POINT_FIELDS, 'Point'));
  if (routes.length > 0) layers.push(layer('routes', routes, LINE_FIELDS, 'LineString'));
  if (tracks.length > 0) layers.push(layer('tracks', tracks, LINE_FIELDS, 'MultiLineString'));
  return layers.map((l) => ({ ...l, info: { ...l.info, encoding } }));
}
