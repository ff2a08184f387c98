import { corrupt, tooLarge, unsupported } from '../format-error.js';
import type { InflatePort } from '../geotiff/index.js';
import { unpackBits } from '../geotiff/packed-bits.js';
import { readImageHeader, type ImageHeader } from './image-header.js';

/** A decoded PNG: samples row-major with bands interleaved, and the palette of a palette image. */
export interface PngImage {
  readonly header: ImageHeader;
  readonly samples: Uint8Array | Uint16Array;
  /** RGB triplets of a colour-type-3 image (PLTE), else null. */
  readonly palette: Uint8Array | null;
}

/** Decoded samples a whole-image PNG decode may hold (a scan is read at once, unlike tiled TIFF). */
export const PNG_MAX_SAMPLES = 2 ** 28;

/**
 * Decodes a non-interlaced PNG: IDAT chunks joined and inflated (through the injected port, capped
 * at the size the header gives), rows unfiltered (None, Sub, Up, Average, Paeth), 16-bit samples
 * big-endian, 1/2/4-bit samples unpacked. Throws FormatError (`imageHeader`, `pngInterlaced`,
 * `pngDecode`, `imagePixels`).
 */
export async function decodePng(
  bytes: Uint8Array,
  inflate: InflatePort,
  maxSamples = PNG_MAX_SAMPLES,
): Promise<PngImage> {
  const header = readImageHeader(bytes);
  if (header.format !== 'PNG') throw corrupt('imageHeader', { format: 'PNG' });
  if (header.interlaced) throw unsupported('pngInterlaced');
  const { width, height, bandCount, bits } = header;
  if (width * height * bandCount > maxSamples) throw tooLarge('imagePixels', { width, height });
  const { idat, palette } = chunks(bytes);
  const rowBytes = Math.ceil((width * bandCount * bits) / 8);
  const expected = height * (rowBytes + 1);
  let filtered: Uint8Array;
  try {
    filtered = await inflate(idat, expected);
  } catch {
    throw corrupt('pngDecode');
  }
  if (filtered.byteLength < expected) throw corrupt('pngDecode');
  const rows = unfilter(filtered, height, rowBytes, Math.max(1, (bandCount * bits) >> 3));
  const count = width * height * bandCount;
  let samples: Uint8Array | Uint16Array;
  if (bits === 8) samples = rows;
  else if (bits === 16) {
    samples = new Uint16Array(count);
    for (let i = 0; i < count; i += 1) samples[i] = ((rows[2 * i] ?? 0) << 8) | (rows[2 * i + 1] ?? 0);
  } else {
    samples = new Uint8Array(count);
    unpackBits(rows, width * bandCount, height, bits, samples);
  }
  if (header.colorType === 3 && palette === null) throw corrupt('pngDecode');
  return { header, samples, palette: header.colorType === 3 ? palette : null };
}

/**
 * The nodata value a PNG's tRNS chunk gives, as GDAL reads it: the transparent grey level of a
 * grey image, or the transparent colour of an RGB image when its three samples are equal (GDAL
 * gives each band its own value; a dataset here has one). Null without tRNS, for a palette (its
 * tRNS is the colour table's alpha) and for an RGB colour of unequal samples. Reads chunks up to
 * the first IDAT, so the file's head is enough.
 */
export function pngTransparency(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const colorType = bytes[25];
  let at = 8;
  while (at + 12 <= bytes.byteLength) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'IDAT' || type === 'IEND' || at + 8 + length > bytes.byteLength) return null;
    if (type === 'tRNS') {
      if (colorType === 0 && length >= 2) return view.getUint16(at + 8);
      if (colorType !== 2 || length < 6) return null;
      const [r, g, b] = [0, 2, 4].map((o) => view.getUint16(at + 8 + o));
      return r === g && g === b ? (r ?? null) : null;
    }
    at += 12 + length;
  }
  return null;
}

/** IDAT data joined, and PLTE; every chunk's length checked against the file. */
function chunks(bytes: Uint8Array): { idat: Uint8Array; palette: Uint8Array | null } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [];
  let palette: Uint8Array | null = null;
  let at = 8;
  while (at + 12 <= bytes.byteLength) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const start = at + 8;
    if (start + length + 4 > bytes.byteLength) throw corrupt('pngDecode');
    if (type === 'IDAT') parts.push(bytes.subarray(start, start + length));
    else if (type === 'PLTE') palette = bytes.slice(start, start + length);
    else if (type === 'IEND') break;
    at = start + length + 4;
  }
  if (parts.length === 0) throw corrupt('pngDecode');
  const idat = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let o = 0;
  for (const p of parts) {
    idat.set(p, o);
    o += p.byteLength;
  }
  return { idat, palette };
}

/** Undoes the PNG row filters into contiguous rows of `rowBytes` (the filter bytes dropped). */
function unfilter(data: Uint8Array, height: number, rowBytes: number, bpp: number): Uint8Array {
  const out = new Uint8Array(height * rowBytes);
  for (let y = 0; y < height; y += 1) {
    const filter = data[y * (rowBytes + 1)] ?? 0;
    const src = y * (rowBytes + 1) + 1;
    const row = y * rowBytes;
    const prev = row - rowBytes;
    for (let x = 0; x < rowBytes; x += 1) {
      const raw = data[src + x] ?? 0;
      const left = x >= bpp ? (out[row + x - bpp] ?? 0) : 0;
      const up = y > 0 ? (out[prev + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= bpp ? (out[prev + x - bpp] ?? 0) : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) predicted = paeth(left, up, upLeft);
      else throw corrupt('pngDecode');
      out[row + x] = (raw + predicted) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}
