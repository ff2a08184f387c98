import type { RasterInfo } from '../model/index.js';
import type { JobOptions } from './job-options.js';

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
   * Progress in source blocks; CANCELLED on abort, leaving nothing.
   */
  writeWorkingCopy(src: string, dest: string, options?: JobOptions): Promise<{ readonly written: boolean }>;
}
