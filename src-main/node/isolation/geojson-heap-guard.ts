import { open } from 'node:fs/promises';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { resourceLimits } from 'node:worker_threads';
import { StrataError } from '../../api/errors.js';
import { detectFormat } from '../../core/formats/detect.js';

/**
 * Peak heap bytes JSON.parse may take per `[` or `{` in the text, and per byte of text (the text as
 * a string plus element slots). Measured on Node 20 with the worst inputs (`[{},{},…]` needs about
 * 64 bytes per object), then given 1.75× room.
 */
const BYTES_PER_CONTAINER = 112;
const BYTES_PER_BYTE = 4;
const CHUNK = 4 * 1024 * 1024;
/** As much as readVectorFile shows detectFormat. */
const HEAD = 64 * 1024;

/**
 * Refuses (TOO_LARGE) a GeoJSON file whose JSON.parse could outgrow this thread's heap limit.
 * JSON.parse builds the whole tree in one native call that the worker heap limit cannot interrupt:
 * overshooting the limit there aborts the whole process, not just the worker (ADR 0080). The bound
 * comes from counting containers in the raw bytes, before anything is decoded. Other formats and
 * unreadable files pass through; the parser reports those.
 */
export async function guardGeoJsonHeap(file: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch {
    return;
  }
  try {
    const chunk = new Uint8Array(CHUNK);
    let { bytesRead } = await handle.read(chunk, 0, CHUNK, 0);
    if (detectFormat(path.basename(file), chunk.subarray(0, Math.min(bytesRead, HEAD))) !== 'GeoJSON') return;
    let bytes = 0;
    let containers = 0;
    while (bytesRead > 0) {
      for (let i = 0; i < bytesRead; i += 1) {
        const b = chunk[i];
        if (b === 0x5b || b === 0x7b) containers += 1;
      }
      bytes += bytesRead;
      ({ bytesRead } = await handle.read(chunk, 0, CHUNK, bytes));
    }
    const { heap_size_limit: limit, used_heap_size: used } = getHeapStatistics();
    if (containers * BYTES_PER_CONTAINER + bytes * BYTES_PER_BYTE > limit - used) {
      const mb = resourceLimits.maxOldGenerationSizeMb ?? Math.round(limit / 2 ** 20);
      throw new StrataError('TOO_LARGE', {
        file: path.basename(file),
        problem: 'problem.geojsonTooComplex',
        mb,
      });
    }
  } finally {
    await handle.close();
  }
}
