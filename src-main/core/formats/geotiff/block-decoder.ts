import { decodeJpegBlock, type JpegPort } from './jpeg-block.js';
import { lzwDecode } from './lzw.js';
import { packBitsDecode } from './packbits.js';
import { undoFloatingPoint, undoHorizontal } from './predictor.js';
import { allocSamples, samplesFromBytes, type SampleArray } from './samples.js';
import { corrupt, unsupported, type FormatProblem, type FormatProblemRef } from '../format-error.js';
import type { TiffImage } from './tiff-image.js';
import { COMPRESSION, PHOTOMETRIC } from './tiff-tags.js';

/**
 * Inflates a zlib (DEFLATE) stream into at most `maxOutput` bytes; rejects when the stream is
 * bad or would exceed the limit. Injected so core never imports zlib.
 */
export type InflatePort = (bytes: Uint8Array, maxOutput: number) => Promise<Uint8Array>;

/** Where block `index` sits in the image, in pixels. */
export interface BlockPlace {
  /** Band of the block for planar images; 0 (all bands interleaved) otherwise. */
  readonly band: number;
  readonly x0: number;
  readonly y0: number;
  /** Valid pixels in the block (edge tiles are padded up to the tile size). */
  readonly width: number;
  readonly height: number;
  /** Stored rows (tile height for tiles; valid rows for strips). */
  readonly storedRows: number;
}

export function blockPlace(image: TiffImage, index: number): BlockPlace {
  const perPlane = image.blocksAcross * image.blocksDown;
  const band = image.planar === 2 ? Math.floor(index / perPlane) : 0;
  const k = index % perPlane;
  const x0 = (k % image.blocksAcross) * image.blockWidth;
  const y0 = Math.floor(k / image.blocksAcross) * image.blockHeight;
  const width = Math.min(image.blockWidth, image.width - x0);
  const height = Math.min(image.blockHeight, image.height - y0);
  return { band, x0, y0, width, height, storedRows: image.tiled ? image.blockHeight : height };
}

const SUPPORTED: ReadonlySet<number> = new Set(Object.values(COMPRESSION));

/**
 * Why decodeBlock cannot give this image's pixels their meaning, or null when it can. Palette
 * images decode to indices; the caller expands them.
 */
export function decodeProblem(image: TiffImage): FormatProblemRef | null {
  const { compression, photometric, samplesPerPixel: spp } = image;
  const no = (problem: FormatProblem, params: FormatProblemRef['params'] = {}): FormatProblemRef => ({
    problem,
    params,
  });
  if (!SUPPORTED.has(compression)) return no('compression', { compression });
  if (image.predictor < 1 || image.predictor > 3) return no('predictor', { predictor: image.predictor });
  if (compression === COMPRESSION.jpeg) {
    if (image.dataType !== 'Byte') return no('jpegSampleType', { type: image.dataType });
    if (image.predictor !== 1) return no('jpegPredictor');
    if (image.planar === 1 && spp !== 1 && spp !== 3) return no('jpegSamplesPerPixel', { samples: spp });
  }
  if (
    photometric === PHOTOMETRIC.ycbcr &&
    (compression !== COMPRESSION.jpeg || spp !== 3 || image.planar !== 1)
  )
    return no('ycbcrWithoutJpeg');
  if (photometric === PHOTOMETRIC.palette) {
    if (spp !== 1 || image.colorMap === null) return no('paletteWithoutColorMap');
    if (image.dataType !== 'Byte' && image.dataType !== 'UInt16')
      return no('paletteSampleType', { type: image.dataType });
  }
  return null;
}

/** True when decodeBlock can read this image's pixels. */
export const canDecode = (image: TiffImage): boolean => decodeProblem(image) === null;

/**
 * Decodes one stored tile or strip into samples (row stride = blockWidth x samples in the block).
 * Allocation comes from the header (block size), never from the compressed stream. An empty
 * block (byte count 0, "sparse") is filled with `fill`. JPEG blocks need `jpeg`; YCbCr JPEG comes
 * back as RGB (what GDAL shows by default).
 */
export async function decodeBlock(
  image: TiffImage,
  littleEndian: boolean,
  index: number,
  raw: Uint8Array,
  inflate: InflatePort,
  fill: number,
  jpeg?: JpegPort,
): Promise<SampleArray> {
  const problem = decodeProblem(image);
  if (problem !== null) throw unsupported(problem.problem, problem.params);
  const place = blockPlace(image, index);
  const spp = image.planar === 1 ? image.samplesPerPixel : 1;
  const count = image.blockWidth * place.storedRows * spp;
  const expected = count * image.bytesPerSample;
  if (raw.byteLength === 0) return allocSamples(image.dataType, count).fill(fill);
  if (image.compression === COMPRESSION.jpeg) {
    if (jpeg === undefined) throw unsupported('compression', { compression: 7 });
    return decodeJpegBlock(image, place, raw, jpeg, count);
  }
  let bytes: Uint8Array;
  if (image.compression === COMPRESSION.none) bytes = raw;
  else if (image.compression === COMPRESSION.lzw) bytes = lzwDecode(raw, expected);
  else if (image.compression === COMPRESSION.packBits) bytes = packBitsDecode(raw, expected);
  else {
    try {
      bytes = await inflate(raw, expected);
    } catch {
      throw corrupt('deflateDecode');
    }
  }
  if (bytes.byteLength < expected) throw corrupt('blockShort');
  if (image.predictor === 3) {
    if (image.dataType !== 'Float32' && image.dataType !== 'Float64')
      throw corrupt('floatPredictorOnIntegers');
    const own = bytes === raw ? bytes.slice(0, expected) : bytes.subarray(0, expected);
    return samplesFromBytes(
      undoFloatingPoint(own, image.blockWidth, place.storedRows, spp, image.bytesPerSample),
      image.dataType,
      true,
      count,
    );
  }
  const samples = samplesFromBytes(bytes, image.dataType, littleEndian, count);
  if (image.predictor === 2) {
    const own = samples.buffer === raw.buffer ? samples.slice() : samples;
    undoHorizontal(own, image.blockWidth, place.storedRows, spp);
    return own;
  }
  return samples;
}
