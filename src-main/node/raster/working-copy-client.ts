import { existsSync } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ERROR_CODES, StrataError } from '../../api/errors.js';
import type { JobOptions } from '../../core/ports/index.js';
import { crsWorkerData } from '../crs/index.js';
import type { WorkingCopyOutcome } from './working-copy.js';
import type { WorkingCopyMessage, WorkingCopyRequest } from './working-copy-protocol.js';
import { WORKING_COPY_WORKER_URL } from './working-copy-worker-url.js';

export interface WorkingCopierOptions {
  /** The built worker entry; defaults to working-copy-worker.mjs next to the running bundle. */
  readonly workerUrl?: URL;
  /** V8 old-generation cap, MB (decoded blocks are ArrayBuffers, outside it). */
  readonly maxHeapMb?: number;
  /** How long a cancelled worker may take to stop by itself before it is terminated, ms. */
  readonly cancelGraceMs?: number;
}

/** `writeWorkingCopy` with its in-process signature, each call in a worker thread of its own. */
export interface WorkingCopier {
  readonly writeWorkingCopy: (src: string, dest: string, options?: JobOptions) => Promise<WorkingCopyOutcome>;
  /** Terminates every worker; copies still running reject with CANCELLED, and so do later calls. */
  readonly close: () => Promise<void>;
}

const LIMITS = { maxHeapMb: 1024, cancelGraceMs: 5_000 } as const;

/** Removes what a terminated worker may have left: `<dest>.<uuid>.tmp` (see writeWorkingCopy). */
async function removeTemps(dest: string): Promise<void> {
  const dir = path.dirname(dest);
  const prefix = `${path.basename(dest)}.`;
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => n.startsWith(prefix) && n.endsWith('.tmp'))
      .map((n) => unlink(path.join(dir, n)).catch(() => undefined)),
  );
}

function revive(error: { code: string; params: Record<string, string | number>; detail: string }): Error {
  if (error.code === 'INTERNAL' || !(ERROR_CODES as readonly string[]).includes(error.code))
    return new Error(`working-copy worker: ${error.detail}`);
  return new StrataError(error.code as StrataError['code'], error.params, error.detail);
}

/**
 * Writes display working copies in worker threads, so decoding, averaging and compressing a large
 * raster never holds the host's event loop (ADR 0125; the same shape as the resampler, ADR 0085,
 * without keeping a spare worker: a copy is made once per import). An abort asks the worker to
 * stop; one that does not within `cancelGraceMs` is terminated and its temp file removed here.
 * Throws at creation when the worker bundle is missing (run `npm run build`).
 */
export function createWorkingCopier(options: WorkingCopierOptions = {}): WorkingCopier {
  const workerUrl = options.workerUrl ?? WORKING_COPY_WORKER_URL;
  const maxHeapMb = options.maxHeapMb ?? LIMITS.maxHeapMb;
  const graceMs = options.cancelGraceMs ?? LIMITS.cancelGraceMs;
  if (!existsSync(fileURLToPath(workerUrl)))
    throw new Error(`working-copy worker not found at ${fileURLToPath(workerUrl)}; run \`npm run build\``);
  const live = new Set<Worker>();
  let closed = false;

  function writeWorkingCopy(src: string, dest: string, opts: JobOptions = {}): Promise<WorkingCopyOutcome> {
    if (closed || opts.signal?.aborted === true) return Promise.reject(new StrataError('CANCELLED'));
    const file = path.basename(src);
    const worker = new Worker(workerUrl, {
      workerData: crsWorkerData(),
      resourceLimits: {
        maxOldGenerationSizeMb: maxHeapMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(4, Math.floor(maxHeapMb / 16))),
      },
    });
    live.add(worker);
    worker.on('exit', () => live.delete(worker));
    return new Promise<WorkingCopyOutcome>((resolve, reject) => {
      let settled = false;
      let grace: NodeJS.Timeout | undefined;
      const onAbort = (): void => {
        worker.postMessage({ type: 'cancel' } satisfies WorkingCopyRequest);
        grace = setTimeout(() => {
          void end(new StrataError('CANCELLED'), true);
        }, graceMs);
      };
      const end = async (outcome: Error | WorkingCopyOutcome, abnormal: boolean): Promise<void> => {
        if (settled) return;
        settled = true;
        clearTimeout(grace);
        opts.signal?.removeEventListener('abort', onAbort);
        worker.removeAllListeners('message');
        await worker.terminate();
        // A worker stopped from outside cannot clean up after itself.
        if (abnormal) await removeTemps(dest);
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      worker.on('message', (message: WorkingCopyMessage) => {
        if (message.type === 'progress') opts.onProgress?.(message.done, message.total);
        else void end(message.outcome.ok ? message.outcome.result : revive(message.outcome.error), false);
      });
      worker.on('error', (err: Error & { code?: unknown }) => {
        void end(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new StrataError('TOO_LARGE', { file, problem: 'problem.resampleMemory', limitMb: maxHeapMb })
            : err,
          true,
        );
      });
      worker.on('exit', () => {
        void end(closed ? new StrataError('CANCELLED') : new Error('working-copy worker exited'), true);
      });
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage({ type: 'run', src, dest } satisfies WorkingCopyRequest);
    });
  }

  return {
    writeWorkingCopy,
    async close() {
      closed = true;
      await Promise.all([...live].map((w) => w.terminate()));
    },
  };
}
