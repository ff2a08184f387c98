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
 * What decoding `header`'s image at once costs, in bytes: PNG holds the file, the inflated rows
 * (with their filter bytes) and the samples; JPEG (jpeg-js) holds the file, its coefficient
 * blocks (about 8 bytes a sample), its 3-byte RGB output and the samples handed back.
 */
export function scanDecodeBytes(header: ImageHeader, fileBytes: number): number {
  const pixels = header.width * header.height;
  const samples = pixels * header.bandCount;
  if (header.format === 'PNG') {
    const rows = header.height * (Math.ceil((header.width * header.bandCount * header.bits) / 8) + 1);
    return fileBytes + rows + samples * (header.bits === 16 ? 2 : header.bits === 8 ? 0 : 1);
  }
  return fileBytes + pixels * (header.bandCount * 8 + 3) + samples;
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
