import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ByteSource } from '../../core/ports/index.js';

export type ClosableByteSource = ByteSource & { close(): Promise<void> };

/**
 * Random-access reads from a file (positioned reads, no whole-file load). Each read returns a
 * fresh, unpooled buffer the caller may modify; a read past the end returns fewer bytes.
 */
export async function openFileSource(path: string): Promise<ClosableByteSource> {
  const handle = await open(path, 'r');
  let size: number;
  try {
    size = (await handle.stat()).size;
  } catch (err) {
    await handle.close();
    throw err;
  }
  return {
    size,
    name: basename(path),
    async read(offset: number, length: number): Promise<Uint8Array> {
      const bytes = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(bytes, done, length - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === length ? bytes : bytes.subarray(0, done);
    },
    close: () => handle.close(),
  };
}
