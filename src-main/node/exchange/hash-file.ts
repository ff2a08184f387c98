import { createHash } from 'node:crypto';
import { bufferBytes, openNoFollow, throwIfCancelled } from './hash-copy.js';
import type { StreamOptions } from './hash-copy.js';

/**
 * SHA-256 (hex) of a file, streamed in chunks of up to 4 MiB with the next read overlapping the
 * hashing of the current chunk.
 */
export async function sha256File(path: string, options: StreamOptions = {}): Promise<string> {
  const handle = await openNoFollow(path);
  try {
    const hash = createHash('sha256');
    const size = bufferBytes((await handle.stat()).size);
    const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
    let slot = 0;
    let reading = handle.read(buffers[0] as Buffer, 0, size, null);
    try {
      for (;;) {
        const { bytesRead, buffer } = await reading;
        if (bytesRead === 0) break;
        throwIfCancelled(options.signal);
        slot ^= 1;
        reading = handle.read(buffers[slot] as Buffer, 0, size, null);
        hash.update(buffer.subarray(0, bytesRead));
        options.onBytes?.(bytesRead);
      }
    } finally {
      await Promise.allSettled([reading]);
    }
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
}

/** Reads a whole small file (tag files) without following a final symlink, refusing above `limit` bytes. */
export async function readSmallFile(path: string, limit: number): Promise<Buffer | 'too-large'> {
  const handle = await openNoFollow(path);
  try {
    const { size } = await handle.stat();
    if (size > limit) return 'too-large';
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
