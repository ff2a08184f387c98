import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ERROR_CODES, StrataError } from '../../api/errors.js';
import type { RasterInfo } from '../../core/model/index.js';
import type { VectorFile } from '../vector/index.js';
import { PARSE_WORKER_URL } from './parse-worker-url.js';
import type { ParseReply, ParseRequest, WorkerMessage } from './protocol.js';

export interface IsolationOptions {
  /** The built worker entry; defaults to dist/main/parse-worker.mjs next to the running bundle. */
  readonly workerUrl?: URL;
  /** V8 old-generation cap per parse, MB. */
  readonly maxHeapMb?: number;
  /** Wall-clock limit per parse, ms, from the moment the worker starts on the file. */
  readonly timeoutMs?: number;
}

/** The in-process parsers' signatures, each call run in its own killable worker thread. */
export interface IsolatedParsers {
  readonly readRasterInfo: (path: string) => Promise<RasterInfo>;
  readonly rasterValueRange: (path: string, info: RasterInfo) => Promise<[number, number] | null>;
  readonly readVectorFile: (path: string) => Promise<VectorFile>;
  /** Terminates every worker; parses still running reject with CANCELLED, and so do later calls. */
  readonly close: () => Promise<void>;
}

export const PARSE_LIMITS = { maxHeapMb: 1024, timeoutMs: 60_000 } as const;

/** Node's own default worker stack; enough for the parsers' deepest legitimate recursion. */
const STACK_MB = 4;

/** A started worker: `ready` once its code is loaded; `dead` once it exited or failed unused. */
interface Started {
  readonly worker: Worker;
  ready: boolean;
  dead: boolean;
}

function revive(reply: ParseReply, file: string): StrataError | { value: unknown } {
  if (reply.ok) return { value: reply.value };
  const { code, params, detail } = reply.error;
  if (!(ERROR_CODES as readonly string[]).includes(code))
    return new StrataError('CORRUPT_FILE', { file, problem: 'problem.parserFailure' });
  return new StrataError(code, params, detail);
}

/**
 * Parsers for untrusted files that run each parse in a worker thread of its own, with a heap cap
 * and a timeout, so a crafted file can neither exhaust the main process's memory nor hang it.
 * A worker serves one parse and is then terminated; one spare is kept loaded (after the first
 * parse) so the next parse does not wait for module loading. Outcomes match the in-process parsers;
 * besides, a parse over time is PARSE_TIMEOUT, over the heap cap TOO_LARGE ('memory limit …'),
 * and a worker that dies otherwise CORRUPT_FILE ('parser failure'), all naming the file's base name.
 * Throws at creation when the worker bundle is missing (run `npm run build`).
 */
export function createIsolatedParsers(options: IsolationOptions = {}): IsolatedParsers {
  const workerUrl = options.workerUrl ?? PARSE_WORKER_URL;
  const maxHeapMb = options.maxHeapMb ?? PARSE_LIMITS.maxHeapMb;
  const timeoutMs = options.timeoutMs ?? PARSE_LIMITS.timeoutMs;
  if (!existsSync(fileURLToPath(workerUrl)))
    throw new Error(`parse worker not found at ${fileURLToPath(workerUrl)}; run \`npm run build\``);
  const live = new Set<Worker>();
  let spare: Started | null = null;
  let closed = false;

  function start(): Started {
    const worker = new Worker(workerUrl, {
      resourceLimits: {
        maxOldGenerationSizeMb: maxHeapMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(4, Math.floor(maxHeapMb / 16))),
        stackSizeMb: STACK_MB,
      },
    });
    const started: Started = { worker, ready: false, dead: false };
    live.add(worker);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') started.ready = true;
    });
    // Without a listener an 'error' event would be thrown in the main process; the parse using
    // this worker, if any, reports it.
    worker.on('error', () => {
      started.dead = true;
    });
    worker.on('exit', () => {
      started.dead = true;
      live.delete(worker);
      if (spare === started) spare = null;
    });
    return started;
  }

  /** A loaded spare when there is a live one, else a fresh worker; a new spare starts behind it. */
  function take(): Started {
    const taken = spare !== null && !spare.dead ? spare : start();
    // An idle spare must not keep a CLI process alive; a working one must.
    taken.worker.ref();
    spare = start();
    spare.worker.unref();
    return taken;
  }

  function parse<T>(request: ParseRequest): Promise<T> {
    const file = path.basename(request.path);
    if (closed) return Promise.reject(new StrataError('CANCELLED'));
    const { worker, ready } = take();
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const settle = (outcome: StrataError | { value: unknown }): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (outcome instanceof StrataError) reject(outcome);
        else resolve(outcome.value as T);
        // One parse per worker: whatever it still holds is dropped with it.
        void worker.terminate();
      };
      // Module loading is ours, not the file's: the clock starts when the worker can begin.
      const startClock = (): void => {
        timer = setTimeout(() => {
          settle(new StrataError('PARSE_TIMEOUT', { file, seconds: timeoutMs / 1000 }));
        }, timeoutMs);
      };
      if (ready) startClock();
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') startClock();
        else settle(revive(message.reply, file));
      });
      worker.on('error', (err: Error & { code?: unknown }) => {
        settle(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new StrataError('TOO_LARGE', { file, problem: 'problem.memoryLimit', mb: maxHeapMb })
            : new StrataError('CORRUPT_FILE', { file, problem: 'problem.parserFailure' }),
        );
      });
      worker.on('exit', () => {
        settle(
          closed
            ? new StrataError('CANCELLED')
            : new StrataError('CORRUPT_FILE', { file, problem: 'problem.parserFailure' }),
        );
      });
      worker.postMessage(request);
    });
  }

  return {
    readRasterInfo: (p) => parse({ op: 'rasterInfo', path: p }),
    rasterValueRange: (p, info) => parse({ op: 'rasterValueRange', path: p, info }),
    readVectorFile: (p) => parse({ op: 'vector', path: p }),
    async close() {
      closed = true;
      spare = null;
      await Promise.all([...live].map((w) => w.terminate()));
    },
  };
}
