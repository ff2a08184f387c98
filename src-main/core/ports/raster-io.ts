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
}
