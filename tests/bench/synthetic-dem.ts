// A smooth synthetic 10 m DEM as a tiled Float32 DEFLATE GeoTIFF (EPSG:4545), written with our own
// tile writer: the benchmark's input, and the latency test's (tests/integration/jobs).
import { mkdir, open, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { crsFromEpsg } from '../../src-main/core/crs/index.js';
import { GeoTiffTileWriter, TILE_SIZE, allocSamples } from '../../src-main/core/formats/geotiff/index.js';
import type { CrsInfo } from '../../src-main/core/model/index.js';
import { fileSink } from '../../src-main/node/raster/file-sink.js';
import { nativeDeflate } from '../../src-main/node/raster/native-codecs.js';

const PIXEL = 10;

function cgcs2000Gk108e(): CrsInfo {
  const crs = crsFromEpsg(4545);
  if (crs === null) throw new Error('EPSG:4545 missing from the registry');
  return crs;
}

/**
 * Smooth synthetic terrain (metres): a few separable wave octaves plus a little hashed roughness,
 * so DEFLATE sees realistic, not constant, data. Column/row terms are precomputed per octave.
 */
function terrainAxes(size: number): { cols: Float64Array[]; rows: Float64Array[]; amps: number[] } {
  const octaves = [
    [1500, 400],
    [420, 120],
    [97, 35],
    [23, 6],
  ] as const;
  const cols: Float64Array[] = [];
  const rows: Float64Array[] = [];
  octaves.forEach(([wavelength], o) => {
    const c = new Float64Array(size);
    const r = new Float64Array(size);
    for (let i = 0; i < size; i += 1) {
      c[i] = Math.sin((2 * Math.PI * i) / wavelength + o * 1.3);
      r[i] = Math.cos((2 * Math.PI * i) / (wavelength * 1.37) + o * 0.7);
    }
    cols.push(c);
    rows.push(r);
  });
  return { cols, rows, amps: octaves.map(([, amp]) => amp) };
}

/** Writes the DEM (size × size) at `path` unless a non-empty file is already there; atomic. */
export async function writeSyntheticDem(path: string, size: number): Promise<void> {
  const exists = await stat(path).then(
    (s) => s.size > 0,
    () => false,
  );
  if (exists) return;
  await mkdir(dirname(path), { recursive: true });
  // Per process: the bench and the latency test may generate it at the same time.
  const tmp = `${path}.${String(process.pid)}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    const writer = new GeoTiffTileWriter(
      {
        width: size,
        height: size,
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
    const { cols, rows, amps } = terrainAxes(size);
    await writer.begin();
    for (let ty = 0; ty < writer.tilesDown; ty += 1) {
      for (let tx = 0; tx < writer.tilesAcross; tx += 1) {
        const tile = allocSamples('Float32', TILE_SIZE * TILE_SIZE);
        for (let y = 0; y < TILE_SIZE; y += 1) {
          const gy = Math.min(size - 1, ty * TILE_SIZE + y);
          for (let x = 0; x < TILE_SIZE; x += 1) {
            const gx = Math.min(size - 1, tx * TILE_SIZE + x);
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
  await rename(tmp, path);
}
