import type { CrsInfo, GeoTransform, RasterInfo } from '../model/index.js';
import type { JobOptions } from './job-options.js';

/**
 * Where a raster lies when its file holds no GeoTIFF tags to copy: a scan placed by its world
 * file and `.prj` (ADR 0136), or a GeoPackage tile table (ADR 0181). The working copy is
 * georeferenced from it.
 */
export interface RasterPlacement {
  readonly geoTransform: GeoTransform;
  readonly crs: CrsInfo | null;
  /** The nodata the format module read (a PNG's tRNS), written as GDAL_NODATA. */
  readonly nodata: number | null;
  /** The GeoPackage tile table whose finest level the copy is decoded from. */
  readonly tileTable?: string;
}

/** Raster files on disk: header, value range, and the public-version resample (ADR 0012). */
export interface RasterIo {
  readInfo(path: string): Promise<RasterInfo>;
  valueRange(path: string, info: RasterInfo): Promise<readonly [number, number] | null>;
  /** Writes a fresh GeoTIFF at `target` pixel size (CRS units) to `dest`, atomically; progress in blocks. */
  resampleToPublic(
    src: string,
    dest: string,
    target: readonly [number, number],
    options?: JobOptions,
  ): Promise<RasterInfo>;
  /**
   * Writes the display working copy of `src` to `dest` (tiled, with overviews, same pixels;
   * ADR 0125) when the raster needs one and can take one; `written: false` writes nothing.
   * Progress in source blocks; CANCELLED on abort, leaving nothing. With `placement` (a scan:
   * PNG, JPEG or plain TIFF; a GeoPackage tile table) a copy is always written, decoded and
   * georeferenced from it.
   */
  writeWorkingCopy(
    src: string,
    dest: string,
    options?: JobOptions,
    placement?: RasterPlacement,
  ): Promise<{ readonly written: boolean }>;
}
