import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface OgrSummary {
  readonly featureCount: number;
  readonly geometry: string;
  readonly extent: [number, number, number, number] | null;
  readonly epsg: string | null;
}

/**
 * `ogrinfo -so -al` of the first layer, parsed from text (GDAL 3.6's ogrinfo has no -json).
 * The EPSG code is the root AUTHORITY of the layer's WKT1.
 */
export async function ogrSummary(file: string, openOptions: string[] = []): Promise<OgrSummary> {
  const args = ['-so', '-al', '-wkt_format', 'WKT1', ...openOptions.flatMap((o) => ['-oo', o]), file];
  const { stdout } = await run('ogrinfo', args, { maxBuffer: 64 * 1024 * 1024 });
  const count = /Feature Count: (\d+)/.exec(stdout)?.[1];
  const geometry = /^Geometry: (.+)$/m.exec(stdout)?.[1] ?? '';
  const ext = /Extent: \(([-\d.e+]+), ([-\d.e+]+)\) - \(([-\d.e+]+), ([-\d.e+]+)\)/.exec(stdout);
  const wkt = /Layer SRS WKT:\n([\s\S]*?)\n(?:Data axis|\S+: )/.exec(stdout)?.[1] ?? '';
  const root = /AUTHORITY\["EPSG","(\d+)"\]\]\s*$/.exec(wkt.trim())?.[1];
  return {
    featureCount: Number(count),
    geometry,
    extent: ext === null ? null : [Number(ext[1]), Number(ext[2]), Number(ext[3]), Number(ext[4])],
    epsg: root === undefined ? null : `EPSG:${root}`,
  };
}
