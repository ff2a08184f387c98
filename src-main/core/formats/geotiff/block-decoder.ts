import { decodeJpegBlock, type JpegPort } from './jpeg-block.js';
import { lzwDecode } from './lzw.js';
import { packBitsDecode } from './packbits.js';
import { packedRowBytes, unpackBits } from './packed-bits.js';
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

/**
 * Decompresses a Zstandard stream into at most `maxOutput` bytes; rejects when the stream is bad
 * or would exceed the limit. Injected like InflatePort.
 */
export type ZstdPort = (bytes: Uint8Array, maxOutput: number) => Promise<Uint8Array>;

/** What a LERC blob must decode to: the block's stored size and samples per pixel. */
export interface LercShape {
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly dataType: TiffImage['dataType'];
}

/**
 * Decodes one LERC (1 or 2) blob into `width x height x depth` samples of `dataType`, pixels
 * interleaved, plus its valid-pixel mask (1 = valid) or null when every pixel is valid. Rejects a
 * blob of another size or type. Injected: the codec is WebAssembly.
 */
export type LercPort = (
  blob: Uint8Array,
  shape: LercShape,
) => Promise<{ readonly samples: SampleArray; readonly mask: Uint8Array | null }>;

/** Codecs beyond DEFLATE and JPEG; an image needing one that is absent is refused as unsupported. */
export interface BlockCodecs {
  readonly zstd?: ZstdPort;
  readonly lerc?: LercPort;
}

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
  const packed = image.bitsPerSample % 8 !== 0;
  if (packed && image.predictor !== 1) return no('packedBitsPredictor', { bits: image.bitsPerSample });
  if (packed && compression === COMPRESSION.lerc) return no('lercPackedBits', { bits: image.bitsPerSample });
  if (compression === COMPRESSION.lerc) {
    const extra = image.lercParameters?.[1] ?? 0;
    if (extra !== 0 && extra !== 1 && extra !== 2) return no('lercCompression', { compression: extra });
  }
  if (compression === COMPRESSION.jpeg) {
    // 12-bit JPEG (libjpeg12 in GDAL) has 16-bit samples: named for what it is.
    if (image.bitsPerSample === 12) return no('jpegPrecision', { bits: 12 });
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
  codecs: BlockCodecs = {},
): Promise<SampleArray> {
  const problem = decodeProblem(image);
  if (problem !== null) throw unsupported(problem.problem, problem.params);
  const place = blockPlace(image, index);
  const spp = image.planar === 1 ? image.samplesPerPixel : 1;
  const count = image.blockWidth * place.storedRows * spp;
  const packed = image.bitsPerSample % 8 !== 0;
  const expected = packed
    ? packedRowBytes(image.blockWidth, spp, image.bitsPerSample) * place.storedRows
    : count * image.bytesPerSample;
  if (raw.byteLength === 0) return allocSamples(image.dataType, count).fill(fill);
  if (image.compression === COMPRESSION.jpeg) {
    if (jpeg === undefined) throw unsupported('compression', { compression: 7 });
    return decodeJpegBlock(image, place, raw, jpeg, count);
  }
  const { zstd, lerc } = codecs;
  const needs = (port: unknown): void => {
    if (port === undefined) throw unsupported('compression', { compression: image.compression });
  };
  if (image.compression === COMPRESSION.zstd) needs(zstd);
  if (image.compression === COMPRESSION.lerc) {
    needs(lerc);
    return decodeLercBlock(image, raw, inflate, zstd, lerc, { count, spp, rows: place.storedRows, fill });
  }
  let bytes: Uint8Array;
  if (image.compression === COMPRESSION.none) bytes = raw;
  else if (image.compression === COMPRESSION.lzw) bytes = lzwDecode(raw, expected);
  else if (image.compression === COMPRESSION.packBits) bytes = packBitsDecode(raw, expected);
  else if (image.compression === COMPRESSION.zstd && zstd !== undefined)
    bytes = await zstdOrCorrupt(zstd, raw, expected);
  else bytes = await inflateOrCorrupt(inflate, raw, expected);
  if (bytes.byteLength < expected) throw corrupt('blockShort');
  if (packed) {
    const out = allocSamples(image.dataType, count);
    unpackBits(bytes, image.blockWidth * spp, place.storedRows, image.bitsPerSample, out);
    return out;
  }
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

async function inflateOrCorrupt(inflate: InflatePort, raw: Uint8Array, max: number): Promise<Uint8Array> {
  try {
    return await inflate(raw, max);
  } catch {
    throw corrupt('deflateDecode');
  }
}

async function zstdOrCorrupt(zstd: ZstdPort, raw: Uint8Array, max: number): Promise<Uint8Array> {
  try {
    return await zstd(raw, max);
  } catch {
    throw corrupt('zstdDecode');
  }
}

/** Generous bound on a LERC blob of `samples` samples (its header and mask on top of raw data). */
const lercBlobLimit = (bytes: number): number => 2 * bytes + 65536;

/**
 * A LERC tile or strip: the blob, DEFLATE- or ZSTD-wrapped when LercParameters says so, decodes to
 * the whole stored block; pixels its mask marks invalid get `fill` (GDAL writes them as nodata).
 */
async function decodeLercBlock(
  image: TiffImage,
  raw: Uint8Array,
  inflate: InflatePort,
  zstd: ZstdPort | undefined,
  lerc: LercPort | undefined,
  block: { readonly count: number; readonly spp: number; readonly rows: number; readonly fill: number },
): Promise<SampleArray> {
  if (lerc === undefined) throw unsupported('compression', { compression: image.compression });
  const extra = image.lercParameters?.[1] ?? 0;
  const limit = lercBlobLimit(block.count * image.bytesPerSample);
  let blob = raw;
  if (extra === 1) blob = await inflateOrCorrupt(inflate, raw, limit);
  else if (extra === 2) {
    if (zstd === undefined) throw unsupported('compression', { compression: COMPRESSION.zstd });
    blob = await zstdOrCorrupt(zstd, raw, limit);
  }
  let decoded: Awaited<ReturnType<LercPort>>;
  try {
    decoded = await lerc(blob, {
      width: image.blockWidth,
      height: block.rows,
      depth: block.spp,
      dataType: image.dataType,
    });
  } catch {
    throw corrupt('lercDecode');
  }
  const { samples, mask } = decoded;
  if (samples.length !== block.count) throw corrupt('lercDecode');
  if (mask !== null) {
    for (let p = 0; p < mask.length; p += 1)
      if (mask[p] === 0) samples.fill(block.fill, p * block.spp, (p + 1) * block.spp);
  }
  return samples;
}
