import { existsSync } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ERROR_CODES, StrataError } from '../../api/errors.js';
import type { JobOptions } from '../../core/ports/index.js';
import { crsWorkerData } from '../crs/index.js';
import type { SerialisedError } from '../isolation/protocol.js';
import type { JobMessage, JobRequest } from './job-protocol.js';

/** Throws, saying how to build it, when a worker bundle is missing. */
export function requireWorkerBundle(url: URL, what: string): void {
  if (!existsSync(fileURLToPath(url)))
    throw new Error(`${what} worker not found at ${fileURLToPath(url)}; run \`npm run build\``);
}

/** A job worker with the host's CRS registry and a V8 heap cap (decoded blocks are ArrayBuffers, outside it). */
export function startJobWorker(url: URL, maxHeapMb: number): Worker {
  const worker = new Worker(url, {
    workerData: crsWorkerData(),
    resourceLimits: {
      maxOldGenerationSizeMb: maxHeapMb,
      maxYoungGenerationSizeMb: Math.min(64, Math.max(4, Math.floor(maxHeapMb / 16))),
    },
  });
  // Without a listener an 'error' event would be thrown in the host; the job using it reports it.
  worker.on('error', () => undefined);
  return worker;
}

/** Removes what a terminated worker may have left: `<dest>.<uuid>.tmp` (the writers' temp names). */
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

function revive(error: SerialisedError, what: string): Error {
  if (error.code === 'INTERNAL' || !(ERROR_CODES as readonly string[]).includes(error.code))
    return new Error(`${what} worker: ${error.detail}`);
  return new StrataError(error.code, error.params, error.detail);
}

export interface JobRun {
  /** The worker's name in messages, e.g. 'resample'. */
  readonly what: string;
  /** The source file's base name, for a heap-cap error. */
  readonly file: string;
  /** The output the job writes; its temp files are removed if the worker had to be stopped. */
  readonly dest: string;
  readonly maxHeapMb: number;
  /** How long a cancelled worker may take to stop by itself before it is terminated, ms. */
  readonly graceMs: number;
  /** True once the host closed: a worker exit then means CANCELLED. */
  readonly closed: () => boolean;
  /** What becomes of the worker once the job ended: kept for reuse or terminated (`clean` false). */
  readonly finish: (worker: Worker, clean: boolean) => Promise<unknown>;
}

/**
 * Runs one job on `worker` (ADR 0085), sending it `args` (the job's own argument type, which its
 * worker entry names): progress crosses as messages; an abort asks the worker to
 * stop (it removes its temp file and answers CANCELLED), and a worker that does not stop within
 * the grace time is terminated and its temp file removed here. A worker over its heap cap gives
 * TOO_LARGE. The call settles once `finish` is done with the worker.
 */
export function runJob<R>(worker: Worker, args: unknown, opts: JobOptions, job: JobRun): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    let grace: NodeJS.Timeout | undefined;
    const onAbort = (): void => {
      worker.postMessage({ type: 'cancel' } satisfies JobRequest<unknown>);
      grace = setTimeout(() => {
        void end(new StrataError('CANCELLED'), true);
      }, job.graceMs);
    };
    const end = async (outcome: Error | { readonly result: R }, abnormal: boolean): Promise<void> => {
      if (settled) return;
      settled = true;
      clearTimeout(grace);
      opts.signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      // A worker that failed or was cancelled may hold anything: it is not reused.
      await job.finish(worker, !(outcome instanceof Error));
      // A worker stopped from outside cannot clean up after itself.
      if (abnormal) await removeTemps(job.dest);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome.result);
    };
    const onMessage = (message: JobMessage<R>): void => {
      if (message.type === 'progress') opts.onProgress?.(message.done, message.total);
      else void end(message.outcome.ok ? message.outcome : revive(message.outcome.error, job.what), false);
    };
    const onError = (err: Error & { code?: unknown }): void => {
      void end(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new StrataError('TOO_LARGE', {
              file: job.file,
              problem: 'problem.resampleMemory',
              limitMb: job.maxHeapMb,
            })
          : err,
        true,
      );
    };
    const onExit = (): void => {
      void end(job.closed() ? new StrataError('CANCELLED') : new Error(`${job.what} worker exited`), true);
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ type: 'run', args } satisfies JobRequest<unknown>);
  });
}
