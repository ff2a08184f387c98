// Worker-thread entry (bundled to dist/main/resample-worker.mjs): runs public-version resamples,
// one at a time, off the host's event loop (ADR 0085) and reports progress; a `cancel` message
// aborts the running one, and the resampler then removes its temp file itself.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { StrataError } from '../../api/errors.js';
import { installWorkerCrs } from '../crs/index.js';
import { resampleToPublic } from './resample.js';
import type { ResampleMessage, ResampleRequest } from './resample-protocol.js';

/** Least time between two progress messages: the host throttles further, this only spares the port. */
const PROGRESS_MS = 50;

/** The running resample's controller; a worker runs one at a time. */
let current: AbortController | null = null;

async function serve(port: MessagePort, request: Extract<ResampleRequest, { type: 'run' }>): Promise<void> {
  const controller = new AbortController();
  current = controller;
  const post = (message: ResampleMessage): void => {
    port.postMessage(message);
  };
  let last = -Infinity;
  let outcome: Extract<ResampleMessage, { type: 'done' }>['outcome'];
  try {
    const info = await resampleToPublic(request.src, request.dest, request.target, {
      signal: controller.signal,
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - last < PROGRESS_MS && done < total) return;
        last = now;
        post({ type: 'progress', done, total });
      },
    });
    outcome = { ok: true, info };
  } catch (err) {
    // Our own stored file: anything but a StrataError is a bug; the host logs it as internal.
    outcome =
      err instanceof StrataError
        ? { ok: false, error: { code: err.code, params: err.params, detail: err.message } }
        : { ok: false, error: { code: 'INTERNAL', params: {}, detail: String(err) } };
  }
  current = null;
  post({ type: 'done', outcome });
}

if (parentPort) {
  const port = parentPort;
  installWorkerCrs(workerData);
  port.on('message', (request: ResampleRequest) => {
    if (request.type === 'cancel') current?.abort();
    else void serve(port, request);
  });
}
