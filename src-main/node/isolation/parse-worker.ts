// Worker-thread entry (bundled to dist/main/parse-worker.mjs): loads the parsers, says it is ready,
// runs the one parse it is sent and posts the outcome. Limits and timeout are the parent's job.
import path from 'node:path';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { StrataError } from '../../api/errors.js';
import { installWorkerCrs } from '../crs/index.js';
import { rasterValueRange, readRasterInfo } from '../raster/index.js';
import { displayBuffers, openFile, openForImport, openHidden } from '../formats/index.js';
import type { ImportRead } from '../../core/ports/index.js';
import type { ParseReply, ParseRequest, WorkerMessage } from './protocol.js';

function run(request: ParseRequest): Promise<unknown> {
  switch (request.op) {
    case 'rasterInfo':
      return readRasterInfo(request.path);
    case 'rasterValueRange':
      return rasterValueRange(request.path, request.info);
    case 'open':
      return openFile(request.path, request.options);
    case 'import':
      return openForImport(request.path, request.options);
    case 'hidden':
      return openHidden(request.path, request.options);
  }
}

/** Anything but a StrataError is a parser bug met by this file; its message may quote file content. */
function failure(err: unknown, file: string): ParseReply {
  if (err instanceof StrataError)
    return { ok: false, error: { code: err.code, params: err.params, detail: err.message } };
  return {
    ok: false,
    error: {
      code: 'CORRUPT_FILE',
      params: { file, problem: 'problem.parserFailure' },
      detail: `${file}: parser failure`,
    },
  };
}

async function serve(port: MessagePort, request: ParseRequest): Promise<void> {
  const file = path.basename(request.path);
  let reply: ParseReply;
  try {
    reply = { ok: true, value: await run(request) };
  } catch (err) {
    reply = failure(err, file);
  }
  // Display copies (up to hundreds of MB) are moved to the parent, not copied.
  const transfer = request.op === 'import' && reply.ok ? displayBuffers(reply.value as ImportRead) : [];
  const post = (message: WorkerMessage): void => {
    port.postMessage(message, message.type === 'reply' && message.reply === reply ? transfer : []);
  };
  try {
    post({ type: 'reply', reply });
  } catch (err) {
    // A result that cannot be cloned is our bug, but the file is what triggered it.
    post({ type: 'reply', reply: failure(err, file) });
  }
}

if (parentPort) {
  const port = parentPort;
  installWorkerCrs(workerData);
  port.once('message', (request: ParseRequest) => void serve(port, request));
  const ready: WorkerMessage = { type: 'ready' };
  port.postMessage(ready);
}
