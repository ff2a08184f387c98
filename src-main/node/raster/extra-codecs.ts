import { decompress } from 'fzstd';
import * as lercCodec from 'lerc';
import type { BlockCodecs, LercPort, ZstdPort } from '../../core/formats/geotiff/index.js';
import type { RasterDataType } from '../../core/model/index.js';

/**
 * Zstandard with fzstd (pure JS) into a buffer of the header-derived block size, never into what
 * the frame claims: a stream that would give more is clipped at the block's end (fzstd fills the
 * buffer it is handed and returns it whole, so neither a longer nor a shorter stream can be told
 * from a right one; the block's size, not the stream, decides what is allocated and read).
 */
export const jsZstd: ZstdPort = (bytes, maxOutput) =>
  Promise.resolve(decompress(bytes, new Uint8Array(Math.max(1, maxOutput))));

/** LERC pixel type codes (Lerc2 DataType) of each sample type. */
const LERC_TYPE: Readonly<Record<RasterDataType, number>> = {
  Int8: 0,
  Byte: 1,
  Int16: 2,
  UInt16: 3,
  Int32: 4,
  UInt32: 5,
  Float32: 6,
  Float64: 7,
};

/**
 * LERC with Esri's WebAssembly decoder (package `lerc`), loaded on first use. The blob's header is
 * checked against the block's size, depth and type before anything is decoded, so allocation
 * follows the TIFF header, not the blob.
 */
export const wasmLerc: LercPort = async (blob, shape) => {
  await lercCodec.load();
  const info = lercCodec.getBlobInfo(blob);
  if (
    info.width !== shape.width ||
    info.height !== shape.height ||
    info.depthCount !== shape.depth ||
    info.bandCount !== 1 ||
    info.dataType !== LERC_TYPE[shape.dataType]
  )
    throw new Error('LERC blob does not match its tile');
  const decoded = lercCodec.decode(blob, { returnInterleaved: true });
  const [samples] = decoded.pixels;
  if (samples === undefined) throw new Error('LERC blob without pixels');
  // Only a U8 blob could come back clamped; its bytes are the same samples.
  const typed =
    samples instanceof Uint8ClampedArray
      ? new Uint8Array(samples.buffer, samples.byteOffset, samples.length)
      : samples;
  return { samples: typed, mask: decoded.mask };
};

/** The codecs beyond DEFLATE and JPEG that the main process reads blocks with. */
export const EXTRA_CODECS: BlockCodecs = { zstd: jsZstd, lerc: wasmLerc };
