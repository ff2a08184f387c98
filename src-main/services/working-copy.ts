import { rm } from 'node:fs/promises';
import path from 'node:path';
import { hasWorldFile } from '../core/formats/worldfile/index.js';
import { geoTransformOf } from '../core/model/index.js';
import type { DatasetRow, RasterPlacement } from '../core/ports/index.js';
import type { JobContext, ServiceDeps } from './deps.js';
import { throwIfCancelled } from './job-context.js';

/** A raster placed by a world file beside it, not by its own tags: PNG, JPEG or a plain TIFF (ADR 0136). */
export const isScan = (row: DatasetRow): boolean =>
  row.kind === 'raster' &&
  (row.format === 'PNG' || row.format === 'JPEG' || hasWorldFile(row.files.map((f) => f.name)));

/** Where a scan lies, for its working copy: from the row's info (read from its side files). */
function placementOf(row: DatasetRow): RasterPlacement | undefined {
  if (!isScan(row) || row.info.kind !== 'raster') return undefined;
  return { geoTransform: geoTransformOf(row.info), crs: row.info.crs, nodata: row.info.nodata };
}

/**
 * Gives a GeoTIFF without overviews its display working copy (ADR 0125): written from the stored
 * original (never from the caller's file, which may have changed since it was hashed) in a worker
 * thread, stored as an object of its own, and named by the row it returns as the dataset's display
 * copy (`displayKey`); the original object is untouched. A raster that needs no copy, or cannot
 * take one without changing pixels, comes back as it was. Called before the row is written, so a
 * cancel here leaves no derived object and no record; the originals stay as unreferenced objects,
 * as a cancel while storing a set already leaves them. A scan (PNG, JPEG, plain TIFF with a
 * world file) always gets one, georeferenced from the row: the map reads only GeoTIFF.
 */
export async function buildWorkingCopy(
  deps: ServiceDeps,
  row: DatasetRow,
  job: JobContext,
): Promise<DatasetRow> {
  if (row.kind !== 'raster' || (row.format !== 'GeoTIFF' && !isScan(row))) return row;
  throwIfCancelled(job);
  const dest = path.join(deps.workDir, `${row.id}.display.tif`);
  try {
    const copy = await deps.raster.writeWorkingCopy(
      deps.objects.pathOf(row.sha256),
      dest,
      job.step({ phase: 'overviews' }),
      placementOf(row),
    );
    if (!copy.written) return row;
    throwIfCancelled(job);
    const put = await deps.objects.putFile(dest, job.step({ phase: 'store' }));
    return { ...row, displayKey: put.sha256, displayContentType: 'image/tiff' };
  } finally {
    await rm(dest, { force: true });
  }
}
