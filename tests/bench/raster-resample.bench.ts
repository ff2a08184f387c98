import { execFile } from 'node:child_process';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { crsFromEpsg } from '../../src-main/core/crs/index.js';
import { GeoTiffTileWriter, TILE_SIZE, allocSamples } from '../../src-main/core/formats/geotiff/index.js';
import type { CrsInfo } from '../../src-main/core/model/index.js';
import { fileSink } from '../../src-main/node/raster/file-sink.js';
import { nativeDeflate } from '../../src-main/node/raster/native-codecs.js';
import { resampleToPublic } from '../../src-main/node/raster/index.js';
import type { Report } from './bench-row.js';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '.data');
const SIZE = 10_000;
const PIXEL = 10;
const DEM = join(DATA, `dem-${String(SIZE)}-float32-deflate-epsg4545.tif`);

function cgcs2000Gk108e(): CrsInfo {
  const crs = crsFromEpsg(4545);
  if (crs === null) throw new Error('EPSG:4545 missing from the registry');
  return crs;
}

/**
 * Smooth synthetic terrain (metres): a few separable wave octaves plus a little hashed roughness,
 * so DEFLATE sees realistic, not constant, data. Column/row terms are precomputed per octave.
 */
function terrainAxes(): { cols: Float64Array[]; rows: Float64Array[]; amps: number[] } {
  const octaves = [
    [1500, 400],
    [420, 120],
    [97, 35],
    [23, 6],
  ] as const;
  const cols: Float64Array[] = [];
  const rows: Float64Array[] = [];
  octaves.forEach(([wavelength], o) => {
    const c = new Float64Array(SIZE);
    const r = new Float64Array(SIZE);
    for (let i = 0; i < SIZE; i += 1) {
      c[i] = Math.sin((2 * Math.PI * i) / wavelength + o * 1.3);
      r[i] = Math.cos((2 * Math.PI * i) / (wavelength * 1.37) + o * 0.7);
    }
    cols.push(c);
    rows.push(r);
  });
  return { cols, rows, amps: octaves.map(([, amp]) => amp) };
}

async function generateDem(): Promise<void> {
  const exists = await stat(DEM).then(
    (s) => s.size > 0,
    () => false,
  );
  if (exists) return;
  await mkdir(DATA, { recursive: true });
  const tmp = `${DEM}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    const writer = new GeoTiffTileWriter(
      {
        width: SIZE,
        height: SIZE,
        bandCount: 1,
        dataType: 'Float32',
        pixelSize: [PIXEL, PIXEL],
        origin: [400_000, 3_000_000],
        crs: cgcs2000Gk108e(),
        nodata: -9999,
        predictor: 1,
        photometric: 1,
      },
      fileSink(handle),
      nativeDeflate,
    );
    const { cols, rows, amps } = terrainAxes();
    await writer.begin();
    for (let ty = 0; ty < writer.tilesDown; ty += 1) {
      for (let tx = 0; tx < writer.tilesAcross; tx += 1) {
        const tile = allocSamples('Float32', TILE_SIZE * TILE_SIZE);
        for (let y = 0; y < TILE_SIZE; y += 1) {
          const gy = Math.min(SIZE - 1, ty * TILE_SIZE + y);
          for (let x = 0; x < TILE_SIZE; x += 1) {
            const gx = Math.min(SIZE - 1, tx * TILE_SIZE + x);
            let h = 900;
            for (let o = 0; o < amps.length; o += 1)
              h += (amps[o] ?? 0) * (cols[o]?.[gx] ?? 0) * (rows[o]?.[gy] ?? 0);
            const hash = Math.imul((gx * 73856093) ^ (gy * 19349663), 83492791) >>> 24;
            tile[y * TILE_SIZE + x] = h + hash / 128;
          }
        }
        await writer.addTile(tile);
      }
    }
    await writer.finish();
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, DEM);
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

/** 10k x 10k float32 DEFLATE DEM at 10 m (EPSG:4545) -> 100 m: resampleToPublic vs gdalwarp -r average. */
export async function bench(report: Report): Promise<void> {
  await generateDem();
  const ours = join(DATA, 'out-strata-100m.tif');
  const theirs = join(DATA, 'out-gdalwarp-100m.tif');
  const run = promisify(execFile);
  let strata = Infinity;
  let gdal = Infinity;
  for (let i = 0; i < 2; i += 1) {
    await rm(ours, { force: true });
    strata = Math.min(strata, await timed(() => resampleToPublic(DEM, ours, [100, 100])));
    gdal = Math.min(
      gdal,
      await timed(() =>
        run('gdalwarp', ['-overwrite', '-q', '-tr', '100', '100', '-r', 'average', DEM, theirs]),
      ),
    );
  }
  report({
    job: 'raster resample 10k x 10k float32 DEFLATE 10 m -> 100 m (block average)',
    strataSeconds: strata,
    peer: 'gdalwarp -tr 100 100 -r average',
    peerSeconds: gdal,
    notes:
      'best of 2; ours writes tiled DEFLATE + predictor 3, gdalwarp writes its default (uncompressed strips)',
  });
}
