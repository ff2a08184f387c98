import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** `gdalinfo -json` of a raster: GDAL is the reference reader for what we write. */
export async function gdalinfo(file: string): Promise<{
  size: [number, number];
  geoTransform: number[];
  coordinateSystem?: { wkt: string };
  bands: { type: string; noDataValue?: number }[];
  metadata?: Record<string, Record<string, string>>;
}> {
  const { stdout } = await run('gdalinfo', ['-json', '-mdd', 'all', file], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as Awaited<ReturnType<typeof gdalinfo>>;
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
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(cmd, args, { maxBuffer: 64 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: number };
    return { stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: typeof e.code === 'number' ? e.code : 1 };
  }
}
