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

/**
 * Extent of the geometries themselves as GDAL computes it (SQLite dialect). ogrinfo's "Extent:"
 * for a shapefile is the header box, which writers do not always keep up to date.
 */
export async function ogrGeometryExtent(
  file: string,
  layer: string,
): Promise<[number, number, number, number] | null> {
  const sql = `select min(st_minx(geometry)) as a, min(st_miny(geometry)) as b, max(st_maxx(geometry)) as c, max(st_maxy(geometry)) as d from "${layer}"`;
  const { stdout } = await run('ogrinfo', ['-q', '-dialect', 'sqlite', '-sql', sql, file], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const v = ['a', 'b', 'c', 'd'].map((k) => new RegExp(`\\b${k} \\(Real\\) = (\\S+)`).exec(stdout)?.[1]);
  return v.every((x) => x !== undefined) ? (v.map(Number) as [number, number, number, number]) : null;
}
