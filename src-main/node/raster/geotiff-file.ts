import type { RasterInfo } from '../../core/model/index.js';
import type { ByteSource } from '../../core/ports/index.js';
import {
  decodeBlock,
  readGeoTiffHeader,
  type GeoTiffHeader,
  type SampleArray,
  type TiffImage,
} from '../../core/formats/geotiff/index.js';
import { FormatError } from '../../core/formats/geotiff/index.js';
import { openFileSource } from '../fs/file-source.js';
import { EXTRA_CODECS } from './extra-codecs.js';
import { jsJpeg } from './jpeg-codec.js';
import { nativeInflate } from './native-codecs.js';
import { formatFileError } from '../fs/format-errors.js';

/**
 * Opens `path`, parses its GeoTIFF header and runs `fn`; always closes the file. Every failure
 * (missing file, hostile structure, bad block) comes out as a StrataError naming the base name.
 */
export async function withGeoTiff<T>(
  path: string,
  fn: (source: ByteSource, header: GeoTiffHeader) => Promise<T>,
): Promise<T> {
  let source: Awaited<ReturnType<typeof openFileSource>> | null = null;
  try {
    source = await openFileSource(path);
    return await fn(source, await readGeoTiffHeader(source));
  } catch (err) {
    throw formatFileError(err, path);
  } finally {
    await source?.close();
  }
}

/** Header facts of a GeoTIFF (no pixels decoded). Throws StrataError. */
export const readRasterInfo = (path: string): Promise<RasterInfo> =>
  withGeoTiff(path, (_source, header) => Promise.resolve(header.info));

/**
 * Reads and decodes one tile/strip of `image`; empty (sparse) blocks come back filled with `fill`,
 * and so do LERC pixels its mask marks invalid.
 * YCbCr JPEG comes back as RGB; palette images as indices.
 */
export async function readBlock(
  source: ByteSource,
  header: GeoTiffHeader,
  image: TiffImage,
  index: number,
  fill: number,
): Promise<SampleArray> {
  const offset = image.offsets[index] ?? 0;
  const length = image.byteCounts[index] ?? 0;
  const raw = length === 0 ? new Uint8Array(0) : await source.read(offset, length);
  if (raw.byteLength !== length) throw new FormatError('corrupt', 'shortRead');
  return decodeBlock(image, header.littleEndian, index, raw, nativeInflate, fill, jsJpeg, EXTRA_CODECS);
}
