import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FieldInfo } from '../../src-main/core/model/index.js';

const run = promisify(execFile);
const MAX_BUFFER = 256 * 1024 * 1024;

const ogrOptions = (openOptions: readonly string[]): string[] => openOptions.flatMap((o) => ['-oo', o]);

/** One attribute field as ogrinfo prints it. */
export interface OgrField {
  readonly name: string;
  /** OGR type with its subtype, e.g. `Integer(Boolean)`, `Real`, `String`. */
  readonly type: string;
}

/** One layer of a vector file as GDAL's ogrinfo reports it. */
export interface OgrLayer {
  readonly name: string;
  readonly featureCount: number;
  readonly geometry: string;
  readonly extent: [number, number, number, number] | null;
  /** Root EPSG authority of the layer's WKT1, e.g. 'EPSG:4490'; null when it names none. */
  readonly epsg: string | null;
  /** Attribute fields in ogrinfo's order (FID and geometry columns excluded). */
  readonly fields: readonly OgrField[];
}

const FIELD_LINE = /^(\S[^\n=]*?): (\w+(?:\(\w+\))?) \(\d+\.\d+\)/gm;

function layerOf(block: string): OgrLayer {
  const name = block.slice(0, block.indexOf('\n')).trim();
  const ext = /^Extent: \(([-\d.e+]+), ([-\d.e+]+)\) - \(([-\d.e+]+), ([-\d.e+]+)\)/m.exec(block);
  const wkt = /Layer SRS WKT:\n([\s\S]*?)\n(?:Data axis|FID Column|\S[^\n]*: )/.exec(block)?.[1] ?? '';
  const root = /AUTHORITY\["EPSG","(\d+)"\]\]\s*$/.exec(wkt.trim())?.[1];
  // Field lines follow the SRS and the FID / geometry column lines: `name: Type (w.p)`.
  const tail = block.slice(
    Math.max(0, block.search(/^(?:Data axis to CRS axis mapping|FID Column|Geometry Column)/m)),
  );
  return {
    name,
    featureCount: Number(/^Feature Count: (\d+)/m.exec(block)?.[1] ?? NaN),
    geometry: /^Geometry: (.+)$/m.exec(block)?.[1] ?? '',
    extent: ext === null ? null : [Number(ext[1]), Number(ext[2]), Number(ext[3]), Number(ext[4])],
    epsg: root === undefined ? null : `EPSG:${root}`,
    fields: [...tail.matchAll(FIELD_LINE)].map((m) => ({ name: m[1] ?? '', type: m[2] ?? '' })),
  };
}

/** Every layer of a vector file, in GDAL's order: `ogrinfo -so -al` parsed from text (GDAL 3.6's ogrinfo has no -json). */
export async function ogrLayers(file: string, openOptions: readonly string[] = []): Promise<OgrLayer[]> {
  const args = ['-so', '-al', '-wkt_format', 'WKT1', ...ogrOptions(openOptions), file];
  const { stdout } = await run('ogrinfo', args, { maxBuffer: MAX_BUFFER });
  return stdout
    .split(/^Layer name: /m)
    .slice(1)
    .map(layerOf);
}

/** The FieldInfo type a GDAL field type corresponds to. */
export function fieldTypeOfOgr(type: string): FieldInfo['type'] {
  if (type === 'Integer(Boolean)') return 'boolean';
  if (/^(Integer|Integer64|Real)/.test(type)) return 'number';
  if (type === 'String' || type === 'String(JSON)') return 'string';
  if (type === 'Date' || type === 'DateTime') return 'date';
  return 'other';
}

export interface OgrFeature {
  readonly properties: Record<string, unknown>;
  readonly geometry: { readonly type: string } | null;
}

/**
 * A layer's features as GDAL reads them (`ogr2ogr -f GeoJSON /vsistdout/`, full precision,
 * coordinates as stored): the first `limit` when given; the only layer when `layer` is null.
 */
export async function ogrFeatures(
  file: string,
  layer: string | null,
  openOptions: readonly string[] = [],
  limit?: number,
): Promise<OgrFeature[]> {
  const args = [
    '-f',
    'GeoJSON',
    '-lco',
    'RFC7946=NO',
    '-lco',
    'COORDINATE_PRECISION=15',
    ...ogrOptions(openOptions),
    '/vsistdout/',
    file,
    ...(layer === null ? [] : [layer]),
    ...(limit === undefined ? [] : ['-limit', String(limit)]),
  ];
  const { stdout } = await run('ogr2ogr', args, { maxBuffer: MAX_BUFFER });
  return (
    JSON.parse(stdout) as {
      features: { properties: Record<string, unknown> | null; geometry: OgrFeature['geometry'] }[];
    }
  ).features.map((f) => ({ properties: f.properties ?? {}, geometry: f.geometry }));
}

/**
 * The EPSG codes GDAL's identification (`gdalsrsinfo -e`) finds for a file's CRS, at any
 * confidence: what it would accept for a CRS it does not name outright.
 */
export async function gdalCrsCandidates(file: string): Promise<string[]> {
  const { stdout } = await run('gdalsrsinfo', ['-e', '-o', 'epsg', file], { maxBuffer: MAX_BUFFER }).catch(
    () => ({
      stdout: '',
    }),
  );
  return [...stdout.matchAll(/^EPSG:(\d+)$/gm)]
    .map((m) => `EPSG:${m[1] ?? ''}`)
    .filter((c) => c !== 'EPSG:0');
}
