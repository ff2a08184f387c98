import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FieldInfo } from '../../src-main/core/model/index.js';

const run = promisify(execFile);
const MAX_BUFFER = 256 * 1024 * 1024;

/** One layer as `ogrinfo -so -al` reports it (GDAL 3.6's ogrinfo has no -json). */
export interface OgrLayer {
  readonly name: string;
  readonly featureCount: number;
  readonly extent: [number, number, number, number] | null;
  readonly epsg: string | null;
  /** Field names and OGR types as printed, e.g. `Integer(Boolean)`, `Real`, `String`. */
  readonly fields: readonly { readonly name: string; readonly type: string }[];
}

/** Every layer of a file, in GDAL's order, parsed from `ogrinfo -so -al -wkt_format WKT1`. */
export async function ogrLayers(file: string): Promise<OgrLayer[]> {
  const { stdout } = await run('ogrinfo', ['-so', '-al', '-wkt_format', 'WKT1', file], {
    maxBuffer: MAX_BUFFER,
  });
  return stdout
    .split(/^Layer name: /m)
    .slice(1)
    .map((block) => {
      const name = block.slice(0, block.indexOf('\n'));
      const ext = /^Extent: \(([-\d.e+]+), ([-\d.e+]+)\) - \(([-\d.e+]+), ([-\d.e+]+)\)/m.exec(block);
      const wkt = /Layer SRS WKT:\n([\s\S]*?)\n(?:Data axis|\S+: |FID Column)/.exec(block)?.[1] ?? '';
      const root = /AUTHORITY\["EPSG","(\d+)"\]\]\s*$/.exec(wkt.trim())?.[1];
      const afterHeader = block.split(/^(?:Geometry Column = .*|FID Column = .*)$/m).at(-1) ?? '';
      const fields = [...afterHeader.matchAll(/^(.+): (\w+(?:\(\w+\))?) \(\d+\.\d+\)/gm)].map((m) => ({
        name: m[1] ?? '',
        type: m[2] ?? '',
      }));
      return {
        name,
        featureCount: Number(/^Feature Count: (\d+)/m.exec(block)?.[1]),
        extent: ext === null ? null : [Number(ext[1]), Number(ext[2]), Number(ext[3]), Number(ext[4])],
        epsg: root === undefined ? null : `EPSG:${root}`,
        fields,
      };
    });
}

/** The FieldInfo type a GDAL field type corresponds to. */
export function fieldTypeOfOgr(type: string): FieldInfo['type'] {
  if (type === 'Integer(Boolean)') return 'boolean';
  if (/^(Integer|Integer64|Real)/.test(type)) return 'number';
  if (type === 'String' || type === 'String(JSON)') return 'string';
  if (type === 'Date' || type === 'DateTime') return 'date';
  return 'other';
}

/** A layer's features as GDAL writes them to GeoJSON (attributes as GDAL reads them; coordinates unchanged). */
export async function ogrFeatures(
  file: string,
  layer: string,
): Promise<{ properties: Record<string, unknown>; geometry: unknown }[]> {
  const { stdout } = await run(
    'ogr2ogr',
    ['-f', 'GeoJSON', '-lco', 'RFC7946=NO', '-lco', 'COORDINATE_PRECISION=15', '/vsistdout/', file, layer],
    { maxBuffer: MAX_BUFFER },
  );
  return (JSON.parse(stdout) as { features: { properties: Record<string, unknown>; geometry: unknown }[] })
    .features;
}
