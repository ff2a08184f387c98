import { promisify } from 'node:util';
import { deflate, inflate } from 'node:zlib';
import type { DeflatePort, InflatePort } from '../../core/formats/geotiff/index.js';

const inflateAsync = promisify(inflate);
const deflateAsync = promisify(deflate);

/**
 * Native zlib on the libuv threadpool (so tiles inflate on other cores while JS averages).
 * `maxOutputLength` caps the output at the header-derived block size: a zip bomb fails fast.
 */
export const nativeInflate: InflatePort = async (bytes, maxOutput) => {
  const out = await inflateAsync(bytes, {
    maxOutputLength: Math.max(1, maxOutput),
    chunkSize: Math.max(1024, maxOutput),
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

export const nativeDeflate: DeflatePort = async (bytes) => {
  const out = await deflateAsync(bytes, { level: 6 });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};
