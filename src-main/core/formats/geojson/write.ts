import type { CrsInfo, VectorFeature } from '../../model/index.js';

export interface GeoJsonWriteInput {
  readonly crs: CrsInfo;
  readonly features: readonly VectorFeature[];
}

/** The `crs` member GDAL reads back as the same EPSG code; omitted for EPSG:4326 (RFC 7946 default). */
function crsMember(crs: CrsInfo): string | null {
  const m = /^EPSG:(\d+)$/.exec(crs.code ?? '');
  if (m?.[1] === undefined || m[1] === '4326') return null;
  return JSON.stringify({ type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${m[1]}` } });
}

/**
 * Writes a fresh FeatureCollection: one Feature per input feature with ids renumbered 1..N, the
 * given properties only, coordinates as given (dataset CRS, x first) and a `crs` member naming
 * the EPSG code when it is known and not 4326. Numbers are written with the shortest round-trip
 * decimal form, so a value that is the nearest double to a decimal grid multiple prints exactly
 * as that decimal. Nothing else of any source file is carried over.
 */
export function writeGeoJson(data: GeoJsonWriteInput): string {
  const parts: string[] = ['{"type":"FeatureCollection"'];
  const crs = crsMember(data.crs);
  if (crs !== null) parts.push(`,"crs":${crs}`);
  parts.push(',"features":[');
  data.features.forEach((f, i) => {
    if (i > 0) parts.push(',\n');
    parts.push(
      `{"type":"Feature","id":${String(i + 1)},"properties":${JSON.stringify(f.properties)},"geometry":${JSON.stringify(f.geometry)}}`,
    );
  });
  parts.push(']}\n');
  return parts.join('');
}
