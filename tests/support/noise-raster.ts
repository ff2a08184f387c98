import { open, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { runCommand } from './gdal.js';

/**
 * Writes `name` in `dir`: a two-band Float32 GeoTIFF of random values (incompressible, so every
 * copy of it costs its full size), tiled, uncompressed, 5 m pixels in EPSG:4545. Two bands make it
 * imagery to the review, so its public version keeps the grid and stays as large. GDAL writes the
 * GeoTIFF from an ENVI raw file; about 8 × `size`² bytes.
 */
export async function writeNoiseRaster(dir: string, name: string, size: number): Promise<string> {
  const raw = path.join(dir, `${name}.raw`);
  const header = path.join(dir, `${name}.hdr`);
  const handle = await open(raw, 'w');
  try {
    for (let row = 0; row < 2 * size; row += 256) {
      await handle.write(randomBytes(Math.min(256, 2 * size - row) * size * 4));
    }
  } finally {
    await handle.close();
  }
  await writeFile(
    header,
    `ENVI\nsamples = ${String(size)}\nlines = ${String(size)}\nbands = 2\nheader offset = 0\n` +
      'file type = ENVI Standard\ndata type = 4\ninterleave = bsq\nbyte order = 0\n',
  );
  const target = path.join(dir, name);
  const extent = 5 * size;
  const result = await runCommand('gdal_translate', [
    '-q',
    '-of',
    'GTiff',
    '-a_srs',
    'EPSG:4545',
    '-a_ullr',
    '500000',
    String(3000000),
    String(500000 + extent),
    String(3000000 - extent),
    '-co',
    'TILED=YES',
    raw,
    target,
  ]);
  await rm(raw, { force: true });
  await rm(header, { force: true });
  if (result.code !== 0) throw new Error(`gdal_translate failed: ${result.stderr}`);
  return target;
}
