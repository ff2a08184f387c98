import { createHash } from 'node:crypto';
import { constants, open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { StrataError } from '../../api/errors.js';
import type { CancelSignal } from '../../core/ports/index.js';

/** Chunk size for streaming copy and hashing; 4 MiB measured fastest here (ADR 0033). */
export const CHUNK_BYTES = 4 << 20;
const BUFFERS = 3;

export interface StreamOptions {
  readonly signal?: CancelSignal | undefined;
  /** Called after each chunk with the bytes of that chunk. */
  readonly onBytes?: ((bytes: number) => void) | undefined;
}

/** Open flags that refuse to follow a symbolic link in the last component (POSIX only). */
const READ_NO_FOLLOW =
  process.platform === 'win32' ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NOFOLLOW;

/** Opens a file for reading without following a final symbolic link. */
export const openNoFollow = (path: string): Promise<FileHandle> => open(path, READ_NO_FOLLOW);

/** Buffer size for a file of `size` bytes: small files do not allocate whole chunks. */
export const bufferBytes = (size: number): number => Math.min(CHUNK_BYTES, Math.max(64 << 10, size + 1));

export const throwIfCancelled = (signal: CancelSignal | undefined): void => {
  if (signal?.aborted === true) throw new StrataError('CANCELLED');
};

/**
 * Copies `source` to the new file `target` and returns the SHA-256 (hex) and length of exactly the
 * bytes written, in one pass: the next chunk is read while the current one is hashed and the
 * previous one is written (three rotating buffers, explicit file positions so writes cannot
 * reorder). The target is fsynced before returning. A symbolic link as `source` is refused, not
 * followed. Memory: {@link CHUNK_BYTES} × 3.
 */
export async function copyAndHash(
  source: string,
  target: string,
  options: StreamOptions = {},
): Promise<{ sha256: string; bytes: number }> {
  const input = await openNoFollow(source);
  try {
    const output = await open(target, 'wx', 0o644);
    try {
      const hash = createHash('sha256');
      const size = bufferBytes((await input.stat()).size);
      const buffers = Array.from({ length: BUFFERS }, () => Buffer.allocUnsafe(size));
      const writes: (Promise<unknown> | null)[] = new Array<Promise<unknown> | null>(BUFFERS).fill(null);
      let slot = 0;
      let position = 0;
      let reading = input.read(buffers[0] as Buffer, 0, size, null);
      try {
        for (;;) {
          const { bytesRead, buffer } = await reading;
          if (bytesRead === 0) break;
          throwIfCancelled(options.signal);
          const current = slot;
          slot = (slot + 1) % BUFFERS;
          await writes[slot];
          writes[slot] = null;
          reading = input.read(buffers[slot] as Buffer, 0, size, null);
          const chunk = buffer.subarray(0, bytesRead);
          hash.update(chunk);
          writes[current] = writeFully(output, chunk, position);
          position += bytesRead;
          options.onBytes?.(bytesRead);
        }
      } finally {
        // Never leave a read or write running on a handle about to be closed.
        await Promise.allSettled([reading, ...writes]);
      }
      for (const write of writes) await write;
      await output.sync();
      return { sha256: hash.digest('hex'), bytes: position };
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
}

async function writeFully(handle: FileHandle, chunk: Buffer, position: number): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset, position + offset);
    offset += bytesWritten;
  }
}
