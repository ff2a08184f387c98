import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GdalInfo {
  readonly size: [number, number];
  readonly geoTransform?: [number, number, number, number, number, number];
  readonly bands: { type: string; noDataValue?: number | string }[];
  readonly stac?: { 'proj:epsg'?: number | null };
  readonly metadata: Record<string, Record<string, string>>;
  /** Footprint in WGS 84 lon/lat (GeoJSON polygon); absent without georeferencing. */
  readonly wgs84Extent?: { readonly coordinates: readonly (readonly (readonly [number, number])[])[] };
}

/** `gdalinfo -json` of a file (GDAL 3.6 CLI on this machine). */
export async function gdalinfo(path: string, ...args: string[]): Promise<GdalInfo> {
  const { stdout } = await run('gdalinfo', ['-json', ...args, path], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as GdalInfo;
}

export async function gdal(tool: string, args: string[]): Promise<void> {
  await run(tool, args, { maxBuffer: 64 * 1024 * 1024 });
}
