import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { StrataError } from '../../api/errors.js';
import type { JobOptions, RasterPlacement } from '../../core/ports/index.js';
import { requireWorkerBundle, runJob, startJobWorker } from '../jobs/job-worker-client.js';
import type { WorkingCopyOutcome } from './working-copy.js';
import { WORKING_COPY_WORKER_URL } from './working-copy-worker-url.js';

export interface WorkingCopierOptions {
  /** The built worker entry; defaults to working-copy-worker.mjs next to the running bundle. */
  readonly workerUrl?: URL;
  /** V8 old-generation cap, MB (decoded blocks are ArrayBuffers, outside it). */
  readonly maxHeapMb?: number;
  /** How long a cancelled worker may take to stop by itself before it is terminated, ms. */
  readonly cancelGraceMs?: number;
}

/** What a working-copy job is sent. */
export interface WorkingCopyArgs {
  readonly src: string;
  readonly dest: string;
  readonly placement?: RasterPlacement;
}

/** `writeWorkingCopy` with its in-process signature, each call in a worker thread of its own. */
export interface WorkingCopier {
  readonly writeWorkingCopy: (
    src: string,
    dest: string,
    options?: JobOptions,
    placement?: RasterPlacement,
  ) => Promise<WorkingCopyOutcome>;
  /** Terminates every worker; copies still running reject with CANCELLED, and so do later calls. */
  readonly close: () => Promise<void>;
}

const LIMITS = { maxHeapMb: 1024, cancelGraceMs: 5_000 } as const;

/**
 * Writes display working copies in worker threads, so decoding, averaging and compressing a large
 * raster never holds the host's event loop (ADR 0125), through `runJob` as the resampler does,
 * without keeping a spare worker: a copy is made once per import. Throws at creation when the
 * worker bundle is missing (run `npm run build`).
 */
export function createWorkingCopier(options: WorkingCopierOptions = {}): WorkingCopier {
  const workerUrl = options.workerUrl ?? WORKING_COPY_WORKER_URL;
  const maxHeapMb = options.maxHeapMb ?? LIMITS.maxHeapMb;
  const graceMs = options.cancelGraceMs ?? LIMITS.cancelGraceMs;
  requireWorkerBundle(workerUrl, 'working-copy');
  const live = new Set<Worker>();
  let closed = false;

  function writeWorkingCopy(
    src: string,
    dest: string,
    opts: JobOptions = {},
    placement?: RasterPlacement,
  ): Promise<WorkingCopyOutcome> {
    if (closed || opts.signal?.aborted === true) return Promise.reject(new StrataError('CANCELLED'));
    const worker = startJobWorker(workerUrl, maxHeapMb);
    live.add(worker);
    worker.on('exit', () => live.delete(worker));
    return runJob<WorkingCopyOutcome>(
      worker,
      { src, dest, ...(placement === undefined ? {} : { placement }) } satisfies WorkingCopyArgs,
      opts,
      {
        what: 'working-copy',
        file: path.basename(src),
        dest,
        maxHeapMb,
        graceMs,
        closed: () => closed,
        finish: (w) => w.terminate(),
      },
    );
  }

  return {
    writeWorkingCopy,
    async close() {
      closed = true;
      await Promise.all([...live].map((w) => w.terminate()));
    },
  };
}
