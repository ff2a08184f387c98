import { promisify } from 'node:util';
import { deflate, inflate } from 'node:zlib';
import type { DeflatePort, InflatePort } from '../../core/formats/geotiff/index.js';

const inflateAsync = promisify(inflate);
const deflateAsync = promisify(deflate);

/**
 * zlib jobs this thread keeps on the libuv threadpool at once. The pool is shared by the whole
 * process, and the host's file serving and SQLite calls queue there too: a resample that queued
 * all 96 blocks of two batches made a Range request or `datasets.list` wait behind them for 100 ms
 * and more (ADR 0085). Two jobs per pool thread: every thread has its next job queued while this
 * thread averages (a refill waits for this thread's next turn, and fewer left threads idle: a
 * bound of all-but-two threads cost the 10k² resample a third of its speed), and a host request
 * waits behind at most two rounds. Read when used: hosts set the size as they start
 * (hosting/threadpool.ts).
 */
let zlibSlots: number | undefined;
const zlibInFlight = (): number => (zlibSlots ??= 2 * Number(process.env['UV_THREADPOOL_SIZE'] ?? 4));

let inFlight = 0;
const waiting: (() => void)[] = [];

async function limited<T>(job: () => Promise<T>): Promise<T> {
  if (inFlight >= zlibInFlight()) await new Promise<void>((resolve) => waiting.push(resolve));
  inFlight += 1;
  try {
    return await job();
  } finally {
    inFlight -= 1;
    waiting.shift()?.();
  }
}

/**
 * Native zlib on the libuv threadpool (so tiles inflate on other cores while JS averages).
 * `maxOutputLength` caps the output at the header-derived block size: a zip bomb fails fast.
 */
export const nativeInflate: InflatePort = async (bytes, maxOutput) => {
  const out = await limited(() =>
    inflateAsync(bytes, {
      maxOutputLength: Math.max(1, maxOutput),
      chunkSize: Math.max(1024, maxOutput),
    }),
  );
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

export const nativeDeflate: DeflatePort = async (bytes) => {
  const out = await limited(() => deflateAsync(bytes, { level: 6 }));
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};
