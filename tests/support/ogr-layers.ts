import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MAX_BUFFER = 64 * 1024 * 1024;

export interface OgrLayer {
  readonly name: string;
  readonly featureCount: number;
  readonly extent: [number, number, number, number] | null;
  readonly epsg: string | null;
  /** Field name → GDAL type (String, Integer, Real, DateTime …). */
  readonly fields: ReadonlyMap<string, string>;
}

/**
 * Every layer `ogrinfo -ro -so -al` lists for a file, parsed from text (GDAL 3.6's ogrinfo has no
 * -json): name, feature count, extent, the EPSG code of the layer's WKT1 root and the fields.
 */
export async function ogrLayers(file: string, openOptions: readonly string[] = []): Promise<OgrLayer[]> {
  const args = ['-ro', '-so', '-al', '-wkt_format', 'WKT1', ...openOptions.flatMap((o) => ['-oo', o]), file];
  const { stdout } = await run('ogrinfo', args, { maxBuffer: MAX_BUFFER });
  return stdout
    .split(/^Layer name: /m)
    .slice(1)
    .map((block) => {
      const name = block.slice(0, block.indexOf('\n')).trim();
      const ext = /Extent: \(([-\d.e+]+), ([-\d.e+]+)\) - \(([-\d.e+]+), ([-\d.e+]+)\)/.exec(block);
      const wkt = /Layer SRS WKT:\n([\s\S]*?)\n(?:Data axis|\S+: )/.exec(block)?.[1] ?? '';
      const root = /AUTHORITY\["EPSG","(\d+)"\]\]\s*$/.exec(wkt.trim())?.[1];
      const fields = new Map<string, string>();
      for (const m of block.matchAll(/^(.+): (String|Integer|Integer64|Real|DateTime|Date|Time)(?: \(|$)/gm))
        if (m[1] !== undefined && m[2] !== undefined) fields.set(m[1], m[2]);
      return {
        name,
        featureCount: Number(/Feature Count: (\d+)/.exec(block)?.[1]),
        extent: ext === null ? null : [Number(ext[1]), Number(ext[2]), Number(ext[3]), Number(ext[4])],
        epsg: root === undefined ? null : `EPSG:${root}`,
        fields,
      };
    });
}

export interface OgrFeature {
  readonly properties: Record<string, unknown>;
  readonly geometry: { readonly type: string } | null;
}

/** A layer's features as GDAL reads them (`ogr2ogr -f GeoJSON /vsistdout/`), for attribute samples. */
export async function ogrFeatures(
  file: string,
  layer: string | null,
  openOptions: readonly string[] = [],
): Promise<OgrFeature[]> {
  const args = ['-f', 'GeoJSON', ...openOptions.flatMap((o) => ['-oo', o]), '/vsistdout/', file];
  const { stdout } = await run('ogr2ogr', layer === null ? args : [...args, layer], {
    maxBuffer: MAX_BUFFER,
  });
  return (JSON.parse(stdout) as { features: OgrFeature[] }).features;
}

/** GDAL field types as ours: Integer/Real → number, DateTime/Date → date, the rest string. */
export const ogrFieldType = (type: string): string =>
  /^(Integer|Integer64|Real)$/.test(type) ? 'number' : /^Date/.test(type) ? 'date' : 'string';
