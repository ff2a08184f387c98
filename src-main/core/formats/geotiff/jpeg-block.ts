import { FormatError, corrupt } from '../format-error.js';
import type { BlockPlace } from './block-decoder.js';
import { jpegFrame, mergeJpegTables, type JpegFrame } from './jpeg-frame.js';
import type { TiffImage } from './tiff-image.js';
import { PHOTOMETRIC } from './tiff-tags.js';
import { ycbcrToRgb } from './ycbcr.js';

/**
 * Decodes one complete 8-bit Huffman JPEG stream whose frame (size, components) was already read
 * from its markers: resolves to `frame.width x frame.height` pixels with the frame's components
 * interleaved (1 or 3 bytes per pixel), chroma replicated to full resolution and NOT converted to
 * RGB unless an Adobe marker says the stream itself requires it. Rejects on a bad stream and must
 * not allocate much beyond that output. Injected so core carries no JPEG codec of its own.
 */
export type JpegPort = (stream: Uint8Array, frame: JpegFrame) => Promise<Uint8Array>;

/**
 * Decodes a JPEG-compressed (TIFF compression 7) tile or strip into `count` bytes laid out like
 * an uncompressed block (blockWidth x storedRows x samples). Shared JPEGTables are merged in;
 * YCbCr is converted to RGB as GDAL does. The frame size is checked against the block before
 * decoding, so allocation follows the header.
 */
export async function decodeJpegBlock(
  image: TiffImage,
  place: BlockPlace,
  raw: Uint8Array,
  jpeg: JpegPort,
  count: number,
): Promise<Uint8Array> {
  const stream = image.jpegTables === null ? raw : mergeJpegTables(image.jpegTables, raw);
  const frame = jpegFrame(stream);
  const spp = image.planar === 1 ? image.samplesPerPixel : 1;
  if (frame.precision !== 8) throw new FormatError('unsupported', 'jpegPrecision', { bits: frame.precision });
  if (frame.components.length !== spp) throw corrupt('jpegComponents');
  const { width, height } = frame;
  if (width < place.width || height < place.height || width > image.blockWidth || height > place.storedRows)
    throw corrupt('jpegFrameSize');
  let data: Uint8Array;
  try {
    data = await jpeg(stream, frame);
  } catch (err) {
    if (err instanceof FormatError) throw err;
    throw corrupt('jpegDecode');
  }
  if (data.length !== width * height * spp) throw corrupt('jpegDecode');
  if (image.photometric === PHOTOMETRIC.ycbcr && !frame.adobeTransform)
    ycbcrToRgb(data, width, height, frame.components);
  if (width === image.blockWidth && height === place.storedRows) return data;
  const out = new Uint8Array(count);
  for (let y = 0; y < height; y += 1) {
    out.set(data.subarray(y * width * spp, (y + 1) * width * spp), y * image.blockWidth * spp);
  }
  return out;
}
