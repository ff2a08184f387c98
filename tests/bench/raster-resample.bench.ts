import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createResampler, resampleToPublic } from '../../src-main/node/raster/index.js';
import { timed, type Report } from './bench-row.js';
import { writeSyntheticDem } from './synthetic-dem.js';

// Beside the export bench's data (git-ignored), not next to the bundle: dist/bench is rebuilt each run.
const DATA = join(process.cwd(), 'tests/bench/.data');
const SIZE = 10_000;
const DEM = join(DATA, `dem-${String(SIZE)}-float32-deflate-epsg4545.tif`);

/**
 * 10k x 10k float32 DEFLATE DEM at 10 m (EPSG:4545) -> 100 m against gdalwarp -r average: first
 * as the app runs it (a worker thread, ADR 0085, worker start included), then in process.
 */
export async function bench(report: Report): Promise<void> {
  await writeSyntheticDem(DEM, SIZE);
  const ours = join(DATA, 'out-strata-100m.tif');
  const theirs = join(DATA, 'out-gdalwarp-100m.tif');
  const run = promisify(execFile);
  const resampler = createResampler();
  let worker = Infinity;
  let inProcess = Infinity;
  let gdal = Infinity;
  try {
    for (let i = 0; i < 2; i += 1) {
      await rm(ours, { force: true });
      worker = Math.min(worker, await timed(() => resampler.resampleToPublic(DEM, ours, [100, 100])));
      await rm(ours, { force: true });
      inProcess = Math.min(inProcess, await timed(() => resampleToPublic(DEM, ours, [100, 100])));
      gdal = Math.min(
        gdal,
        await timed(() =>
          run('gdalwarp', ['-overwrite', '-q', '-tr', '100', '100', '-r', 'average', DEM, theirs]),
        ),
      );
    }
  } finally {
    await resampler.close();
  }
  const notes =
    'best of 2; ours writes tiled DEFLATE + predictor 3, gdalwarp writes its default (uncompressed strips)';
  report({
    job: 'raster resample 10k x 10k float32 DEFLATE 10 m -> 100 m (block average, worker thread)',
    strataSeconds: worker,
    peer: 'gdalwarp -tr 100 100 -r average',
    peerSeconds: gdal,
    notes,
  });
  report({
    job: 'raster resample, same, in process (for comparison with the worker)',
    strataSeconds: inProcess,
    peer: 'gdalwarp -tr 100 100 -r average',
    peerSeconds: gdal,
    notes,
  });
}
