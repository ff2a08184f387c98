import type { DatasetFormat } from '../model/index.js';

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

function isTiff(h: Uint8Array): boolean {
  if (h.length < 4) return false;
  const le = h[0] === 0x49 && h[1] === 0x49 && (h[2] === 42 || h[2] === 43) && h[3] === 0;
  const be = h[0] === 0x4d && h[1] === 0x4d && h[2] === 0 && (h[3] === 42 || h[3] === 43);
  return le || be;
}

const isShapefile = (h: Uint8Array): boolean =>
  h.length >= 100 &&
  h[0] === 0 &&
  h[1] === 0 &&
  h[2] === 0x27 &&
  h[3] === 0x0a &&
  h[28] === 0xe8 &&
  h[29] === 0x03;

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

/**
 * Identifies a dataset's format from its first bytes (pass at least 64 KiB when available): TIFF and
 * BigTIFF magic → GeoTIFF, shapefile main-file magic (9994 big-endian, version 1000) → Shapefile,
 * a JSON object whose first `type` is a GeoJSON type → GeoJSON. The extension only breaks ties
 * (a JSON object whose head shows no GeoJSON `type` counts as GeoJSON when named .geojson/.json;
 * the GeoJSON loader then decides).
 * Null when the content is none of these.
 */
export function detectFormat(fileName: string, head: Uint8Array): DatasetFormat | null {
  if (isTiff(head)) return 'GeoTIFF';
  if (isShapefile(head)) return 'Shapefile';
  if (looksLikeGeoJson(head)) return 'GeoJSON';
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if ((ext === 'geojson' || ext === 'json') && head[firstByte(head)] === 0x7b) return 'GeoJSON';
  return null;
}
