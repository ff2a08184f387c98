import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

type LonLat = readonly [number, number];

/**
 * SpatiaLite (through GDAL's SQLite dialect) on CGCS2000 (SRID 4490, GRS80): `ST_Length(g, 1)` or
 * `ST_Area(g, 1)`, the ellipsoidal length or area of a lon/lat WKT geometry. Any OGR datasource
 * serves as the SQL host; `host` names one.
 */
export async function spatialite(fn: 'ST_Length' | 'ST_Area', wkt: string, host: string): Promise<number> {
  const sql = `SELECT ${fn}(SetSRID(GeomFromText('${wkt}'), 4490), 1) AS v`;
  const { stdout } = await run('ogrinfo', ['-q', '-dialect', 'sqlite', '-sql', sql, host]);
  const match = /v \(Real\) = (\S+)/.exec(stdout);
  if (!match?.[1]) throw new Error(`SpatiaLite gave no value: ${stdout}`);
  return Number(match[1]);
}

/** Lon/lat positions as WKT coordinate text, `x y, x y, ...`. */
export const wktPositions = (points: readonly LonLat[]): string =>
  points.map(([x, y]) => `${String(x)} ${String(y)}`).join(', ');

/**
 * Runs a PROJ tool with `input` on stdin; its stdout. A tool that reads no input (geod given both
 * points as arguments) may exit before its stdin is written: that EPIPE is not a failure, its exit
 * status and output say how it went.
 */
async function pipe(tool: string, args: readonly string[], input: string): Promise<string> {
  const child = run(tool, [...args], { maxBuffer: 16 * 1024 * 1024 });
  const written: { error?: Error } = {};
  child.child.stdin?.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') written.error = error;
  });
  child.child.stdin?.end(input);
  const { stdout } = await child;
  if (written.error) throw written.error;
  return stdout;
}

/** PROJ's `geod -I` (GeographicLib's C code inside PROJ) on GRS80: the distance between two points (printed to the mm). */
export async function projDistance([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): Promise<number> {
  const out = await pipe(
    'geod',
    ['+ellps=GRS80', '-I', '+units=m'],
    `${String(lat1)} ${String(lon1)} ${String(lat2)} ${String(lon2)}\n`,
  );
  return Number(out.trim().split(/\s+/)[2]);
}

/**
 * Signed area (counter-clockwise positive) of a ring with geodesic edges on GRS80, by PROJ alone:
 * each edge densified along its geodesic by `geod +n_S`, the points projected by `cs2cs` to an
 * ellipsoidal Lambert azimuthal equal-area projection centred on the ring, and the plane area
 * summed (shoelace). SpatiaLite's ST_Area(g, 1) is no reference beyond a few km (3e-4 off at 50 km).
 */
export async function projArea(ring: readonly LonLat[]): Promise<number> {
  const points: number[][] = [];
  for (const [i, [lon1, lat1]] of ring.entries()) {
    const [lon2, lat2] = ring[(i + 1) % ring.length] ?? ring[0] ?? [0, 0];
    const edge = [
      `+lat_1=${String(lat1)}`,
      `+lon_1=${String(lon1)}`,
      `+lat_2=${String(lat2)}`,
      `+lon_2=${String(lon2)}`,
    ];
    const out = await pipe('geod', ['+ellps=GRS80', ...edge, '+n_S=1000', '-f', '%.12f'], '');
    // The end point of an edge starts the next one.
    for (const line of out.trim().split('\n').slice(0, -1)) points.push(line.trim().split(/\s+/).map(Number));
  }
  const lon0 = ring.reduce((s, p) => s + p[0], 0) / ring.length;
  const lat0 = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  const laea = ['+proj=laea', `+lat_0=${String(lat0)}`, `+lon_0=${String(lon0)}`, '+ellps=GRS80', '+units=m'];
  const input = points.map(([lat, lon]) => `${String(lon)} ${String(lat)}`).join('\n');
  const out = await pipe(
    'cs2cs',
    ['-f', '%.6f', '+proj=longlat', '+ellps=GRS80', '+to', ...laea],
    `${input}\n`,
  );
  const xy = out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
  let twice = 0;
  for (const [i, [x1 = 0, y1 = 0] = []] of xy.entries()) {
    const [x2 = 0, y2 = 0] = xy[(i + 1) % xy.length] ?? [];
    twice += x1 * y2 - x2 * y1;
  }
  return twice / 2;
}
