import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { ogrLayers, type OgrLayer } from './ogr-layers.js';

const run = promisify(execFile);

/** The first layer of a file as ogrinfo reports it. */
export type OgrSummary = Pick<OgrLayer, 'featureCount' | 'geometry' | 'extent' | 'epsg'>;

/** `ogrinfo -so -al` of the first layer (see `ogrLayers`); the EPSG code is the root AUTHORITY of its WKT1. */
export async function ogrSummary(file: string, openOptions: string[] = []): Promise<OgrSummary> {
  const [first] = await ogrLayers(file, openOptions);
  if (first === undefined) throw new Error(`ogrinfo lists no layer in ${file}`);
  return first;
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
