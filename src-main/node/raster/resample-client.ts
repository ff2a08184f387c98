import { existsSync } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ERROR_CODES, StrataError } from '../../api/errors.js';
import type { RasterInfo } from '../../core/model/index.js';
import type { JobOptions } from '../../core/ports/index.js';
import type { ResampleMessage, ResampleRequest } from './resample-protocol.js';
import { RESAMPLE_WORKER_URL } from './resample-worker-url.js';
import { crsWorkerData } from '../crs/index.js';

export interface ResamplerOptions {
  /** The built worker entry; defaults to resample-worker.mjs next to the running bundle. */
  readonly workerUrl?: URL;
  /** V8 old-generation cap per resample, MB (decoded tiles are ArrayBuffers, outside it). */
  readonly maxHeapMb?: number;
  /** How long a cancelled worker may take to stop by itself before it is terminated, ms. */
  readonly cancelGraceMs?: number;
}

/** `resampleToPublic` with its in-process signature, each call run in a worker thread of its own. */
export interface Resampler {
  readonly resampleToPublic: (
    src: string,
    dest: string,
    target: readonly [number, number],
    options?: JobOptions,
  ) => Promise<RasterInfo>;
  /** Terminates every worker; resamples still running reject with CANCELLED, and so do later calls. */
  readonly close: () => Promise<void>;
}

export const RESAMPLE_LIMITS = { maxHeapMb: 1024, cancelGraceMs: 5_000 } as const;

/** Removes what a terminated worker may have left: `<dest>.<uuid>.tmp` (see resampleToPublic). */
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
    return new Error(`resample worker: ${error.detail}`);
  return new StrataError(error.code as StrataError['code'], error.params, error.detail);
}

/**
 * Runs the public-version resample (decode, block average, encode, write) in worker threads so the
 * host's event loop keeps serving files and calls meanwhile (ADR 0085). One call per worker at a
 * time; a worker that finished cleanly waits (idle, unref'd) for the next call, any other is ended. Progress crosses the thread boundary as messages; an abort asks the worker to
 * stop (it removes its temp file and rejects CANCELLED), and a worker that does not stop within
 * `cancelGraceMs` is terminated and its temp file removed here. A worker over its heap cap gives
 * TOO_LARGE. Throws at creation when the worker bundle is missing (run `npm run build`).
 */
export function createResampler(options: ResamplerOptions = {}): Resampler {
  const workerUrl = options.workerUrl ?? RESAMPLE_WORKER_URL;
  const maxHeapMb = options.maxHeapMb ?? RESAMPLE_LIMITS.maxHeapMb;
  const graceMs = options.cancelGraceMs ?? RESAMPLE_LIMITS.cancelGraceMs;
  if (!existsSync(fileURLToPath(workerUrl)))
    throw new Error(`resample worker not found at ${fileURLToPath(workerUrl)}; run \`npm run build\``);
  const live = new Set<Worker>();
  let spare: Worker | null = null;
  let closed = false;

  const start = (): Worker => {
    const worker = new Worker(workerUrl, {
      workerData: crsWorkerData(),
      resourceLimits: {
        maxOldGenerationSizeMb: maxHeapMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(4, Math.floor(maxHeapMb / 16))),
      },
    });
    live.add(worker);
    // Without a listener an 'error' event would be thrown in the host; the call using it reports it.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      live.delete(worker);
      if (spare === worker) spare = null;
    });
    return worker;
  };

  /**
   * The idle worker of an earlier successful call, else a fresh one. Reusing it keeps its JIT warm
   * (a fresh isolate averages interpreted at first) and skips module loading (the CRS table among
   * them: 100–400 ms here). Only a worker that finished cleanly is reused.
   */
  const take = (): Worker => {
    const taken = spare ?? start();
    spare = null;
    // An idle worker must not keep a CLI process alive; a working one must.
    taken.ref();
    return taken;
  };

  const release = (worker: Worker): Promise<unknown> => {
    if (closed || spare !== null) return worker.terminate();
    worker.unref();
    spare = worker;
    return Promise.resolve();
  };

  function resampleToPublic(
    src: string,
    dest: string,
    target: readonly [number, number],
    opts: JobOptions = {},
  ): Promise<RasterInfo> {
    if (closed || opts.signal?.aborted === true) return Promise.reject(new StrataError('CANCELLED'));
    const file = path.basename(src);
    const worker = take();
    return new Promise<RasterInfo>((resolve, reject) => {
      let settled = false;
      let grace: NodeJS.Timeout | undefined;
      const onAbort = (): void => {
        const cancel: ResampleRequest = { type: 'cancel' };
        worker.postMessage(cancel);
        grace = setTimeout(() => {
          void end(new StrataError('CANCELLED'), true);
        }, graceMs);
      };
      const end = async (outcome: Error | RasterInfo, abnormal: boolean): Promise<void> => {
        if (settled) return;
        settled = true;
        clearTimeout(grace);
        opts.signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        // A worker that failed or was cancelled may hold anything: it is not reused.
        await (outcome instanceof Error ? worker.terminate() : release(worker));
        // A worker stopped from outside cannot clean up after itself.
        if (abnormal) await removeTemps(dest);
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const onMessage = (message: ResampleMessage): void => {
        if (message.type === 'progress') opts.onProgress?.(message.done, message.total);
        else void end(message.outcome.ok ? message.outcome.info : revive(message.outcome.error), false);
      };
      const onError = (err: Error & { code?: unknown }): void => {
        void end(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new StrataError('TOO_LARGE', { file, problem: 'problem.resampleMemory', limitMb: maxHeapMb })
            : err,
          true,
        );
      };
      const onExit = (): void => {
        void end(closed ? new StrataError('CANCELLED') : new Error('resample worker exited'), true);
      };
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const run: ResampleRequest = { type: 'run', src, dest, target };
      worker.postMessage(run);
    });
  }

  return {
    resampleToPublic,
    async close() {
      closed = true;
      spare = null;
      await Promise.all([...live].map((w) => w.terminate()));
    },
  };
}
