import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { StrataError } from '../../api/errors.js';
import type { JobOptions } from '../../core/ports/index.js';
import { installWorkerCrs } from '../crs/index.js';
import type { JobMessage, JobRequest } from './job-protocol.js';

/** Least time between two progress messages: the host throttles further, this only spares the port. */
const PROGRESS_MS = 50;

/** A job body: its arguments as the host sent them (each entry names their type), and its options. */
type JobBody = (args: never, options: JobOptions) => Promise<unknown>;

async function serve(
  port: MessagePort,
  args: never,
  run: JobBody,
  controller: AbortController,
): Promise<void> {
  const post = (message: JobMessage<unknown>): void => {
    port.postMessage(message);
  };
  let last = -Infinity;
  let outcome: Extract<JobMessage<unknown>, { type: 'done' }>['outcome'];
  try {
    const result = await run(args, {
      signal: controller.signal,
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - last < PROGRESS_MS && done < total) return;
        last = now;
        post({ type: 'progress', done, total });
      },
    });
    outcome = { ok: true, result };
  } catch (err) {
    // The worker reads our own stored files: anything but a StrataError is a bug, logged as internal.
    outcome =
      err instanceof StrataError
        ? { ok: false, error: { code: err.code, params: err.params, detail: err.message } }
        : { ok: false, error: { code: 'INTERNAL', params: {}, detail: String(err) } };
  }
  post({ type: 'done', outcome });
}

/**
 * The body of a job worker entry (ADR 0085): installs the host's CRS registry, then runs each job
 * it is sent, one at a time, reporting throttled progress and one outcome; `cancel` aborts the
 * running one through its signal.
 */
export function serveJobs(run: JobBody): void {
  if (!parentPort) return;
  const port = parentPort;
  installWorkerCrs(workerData);
  let current: AbortController | null = null;
  port.on('message', (request: JobRequest<never>) => {
    if (request.type === 'cancel') {
      current?.abort();
      return;
    }
    const controller = new AbortController();
    current = controller;
    void serve(port, request.args, run, controller).finally(() => {
      if (current === controller) current = null;
    });
  });
}
