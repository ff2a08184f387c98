import { corrupt, unsupported } from '../format-error.js';

/** Sampling factors of one JPEG component (1..4 each). */
export interface JpegComponent {
  readonly h: number;
  readonly v: number;
}

/** Facts from a JPEG stream's markers, read before any entropy-coded data is decoded. */
export interface JpegFrame {
  /** Frame size in pixels. */
  readonly width: number;
  readonly height: number;
  /** Bits per sample (8 for every stream we decode). */
  readonly precision: number;
  /** Components in frame order (1 = grey; 3 = YCbCr or RGB). */
  readonly components: readonly JpegComponent[];
  /** True when an Adobe APP14 marker asks the decoder itself to convert YCbCr to RGB. */
  readonly adobeTransform: boolean;
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP14 = 0xee;
/** Huffman-coded frames: baseline, extended sequential, progressive (no lossless, no arithmetic). */
const HUFFMAN_FRAMES: ReadonlySet<number> = new Set([0xc0, 0xc1, 0xc2]);
const OTHER_FRAMES: ReadonlySet<number> = new Set([
  0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

/**
 * Joins a TIFF JPEGTables stream (SOI, tables, EOI) with a block's abbreviated stream (SOI, frame,
 * scan, EOI) into one interchange stream: the tables without their EOI, then the block without
 * its SOI (TIFF Technical Note 2).
 */
export function mergeJpegTables(tables: Uint8Array, block: Uint8Array): Uint8Array {
  const n = tables.length;
  if (n < 4 || tables[0] !== 0xff || tables[1] !== SOI || tables[n - 2] !== 0xff || tables[n - 1] !== EOI)
    throw corrupt('jpegTables');
  if (block.length < 4 || block[0] !== 0xff || block[1] !== SOI) throw corrupt('jpegNotStream');
  const merged = new Uint8Array(n - 2 + block.length - 2);
  merged.set(tables.subarray(0, n - 2));
  merged.set(block.subarray(2), n - 2);
  return merged;
}

/**
 * Reads the frame header (SOFn) and any Adobe marker of a JPEG stream, stopping at the first
 * scan. Throws FormatError: corrupt for a malformed marker sequence, unsupported for lossless or
 * arithmetic-coded frames.
 */
export function jpegFrame(stream: Uint8Array): JpegFrame {
  if (stream[0] !== 0xff || stream[1] !== SOI) throw corrupt('jpegNotStream');
  let at = 2;
  let frame: Omit<JpegFrame, 'adobeTransform'> | null = null;
  let adobeTransform = false;
  while (at + 4 <= stream.length) {
    if (stream[at] !== 0xff) throw corrupt('jpegMarker');
    const marker = stream[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    if (marker === SOS || marker === EOI) break;
    if (marker === SOI || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = ((stream[at + 2] ?? 0) << 8) | (stream[at + 3] ?? 0);
    const body = at + 4;
    const end = at + 2 + length;
    if (length < 2 || end > stream.length) throw corrupt('jpegSegmentEnd');
    if (HUFFMAN_FRAMES.has(marker)) frame = frameHeader(stream.subarray(body, end));
    else if (OTHER_FRAMES.has(marker)) throw unsupported('jpegLossless');
    else if (marker === APP14 && isAdobe(stream.subarray(body, end)))
      adobeTransform = (stream[body + 11] ?? 0) !== 0;
    at = end;
  }
  if (frame === null) throw corrupt('jpegNoFrame');
  return { ...frame, adobeTransform };
}

function frameHeader(seg: Uint8Array): Omit<JpegFrame, 'adobeTransform'> {
  const count = seg[5] ?? 0;
  if (seg.length < 6 + 3 * count || count === 0) throw corrupt('jpegFrameHeader');
  const components: JpegComponent[] = [];
  for (let i = 0; i < count; i += 1) {
    const hv = seg[6 + 3 * i + 1] ?? 0;
    const h = hv >> 4;
    const v = hv & 15;
    if (h < 1 || h > 4 || v < 1 || v > 4) throw corrupt('jpegSampling');
    components.push({ h, v });
  }
  const height = ((seg[1] ?? 0) << 8) | (seg[2] ?? 0);
  const width = ((seg[3] ?? 0) << 8) | (seg[4] ?? 0);
  if (width === 0 || height === 0) throw corrupt('jpegNoSize');
  return { precision: seg[0] ?? 0, height, width, components };
}

const ADOBE = [0x41, 0x64, 0x6f, 0x62, 0x65]; // "Adobe"

const isAdobe = (seg: Uint8Array): boolean => seg.length >= 12 && ADOBE.every((b, i) => seg[i] === b);
