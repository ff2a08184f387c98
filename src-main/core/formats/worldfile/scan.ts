import { crsFromWkt } from '../../crs/index.js';
import { gridExtent, type CrsInfo, type RasterDataType, type RasterInfo } from '../../model/index.js';
import { parseWorldFile } from './world-file.js';

/** What the image itself gives, whatever its format (PNG/JPEG header, or a plain TIFF's IFD). */
export interface ScanPixels {
  readonly width: number;
  readonly height: number;
  readonly bandCount: number;
  readonly dataType: RasterDataType;
  readonly nodata: number | null;
}

/**
 * RasterInfo of a plain TIFF / JPEG / PNG scan placed by its world file: the geotransform from
 * the world file (rotation terms kept), the CRS from the `.prj` beside it (ESRI or OGC WKT, through
 * core/crs; null without one or when it cannot be read), the extent from the four corners. Throws
 * FormatError for a bad world file.
 */
export function scanRasterInfo(pixels: ScanPixels, worldFile: string, prj: string | null): RasterInfo {
  const t = parseWorldFile(worldFile);
  const crs: CrsInfo | null = prj === null ? null : crsFromWkt(prj);
  const northUp = t[2] === 0 && t[4] === 0 && t[1] > 0 && t[5] < 0;
  return {
    kind: 'raster',
    width: pixels.width,
    height: pixels.height,
    bandCount: pixels.bandCount,
    dataType: pixels.dataType,
    pixelSize: [Math.hypot(t[1], t[4]), Math.hypot(t[2], t[5])],
    origin: [t[0], t[3]],
    ...(northUp ? {} : { geoTransform: t }),
    nodata: pixels.nodata,
    crs,
    extent: gridExtent(t, pixels.width, pixels.height),
  };
}
