export { FormatError, type FormatProblemKind } from '../format-error.js';
export { readGeoTiffHeader, type GeoTiffHeader } from './raster-info.js';
export type { TiffImage } from './tiff-image.js';
export { IMAGE_LIMITS } from './tiff-image.js';
export { IFD_LIMITS, readTiffDirectory, type Ifd, type TagValue, type TiffDirectory } from './ifd-reader.js';
export type { Georeference } from './georeference.js';
export {
  blockPlace,
  canDecode,
  decodeBlock,
  decodeProblem,
  type BlockCodecs,
  type BlockPlace,
  type InflatePort,
  type LercPort,
  type LercShape,
  type ZstdPort,
} from './block-decoder.js';
export type { JpegPort } from './jpeg-block.js';
export type { JpegComponent, JpegFrame } from './jpeg-frame.js';
export { expandPalette, paletteRgb } from './palette.js';
export { allocSamples, BYTES_PER_SAMPLE, type SampleArray } from './samples.js';
export {
  GeoTiffTileWriter,
  nodataText,
  TILE_SIZE,
  type DeflatePort,
  type GeoTiffSpec,
  type TiffSink,
} from './tiff-writer.js';
export { TAG } from './tiff-tags.js';
export { placementTags } from './placement-tags.js';
