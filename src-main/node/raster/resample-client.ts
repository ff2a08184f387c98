import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { StrataError } from '../../api/errors.js';
import type { RasterInfo } from '../../core/model/index.js';
import type { JobOptions } from '../../core/ports/index.js';
import { requireWorkerBundle, runJob, startJobWorker } from '../jobs/job-worker-client.js';
import { RESAMPLE_WORKER_URL } from './resample-worker-url.js';

export interface ResamplerOptions {
  /** The built worker entry; defaults to resample-worker.mjs next to the running bundle. */
  readonly workerUrl?: URL;
  /** V8 old-generation cap per resample, MB (decoded tiles are ArrayBuffers, outside it). */
  readonly maxHeapMb?: number;
  /** How long a cancelled worker may take to stop by itself before it is terminated, ms. */
  readonly cancelGraceMs?: number;
}

/** What a resample job is sent: the in-process `resampleToPublic` arguments. */
export interface ResampleArgs {
  readonly src: string;
  readonly dest: string;
  readonly target: readonly [number, number];
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

/**
 * Runs the public-version resample (decode, block average, encode, write) in worker threads so the
 * host's event loop keeps serving files and calls meanwhile (ADR 0085), through `runJob`: one call
 * per worker at a time; a worker that finished cleanly waits (idle, unref'd) for the next call,
 * any other is ended. Throws at creation when the worker bundle is missing (run `npm run build`).
 */
export function createResampler(options: ResamplerOptions = {}): Resampler {
  const workerUrl = options.workerUrl ?? RESAMPLE_WORKER_URL;
  const maxHeapMb = options.maxHeapMb ?? RESAMPLE_LIMITS.maxHeapMb;
  const graceMs = options.cancelGraceMs ?? RESAMPLE_LIMITS.cancelGraceMs;
  requireWorkerBundle(workerUrl, 'resample');
  const live = new Set<Worker>();
  let spare: Worker | null = null;
  let closed = false;

  const start = (): Worker => {
    const worker = startJobWorker(workerUrl, maxHeapMb);
    live.add(worker);
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

  const finish = (worker: Worker, clean: boolean): Promise<unknown> => {
    if (!clean || closed || spare !== null) return worker.terminate();
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
    return runJob<RasterInfo>(take(), { src, dest, target } satisfies ResampleArgs, opts, {
      what: 'resample',
      file: path.basename(src),
      dest,
      maxHeapMb,
      graceMs,
      closed: () => closed,
      finish,
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
