import { open } from 'node:fs/promises';

const HEAD_BYTES = 64 * 1024;

/** The first bytes of a file (up to 64 KiB): enough to tell every format we read by content. */
export async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
