// Worker-thread entry (bundled to dist/main/working-copy-worker.mjs): writes one display working
// copy off the host's event loop (ADR 0125) and reports progress; `cancel` aborts it, and the
// client removes the temp file if the worker had to be terminated.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { StrataError } from '../../api/errors.js';
import { installWorkerCrs } from '../crs/index.js';
import { writeWorkingCopy } from './working-copy.js';
import type { WorkingCopyMessage, WorkingCopyRequest } from './working-copy-protocol.js';

/** Least time between two progress messages: the host throttles further, this only spares the port. */
const PROGRESS_MS = 50;

let current: AbortController | null = null;

async function serve(
  port: MessagePort,
  request: Extract<WorkingCopyRequest, { type: 'run' }>,
): Promise<void> {
  const controller = new AbortController();
  current = controller;
  let last = -Infinity;
  let outcome: Extract<WorkingCopyMessage, { type: 'done' }>['outcome'];
  try {
    const result = await writeWorkingCopy(request.src, request.dest, {
      signal: controller.signal,
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - last < PROGRESS_MS && done < total) return;
        last = now;
        port.postMessage({ type: 'progress', done, total } satisfies WorkingCopyMessage);
      },
    });
    outcome = { ok: true, result };
  } catch (err) {
    // The stored original: anything but a StrataError is a bug; the host logs it as internal.
    outcome =
      err instanceof StrataError
        ? { ok: false, error: { code: err.code, params: err.params, detail: err.message } }
        : { ok: false, error: { code: 'INTERNAL', params: {}, detail: String(err) } };
  }
  current = null;
  port.postMessage({ type: 'done', outcome } satisfies WorkingCopyMessage);
}

if (parentPort) {
  const port = parentPort;
  // The header reader names the CRS from the registry, as in the host.
  installWorkerCrs(workerData);
  port.on('message', (request: WorkingCopyRequest) => {
    if (request.type === 'cancel') current?.abort();
    else void serve(port, request);
  });
}
