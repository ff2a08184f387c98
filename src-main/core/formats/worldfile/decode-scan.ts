import { FormatError, corrupt, tooLarge } from '../format-error.js';
import type { InflatePort, JpegPort } from '../geotiff/index.js';
import { jpegFrame } from '../geotiff/jpeg-frame.js';
import { ycbcrToRgb } from '../geotiff/ycbcr.js';
import type { ImageHeader } from './image-header.js';
import { decodePng, type PngImage } from './png.js';

/**
 * Memory a whole-image scan decode may take: the file, the decoder's working buffers and the
 * samples together. A scan is decoded at once (PNG and JPEG have no tiles), so this is the budget
 * that decides whether it can be shown; 1 GiB leaves the working-copy worker room for its pyramid.
 */
export const SCAN_DECODE_BYTES = 2 ** 30;

/**
 * What decoding `header`'s image at once costs, in bytes. PNG (decodePng): the file, its IDAT data
 * joined (at most the file again), the inflated rows with their filter bytes, the unfiltered rows,
 * and the samples when they are not those rows (16-bit, or 1/2/4-bit unpacked). JPEG (jpeg-js):
 * the file, its coefficient blocks (about 8 bytes a sample), its 3-byte RGB output, and the grey
 * samples picked out of it.
 */
export function scanDecodeBytes(header: ImageHeader, fileBytes: number): number {
  const pixels = header.width * header.height;
  const samples = pixels * header.bandCount;
  if (header.format === 'PNG') {
    const rowBytes = Math.ceil((header.width * header.bandCount * header.bits) / 8);
    const expanded = header.bits === 8 ? 0 : samples * (header.bits === 16 ? 2 : 1);
    return 2 * fileBytes + header.height * (2 * rowBytes + 1) + expanded;
  }
  return fileBytes + pixels * (header.bandCount * 8 + 3) + (header.bandCount === 1 ? samples : 0);
}

/** Throws FormatError `scanDecode` (too large) when decoding the image would pass the budget. */
export function checkScanBudget(header: ImageHeader, fileBytes: number): void {
  const bytes = scanDecodeBytes(header, fileBytes);
  if (bytes <= SCAN_DECODE_BYTES) return;
  throw tooLarge('scanDecode', {
    format: header.format,
    width: header.width,
    height: header.height,
    mb: Math.ceil(bytes / 2 ** 20),
    limit: SCAN_DECODE_BYTES / 2 ** 20,
  });
}

/**
 * Decodes a whole PNG or JPEG scan into interleaved samples (a palette PNG into indices with its
 * palette). JPEG goes through the GeoTIFF reader's JpegPort; three components are YCbCr (JFIF)
 * and are converted to RGB the way libjpeg, and so GDAL, converts them. Checks the memory budget
 * first. Throws FormatError.
 */
export async function decodeScan(
  bytes: Uint8Array,
  header: ImageHeader,
  inflate: InflatePort,
  jpeg: JpegPort,
): Promise<PngImage> {
  checkScanBudget(header, bytes.byteLength);
  if (header.format === 'PNG') return decodePng(bytes, inflate);
  const frame = jpegFrame(bytes);
  if (frame.precision !== 8) throw new FormatError('unsupported', 'jpegPrecision', { bits: frame.precision });
  let data: Uint8Array;
  try {
    data = await jpeg(bytes, frame);
  } catch (err) {
    if (err instanceof FormatError) throw err;
    throw corrupt('jpegDecode');
  }
  const components = frame.components.length;
  if (data.length !== frame.width * frame.height * components) throw corrupt('jpegDecode');
  if (components === 3) ycbcrToRgb(data, frame.width, frame.height, frame.components);
  return { header, samples: data, palette: null };
}
