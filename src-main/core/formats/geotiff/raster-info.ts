import { gridExtent, type RasterInfo } from '../../model/index.js';
import type { ByteSource } from '../../ports/index.js';
import { georeference, type Georeference } from './georeference.js';
import { readTiffDirectory } from './ifd-reader.js';
import { tiffImage, type TiffImage } from './tiff-image.js';

/** A parsed GeoTIFF: the full-resolution image, its overviews (largest first) and its RasterInfo. */
export interface GeoTiffHeader {
  readonly littleEndian: boolean;
  readonly image: TiffImage;
  /** Reduced-resolution images of the same bands, largest first (masks excluded). */
  readonly overviews: readonly TiffImage[];
  readonly georef: Georeference;
  readonly info: RasterInfo;
}

const REDUCED = 1;
const MASK = 4;

/**
 * Reads header, IFDs and GeoKeys (no pixels). The CRS comes from the EPSG code in the GeoKeys via
 * the bundled registry, else from user-defined GeoKeys (ADR 0014); `crs: null` when neither
 * works. Without georeferencing the pixel grid
 * is the identity (origin 0,0, pixel 1) and `extent` is null. A rotated or south-up grid carries
 * its `geoTransform`; its extent bounds the four corners. Throws FormatError.
 */
export async function readGeoTiffHeader(source: ByteSource): Promise<GeoTiffHeader> {
  const dir = await readTiffDirectory(source);
  const [firstIfd, ...rest] = dir.ifds;
  if (firstIfd === undefined) throw new Error('unreachable: readTiffDirectory returns at least one IFD');
  const image = tiffImage(firstIfd, dir.fileSize);
  const overviews: TiffImage[] = [];
  for (const ifd of rest) {
    let candidate: TiffImage;
    try {
      candidate = tiffImage(ifd, dir.fileSize);
    } catch {
      continue;
    }
    const overview =
      (candidate.subfileType & REDUCED) !== 0 &&
      (candidate.subfileType & MASK) === 0 &&
      candidate.samplesPerPixel === image.samplesPerPixel &&
      candidate.dataType === image.dataType &&
      candidate.width < image.width;
    if (overview) overviews.push(candidate);
  }
  overviews.sort((a, b) => b.width - a.width);
  const georef = georeference(firstIfd);
  const t = georef.transform;
  const northUp = t === null || (t[2] === 0 && t[4] === 0 && t[1] > 0 && t[5] < 0);
  const info: RasterInfo = {
    kind: 'raster',
    width: image.width,
    height: image.height,
    bandCount: image.samplesPerPixel,
    dataType: image.dataType,
    // Side lengths of a pixel: along a row (column step) and along a column (row step).
    pixelSize: t === null ? [1, 1] : [Math.hypot(t[1], t[4]), Math.hypot(t[2], t[5])],
    origin: t === null ? [0, 0] : [t[0], t[3]],
    ...(northUp ? {} : { geoTransform: t }),
    nodata: georef.nodata,
    crs: georef.crs,
    extent: t === null ? null : gridExtent(t, image.width, image.height),
  };
  return { littleEndian: dir.littleEndian, image, overviews, georef, info };
}
