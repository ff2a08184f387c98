import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MAX_BUFFER = 64 * 1024 * 1024;

/** What the tests read from `gdalinfo -json`: GDAL is the reference reader for what we write. */
export interface GdalInfo {
  readonly size: [number, number];
  readonly geoTransform?: [number, number, number, number, number, number];
  readonly coordinateSystem?: { readonly wkt: string };
  readonly bands: { type: string; noDataValue?: number | string }[];
  readonly stac?: { 'proj:epsg'?: number | null };
  readonly metadata: Record<string, Record<string, string>>;
  /** Footprint in WGS 84 lon/lat (GeoJSON polygon); absent without georeferencing. */
  /** The image's corners in its own CRS (upperLeft, upperRight, lowerRight, lowerLeft, center). */
  readonly cornerCoordinates?: Readonly<Record<string, readonly [number, number]>>;
  readonly wgs84Extent?: { readonly coordinates: readonly (readonly (readonly [number, number])[])[] };
}

/** `gdalinfo -json [args] FILE` (GDAL 3.6 CLI on this machine). */
export async function gdalinfo(path: string, ...args: string[]): Promise<GdalInfo> {
  const { stdout } = await run('gdalinfo', ['-json', ...args, path], { maxBuffer: MAX_BUFFER });
  return JSON.parse(stdout) as GdalInfo;
}

/** Runs a GDAL tool; a non-zero exit fails the calling test. */
export async function gdal(tool: string, args: string[]): Promise<void> {
  await run(tool, args, { maxBuffer: MAX_BUFFER });
}

/** EPSG code GDAL identifies for a file's CRS (via gdalsrsinfo), e.g. 'EPSG:2364'. */
export async function gdalEpsg(file: string): Promise<string | null> {
  const { stdout } = await run('gdalsrsinfo', ['-e', '-o', 'epsg', file]);
  const match = /EPSG:(\d+)/.exec(stdout);
  return match ? `EPSG:${match[1] ?? ''}` : null;
}

export async function runCommand(
  cmd: string,
  args: string[],
  /** Variables added to this process's environment for the command. */
  env: Readonly<Record<string, string>> = {},
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(cmd, args, {
      maxBuffer: MAX_BUFFER,
      env: { ...process.env, ...env },
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: number };
    return { stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: typeof e.code === 'number' ? e.code : 1 };
  }
}

/**
 * Writes the points of a CSV (lon/lat in columns `x`, `y`, CGCS2000) with ogr2ogr to `out`:
 * a UTF-8 Shapefile set, or GeoJSON. `fields` keeps only those columns; `typed` lets GDAL detect
 * numeric columns instead of writing every field as text.
 */
export async function pointsFromCsv(
  csv: string,
  out: string,
  options: {
    readonly format: 'ESRI Shapefile' | 'GeoJSON';
    readonly fields?: string;
    readonly typed?: boolean;
  },
): Promise<void> {
  await gdal('ogr2ogr', [
    '-overwrite',
    '-f',
    options.format,
    '-a_srs',
    'EPSG:4490',
    ...(options.format === 'ESRI Shapefile' ? ['-lco', 'ENCODING=UTF-8'] : []),
    '-oo',
    'X_POSSIBLE_NAMES=x',
    '-oo',
    'Y_POSSIBLE_NAMES=y',
    ...(options.typed === true ? ['-oo', 'AUTODETECT_TYPE=YES'] : []),
    ...(options.fields === undefined ? [] : ['-select', options.fields]),
    out,
    csv,
  ]);
}
