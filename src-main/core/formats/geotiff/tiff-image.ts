import type { RasterDataType } from '../../model/index.js';
import type { Ifd, TagValue } from './ifd-reader.js';
import { corrupt, tooLarge, unsupported } from '../format-error.js';
import { BYTES_PER_SAMPLE } from './samples.js';
import { PHOTOMETRIC, TAG } from './tiff-tags.js';

/** Structure of one IFD's image, validated against the file size and the budgets below. */
export interface TiffImage {
  readonly width: number;
  readonly height: number;
  readonly samplesPerPixel: number;
  readonly dataType: RasterDataType;
  /** Bytes of one decoded sample (of `dataType`). */
  readonly bytesPerSample: number;
  /**
   * Stored bits of one sample. Below 8, and 12, 24 and the like, samples are packed MSB first with
   * each row starting on a byte; they decode to the next whole type (1-7 Byte, 9-15 UInt16,
   * 17-31 UInt32), as GDAL reads them (its NBITS).
   */
  readonly bitsPerSample: number;
  /** Tag 50674 (LercParameters): [version, additional compression 0 none / 1 DEFLATE / 2 ZSTD], or null. */
  readonly lercParameters: readonly number[] | null;
  readonly compression: number;
  /** 1 none, 2 horizontal differencing, 3 floating point. */
  readonly predictor: number;
  /** 1 = samples interleaved per pixel (chunky), 2 = one block set per band (planar). */
  readonly planar: 1 | 2;
  readonly photometric: number;
  /** Bit 0 set = reduced-resolution (overview), bit 2 = mask. */
  readonly subfileType: number;
  readonly tiled: boolean;
  /** Tile size, or width x rows-per-strip for strips. Pixels. */
  readonly blockWidth: number;
  readonly blockHeight: number;
  readonly blocksAcross: number;
  readonly blocksDown: number;
  readonly offsets: readonly number[];
  readonly byteCounts: readonly number[];
  /** JPEG quantisation and Huffman tables shared by every block (tag 347), or null. */
  readonly jpegTables: Uint8Array | null;
  /** TIFF ColorMap: 3 x 2^bits 16-bit values (all reds, then greens, then blues), or null. */
  readonly colorMap: readonly number[] | null;
}

export const IMAGE_LIMITS = {
  /** width x height of one image (2^36 ~ 69 G pixels, e.g. 260k x 260k). */
  maxPixels: 2 ** 36,
  /** Decoded bytes of one tile or strip. */
  maxBlockBytes: 256 * 1024 * 1024,
} as const;

const one = (tags: ReadonlyMap<number, TagValue>, tag: number, name: string, fallback?: number): number => {
  const value = tags.get(tag);
  if (value === undefined) {
    if (fallback === undefined) throw corrupt('tagMissing', { tag: name });
    return fallback;
  }
  if (typeof value === 'string') throw corrupt('tagText', { tag: name });
  if (value.length !== 1) throw corrupt('tagCount', { tag: name });
  const v = value[0] ?? Number.NaN;
  if (!Number.isInteger(v) || v < 0) throw corrupt('tagBad', { tag: name });
  return v;
};

const numbers = (
  tags: ReadonlyMap<number, TagValue>,
  tag: number,
  name: string,
): readonly number[] | undefined => {
  const value = tags.get(tag);
  if (value === undefined) return undefined;
  if (typeof value === 'string') throw corrupt('tagText', { tag: name });
  return value;
};

/** Validates one IFD into a TiffImage. Throws FormatError (corrupt / too-large / unsupported). */
export function tiffImage(ifd: Ifd, fileSize: number): TiffImage {
  const t = ifd.tags;
  const width = one(t, TAG.ImageWidth, 'ImageWidth');
  const height = one(t, TAG.ImageLength, 'ImageLength');
  if (width === 0 || height === 0) throw corrupt('imageSizeZero');
  if (width * height > IMAGE_LIMITS.maxPixels) throw tooLarge('imagePixels', { width, height });
  const spp = one(t, TAG.SamplesPerPixel, 'SamplesPerPixel', 1);
  if (spp < 1 || spp > 64) throw unsupported('samplesPerPixel', { samples: spp });
  const bits = uniform(numbers(t, TAG.BitsPerSample, 'BitsPerSample') ?? [1], spp, 'BitsPerSample');
  const format = uniform(numbers(t, TAG.SampleFormat, 'SampleFormat') ?? [1], spp, 'SampleFormat');
  const dataType = sampleType(format, bits);
  const planarTag = one(t, TAG.PlanarConfig, 'PlanarConfig', 1);
  if (planarTag !== 1 && planarTag !== 2) throw corrupt('tagBad', { tag: 'PlanarConfiguration' });
  const planar = spp === 1 ? 1 : planarTag;
  const tiled = t.has(TAG.TileWidth) || t.has(TAG.TileOffsets);
  let blockWidth: number;
  let blockHeight: number;
  if (tiled) {
    blockWidth = one(t, TAG.TileWidth, 'TileWidth');
    blockHeight = one(t, TAG.TileLength, 'TileLength');
    if (blockWidth === 0 || blockHeight === 0) throw corrupt('tileSizeZero');
  } else {
    blockWidth = width;
    blockHeight = Math.min(one(t, TAG.RowsPerStrip, 'RowsPerStrip', height), height);
    if (blockHeight === 0) throw corrupt('rowsPerStripZero');
  }
  const bytesPerSample = BYTES_PER_SAMPLE[dataType];
  const blockSamples = planar === 1 ? spp : 1;
  if (blockWidth * blockHeight * blockSamples * bytesPerSample > IMAGE_LIMITS.maxBlockBytes) {
    throw tooLarge('blockSize');
  }
  const blocksAcross = Math.ceil(width / blockWidth);
  const blocksDown = Math.ceil(height / blockHeight);
  const expected = blocksAcross * blocksDown * (planar === 2 ? spp : 1);
  const offsets = numbers(t, tiled ? TAG.TileOffsets : TAG.StripOffsets, 'block offsets');
  const byteCounts = numbers(t, tiled ? TAG.TileByteCounts : TAG.StripByteCounts, 'block byte counts');
  if (offsets === undefined || byteCounts === undefined) throw corrupt('blockOffsetsMissing');
  if (offsets.length !== expected || byteCounts.length !== expected) {
    throw corrupt('blockCount', { listed: offsets.length, expected });
  }
  for (let i = 0; i < expected; i += 1) {
    const off = offsets[i] ?? -1;
    const len = byteCounts[i] ?? -1;
    if (!Number.isInteger(off) || !Number.isInteger(len) || off < 0 || len < 0 || off + len > fileSize) {
      throw corrupt('blockPastEnd');
    }
  }
  const jpegTables = numbers(t, TAG.JpegTables, 'JPEGTables');
  const photometric = one(t, TAG.Photometric, 'Photometric', 1);
  // Only a palette image's ColorMap means anything; elsewhere it is ignored, as libtiff does.
  const colorMap = photometric === PHOTOMETRIC.palette ? numbers(t, TAG.ColorMap, 'ColorMap') : undefined;
  if (colorMap !== undefined && (bits > 16 || colorMap.length !== 3 * 2 ** bits))
    throw corrupt('colorMapLength');
  return {
    width,
    height,
    samplesPerPixel: spp,
    dataType,
    bytesPerSample,
    bitsPerSample: bits,
    lercParameters: numbers(t, TAG.LercParameters, 'LercParameters') ?? null,
    compression: one(t, TAG.Compression, 'Compression', 1),
    predictor: one(t, TAG.Predictor, 'Predictor', 1),
    planar,
    photometric,
    subfileType: one(t, TAG.NewSubfileType, 'NewSubfileType', 0),
    tiled,
    blockWidth,
    blockHeight,
    blocksAcross,
    blocksDown,
    offsets,
    byteCounts,
    jpegTables: jpegTables === undefined ? null : Uint8Array.from(jpegTables),
    colorMap: colorMap ?? null,
  };
}

function uniform(values: readonly number[], spp: number, name: string): number {
  const first = values[0];
  if (first === undefined) throw corrupt('tagMissing', { tag: name });
  if (values.length !== 1 && values.length !== spp) throw corrupt('tagCount', { tag: name });
  if (values.some((v) => v !== first)) throw unsupported('mixedAcrossBands', { tag: name });
  return first;
}

const TYPES: Readonly<Record<string, RasterDataType>> = {
  '1:8': 'Byte',
  '2:8': 'Int8',
  '1:16': 'UInt16',
  '2:16': 'Int16',
  '1:32': 'UInt32',
  '2:32': 'Int32',
  '3:32': 'Float32',
  '3:64': 'Float64',
};

/** Unsigned integers packed in fewer bits than their type widen to the next whole type, as in GDAL. */
function sampleType(format: number, bits: number): RasterDataType {
  if (format === 1 && bits >= 1 && bits <= 31 && bits % 8 !== 0)
    return bits < 8 ? 'Byte' : bits < 16 ? 'UInt16' : 'UInt32';
  const type = TYPES[`${String(format)}:${String(bits)}`];
  if (type === undefined) throw unsupported('sampleFormat', { bits, format });
  return type;
}
