import { createReadStream } from 'node:fs';
import { ByteSearcher, type ScanHit } from '../../core/scan/byte-search.js';
import type { SecretPattern } from '../../core/scan/secret-patterns.js';

export interface FileByteScan {
  readonly hits: readonly ScanHit[];
  readonly bytes: number;
  readonly megabytesPerSecond: number;
}

/** Searches a file's raw bytes for every pattern, streamed in 1 MiB chunks (never loaded whole). */
export async function scanFileBytes(path: string, patterns: readonly SecretPattern[]): Promise<FileByteScan> {
  const started = performance.now();
  const searcher = new ByteSearcher(patterns);
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const data = chunk as Buffer;
    searcher.push(new Uint8Array(data.buffer, data.byteOffset, data.length));
    bytes += data.length;
  }
  const seconds = Math.max((performance.now() - started) / 1000, 1e-6);
  return { hits: searcher.hits, bytes, megabytesPerSecond: bytes / 1e6 / seconds };
}
