import { rm } from 'node:fs/promises';
import path from 'node:path';
import { hasWorldFile } from '../core/formats/worldfile/index.js';
import { geoTransformOf } from '../core/model/index.js';
import type { DatasetRow, RasterPlacement } from '../core/ports/index.js';
import type { JobContext, ServiceDeps } from './deps.js';
import { throwIfCancelled } from './job-context.js';
import { StrataError } from '../api/errors.js';

/** A raster placed by a world file beside it, not by its own tags: PNG, JPEG or a plain TIFF (ADR 0136). */
export const isScan = (row: DatasetRow): boolean =>
  row.kind === 'raster' &&
  (row.format === 'PNG' || row.format === 'JPEG' || hasWorldFile(row.files.map((f) => f.name)));

/** A GeoPackage tile table read as a raster (ADR 0181): its pixels exist only once decoded. */
export const isTileRaster = (row: DatasetRow): boolean =>
  row.kind === 'raster' && row.format === 'GeoPackage';

/**
 * Whether the raster's pixels are read from its working copy rather than its original: a PNG or
 * JPEG scan and a tile table, whose one decoding is the copy (value range, release, display).
 */
export const pixelsFromCopy = (row: DatasetRow): boolean =>
  row.format === 'PNG' || row.format === 'JPEG' || isTileRaster(row);

/**
 * Where a scan or a tile raster lies, for its working copy: from the row's info (read from its
 * side files, or its tile matrix); a tile raster's names its table.
 */
function placementOf(row: DatasetRow): RasterPlacement | undefined {
  if (row.info.kind !== 'raster') return undefined;
  const placement = { geoTransform: geoTransformOf(row.info), crs: row.info.crs, nodata: row.info.nodata };
  if (isTileRaster(row) && row.layer !== null) return { ...placement, tileTable: row.layer };
  return isScan(row) ? placement : undefined;
}

/** An error about the stored object, named by the file the curator imported. */
const namedForUser = (err: unknown, row: DatasetRow): unknown =>
  err instanceof StrataError && err.params['file'] === row.sha256
    ? new StrataError(err.code, { ...err.params, file: row.name })
    : err;

/**
 * Gives a GeoTIFF without overviews its display working copy (ADR 0125): written from the stored
 * original (never from the caller's file, which may have changed since it was hashed) in a worker
 * thread, stored as an object of its own, and named by the row it returns as the dataset's display
 * copy (`displayKey`); the original object is untouched. A raster that needs no copy, or cannot
 * take one without changing pixels, comes back as it was. Called before the row is written, so a
 * cancel here leaves no derived object and no record; the originals stay as unreferenced objects,
 * as a cancel while storing a set already leaves them. A scan (PNG, JPEG, plain TIFF with a
 * world file) and a GeoPackage tile table always get one, georeferenced from the row: the map
 * reads only GeoTIFF; a tile table too large for one is refused (TOO_LARGE).
 */
export async function buildWorkingCopy(
  deps: ServiceDeps,
  row: DatasetRow,
  job: JobContext,
): Promise<DatasetRow> {
  if (row.kind !== 'raster' || (row.format !== 'GeoTIFF' && !isScan(row) && !isTileRaster(row))) return row;
  throwIfCancelled(job);
  const dest = path.join(deps.workDir, `${row.id}.display.tif`);
  try {
    const copy = await deps.raster
      .writeWorkingCopy(
        deps.objects.pathOf(row.sha256),
        dest,
        job.step({ phase: 'overviews' }),
        placementOf(row),
      )
      .catch((err: unknown) => {
        throw namedForUser(err, row);
      });
    // A tile table has no pixels anyone can read but its copy's.
    if (!copy.written && isTileRaster(row))
      throw new StrataError('TOO_LARGE', {
        file: row.name,
        problem: 'problem.gpkgTileRasterSize',
        layer: row.layer ?? '',
        width: row.info.kind === 'raster' ? row.info.width : 0,
        height: row.info.kind === 'raster' ? row.info.height : 0,
      });
    if (!copy.written) return row;
    throwIfCancelled(job);
    const put = await deps.objects.putFile(dest, job.step({ phase: 'store' }));
    return { ...row, displayKey: put.sha256, displayContentType: 'image/tiff' };
  } finally {
    await rm(dest, { force: true });
  }
}
