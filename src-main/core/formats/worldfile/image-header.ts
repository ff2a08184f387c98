import type { RasterDataType } from '../../model/index.js';
import { FormatError, corrupt } from '../format-error.js';
import { jpegFrame } from '../geotiff/jpeg-frame.js';

/** What a plain PNG or JPEG says about its pixels before any is decoded. */
export interface ImageHeader {
  readonly format: 'PNG' | 'JPEG';
  readonly width: number;
  readonly height: number;
  /** Bands as GDAL counts them: a palette PNG is one band (with a colour table). */
  readonly bandCount: number;
  readonly dataType: RasterDataType;
  /** PNG bit depth (1, 2, 4, 8, 16) or JPEG precision. */
  readonly bits: number;
  /** PNG colour type (0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA); null for JPEG. */
  readonly colorType: number | null;
  readonly interlaced: boolean;
}

/** Bytes of a file's head that hold a JPEG frame header after any EXIF / ICC segments. */
export const IMAGE_HEADER_BYTES = 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_BANDS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const PNG_DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

export const isPng = (head: Uint8Array): boolean => PNG_SIGNATURE.every((b, i) => head[i] === b);
export const isJpeg = (head: Uint8Array): boolean => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;

/**
 * Reads the header of a PNG (IHDR) or JPEG (SOFn, via the GeoTIFF reader's frame parser) from the
 * first bytes of the file. Throws FormatError naming what is wrong (`imageHeader`, or the JPEG
 * frame problems).
 */
export function readImageHeader(head: Uint8Array): ImageHeader {
  if (isPng(head)) return pngHeader(head);
  if (isJpeg(head)) {
    let frame: ReturnType<typeof jpegFrame>;
    try {
      frame = jpegFrame(head);
    } catch (err) {
      if (err instanceof FormatError) throw err;
      throw corrupt('imageHeader', { format: 'JPEG' });
    }
    return {
      format: 'JPEG',
      width: frame.width,
      height: frame.height,
      bandCount: frame.components.length,
      dataType: frame.precision > 8 ? 'UInt16' : 'Byte',
      bits: frame.precision,
      colorType: null,
      interlaced: false,
    };
  }
  throw corrupt('imageHeader', { format: 'PNG/JPEG' });
}

function pngHeader(head: Uint8Array): ImageHeader {
  const bad = (): FormatError => corrupt('imageHeader', { format: 'PNG' });
  if (head.byteLength < 33) throw bad();
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  // The first chunk must be IHDR, 13 bytes.
  if (view.getUint32(8) !== 13 || String.fromCharCode(...head.subarray(12, 16)) !== 'IHDR') throw bad();
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const bits = head[24] ?? 0;
  const colorType = head[25] ?? -1;
  const bands = PNG_BANDS[colorType];
  if (width === 0 || height === 0 || bands === undefined || !(PNG_DEPTHS[colorType] ?? []).includes(bits))
    throw bad();
  if (head[26] !== 0 || head[27] !== 0 || (head[28] ?? 2) > 1) throw bad();
  return {
    format: 'PNG',
    width,
    height,
    bandCount: bands,
    dataType: bits === 16 ? 'UInt16' : 'Byte',
    bits,
    colorType,
    interlaced: head[28] === 1,
  };
}
