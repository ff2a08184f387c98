import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { TiffSink } from '../../core/formats/geotiff/index.js';

async function writeAll(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.byteLength - done, position + done);
    done += bytesWritten;
  }
}

/** TiffSink over an open file: appends sequentially, patches with positioned writes. */
export function fileSink(handle: FileHandle): TiffSink {
  let position = 0;
  return {
    async append(bytes) {
      await writeAll(handle, bytes, position);
      position += bytes.byteLength;
    },
    writeAt: (at, bytes) => writeAll(handle, bytes, at),
  };
}

/** Makes a rename in the file's directory durable (best effort: Windows cannot open directories). */
export async function syncDirectory(path: string): Promise<void> {
  let dir: FileHandle | null = null;
  try {
    dir = await open(dirname(path), 'r');
    await dir.sync();
  } catch {
    // Directory fsync is unsupported on some platforms; the file itself was already fsynced.
  } finally {
    await dir?.close();
  }
}
