import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BUFFER = 256 * 1024 * 1024;

/** One layer of a vector file as GDAL's ogrinfo reports it. */
export interface OgrLayer {
  readonly name: string;
  readonly featureCount: number;
  readonly geometry: string;
  readonly extent: [number, number, number, number] | null;
  /** Root EPSG authority of the layer's WKT1, e.g. 'EPSG:4490'; null when it names none. */
  readonly epsg: string | null;
  /** Attribute field names in ogrinfo's order (FID and geometry columns excluded). */
  readonly fields: readonly string[];
}

function layerOf(block: string): OgrLayer {
  const name = /^Layer name: (.*)$/m.exec(block)?.[1] ?? '';
  const ext = /Extent: \(([-\d.e+]+), ([-\d.e+]+)\) - \(([-\d.e+]+), ([-\d.e+]+)\)/.exec(block);
  const wkt = /Layer SRS WKT:\n([\s\S]*?)\n(?:Data axis|\S[^\n]*: )/.exec(block)?.[1] ?? '';
  const root = /AUTHORITY\["EPSG","(\d+)"\]\]\s*$/.exec(wkt.trim())?.[1];
  // Field lines follow the SRS (or the FID/geometry column lines): `name: Type (w.p)`.
  const tail = block.slice(block.search(/\n(?:Data axis to CRS axis mapping|Geometry: )/));
  const fields = [
    ...tail.matchAll(
      /^(\S[^\n=]*?): (?:String|Integer|Integer64|Real|Date|DateTime|Time|Binary|StringList|IntegerList|Integer64List|RealList) \(/gm,
    ),
  ]
    .map((m) => m[1] ?? '')
    .filter((f) => f !== '');
  return {
    name,
    featureCount: Number(/Feature Count: (\d+)/.exec(block)?.[1] ?? NaN),
    geometry: /^Geometry: (.+)$/m.exec(block)?.[1] ?? '',
    extent: ext === null ? null : [Number(ext[1]), Number(ext[2]), Number(ext[3]), Number(ext[4])],
    epsg: root === undefined ? null : `EPSG:${root}`,
    fields,
  };
}

/** Every layer of a vector file, `ogrinfo -so -al` parsed from text (GDAL 3.6's ogrinfo has no -json). */
export async function ogrLayers(file: string, openOptions: readonly string[] = []): Promise<OgrLayer[]> {
  const args = ['-so', '-al', '-wkt_format', 'WKT1', ...openOptions.flatMap((o) => ['-oo', o]), file];
  const { stdout } = await run('ogrinfo', args, { maxBuffer: BUFFER });
  return stdout
    .split(/\n(?=Layer name: )/)
    .slice(1)
    .map(layerOf);
}

/** The first `limit` features' properties of one layer, as GDAL writes them to GeoJSON. */
export async function ogrProperties(
  file: string,
  layer: string,
  limit: number,
  openOptions: readonly string[] = [],
): Promise<Record<string, unknown>[]> {
  const args = [
    '-f',
    'GeoJSON',
    '/vsistdout/',
    ...openOptions.flatMap((o) => ['-oo', o]),
    file,
    layer,
    '-limit',
    String(limit),
  ];
  const { stdout } = await run('ogr2ogr', args, { maxBuffer: BUFFER });
  const parsed = JSON.parse(stdout) as { features: { properties: Record<string, unknown> | null }[] };
  return parsed.features.map((f) => f.properties ?? {});
}

/**
 * The EPSG codes GDAL's identification (`gdalsrsinfo -e`) finds for a file's CRS, at any
 * confidence: what it would accept for a CRS it does not name outright.
 */
export async function gdalCrsCandidates(file: string): Promise<string[]> {
  const { stdout } = await run('gdalsrsinfo', ['-e', '-o', 'epsg', file], { maxBuffer: BUFFER }).catch(
    () => ({
      stdout: '',
    }),
  );
  return [...stdout.matchAll(/^EPSG:(\d+)$/gm)]
    .map((m) => `EPSG:${m[1] ?? ''}`)
    .filter((c) => c !== 'EPSG:0');
}
