import type { FormatModule } from '../format-module.js';
import { GEOJSON_MAX_CHARS, parseGeoJsonChunks } from './parse.js';

const GEOJSON_TYPES = new Set([
  'FeatureCollection',
  'Feature',
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

const isSpace = (b: number | undefined): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Index of the first non-blank byte after an optional UTF-8 BOM. */
function firstByte(h: Uint8Array): number {
  let i = h[0] === 0xef && h[1] === 0xbb && h[2] === 0xbf ? 3 : 0;
  while (i < h.length && isSpace(h[i])) i += 1;
  return i;
}

/**
 * True when the head is a JSON object with a GeoJSON `"type"` member somewhere in it (the
 * FeatureCollection's own type may come after a `crs` or `features` member). Bytes are read as
 * Latin-1: only the ASCII member names and type values matter, so a partial head is enough.
 */
function looksLikeGeoJson(h: Uint8Array): boolean {
  const start = firstByte(h);
  if (h[start] !== 0x7b) return false;
  let text = '';
  for (let i = start; i < h.length; i += 1) text += String.fromCharCode(h[i] ?? 0);
  for (const m of text.matchAll(/"type"\s*:\s*"([A-Za-z]+)"/g)) {
    if (m[1] !== undefined && GEOJSON_TYPES.has(m[1])) return true;
  }
  return false;
}

/** Bytes read per step of a parse: the whole document is never in memory at once (ADR 0081). */
const CHUNK_BYTES = 1024 * 1024;

/**
 * GeoJSON (RFC 7946 and the 2008 `crs` member). A JSON object whose head shows no GeoJSON `type`
 * still counts when named .geojson/.json; the parser then decides.
 */
export const geojsonFormat: FormatModule = {
  id: 'GeoJSON',
  kind: 'vector',
  extensions: ['geojson', 'json'],
  label: { 'zh-CN': 'GeoJSON 矢量', en: 'GeoJSON vector' },
  detect({ name, head }) {
    if (looksLikeGeoJson(head)) return 'content';
    return /\.(geo)?json$/i.test(name) && head[firstByte(head)] === 0x7b ? 'name' : null;
  },
  async open(input) {
    const read = parseGeoJsonChunks(await input.pullChunks(CHUNK_BYTES, GEOJSON_MAX_CHARS, 'GeoJSON'));
    return [{ kind: 'vector', layer: null, ...read, notices: [] }];
  },
};
