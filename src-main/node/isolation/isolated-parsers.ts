import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ERROR_CODES, StrataError } from '../../api/errors.js';
import { crsWorkerData } from '../crs/index.js';
import type { FormatReader, RasterIo } from '../../core/ports/index.js';
import { PARSE_WORKER_URL } from './parse-worker-url.js';
import type { ParseReply, ParseRequest, WorkerMessage } from './protocol.js';

export interface IsolationOptions {
  /** The built worker entry; defaults to dist/main/parse-worker.mjs next to the running bundle. */
  readonly workerUrl?: URL;
  /** V8 old-generation cap per parse, MB. */
  readonly maxHeapMb?: number;
  /** Resident memory a parse may add to the process, MB (see PARSE_LIMITS.memoryMb). */
  readonly memoryMb?: number;
  /** Wall-clock limit per parse, ms, from the moment the worker starts on the file. */
  readonly timeoutMs?: number;
}

/** The in-process parsers' signatures, each call run in its own killable worker thread. */
export interface IsolatedParsers {
  readonly readRasterInfo: RasterIo['readInfo'];
  readonly rasterValueRange: RasterIo['valueRange'];
  readonly openFile: FormatReader['open'];
  readonly openForImport: FormatReader['openForImport'];
  readonly hidden: FormatReader['hidden'];
  /** Workers given a parse and not yet terminated: 0 whenever no call is pending. */
  readonly busy: () => number;
  /** Terminates every worker; parses still running or queued reject with CANCELLED, so do later calls. */
  readonly close: () => Promise<void>;
}

/**
 * The parse budgets (ADR 0081). `memoryMb` is the memory cap: while a parse runs, the process's
 * resident set (main thread and workers together, heap, buffers and strings alike) may grow by at
 * most this much over its size when the parse began, checked every `pollMs`. `maxHeapMb` caps the
 * worker's V8 heap below it, so that ordinary growth ends as a clean out-of-memory in the worker
 * before the process-wide check has to act.
 */
export const PARSE_LIMITS = { maxHeapMb: 768, memoryMb: 1024, timeoutMs: 60_000, pollMs: 20 } as const;

/** Node's own default worker stack; enough for the parsers' deepest legitimate recursion. */
const STACK_MB = 4;
const MB = 1024 * 1024;

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

const memoryError = (file: string, limitMb: number): StrataError =>
  new StrataError('TOO_LARGE', { file, problem: 'problem.parseMemory', limitMb });

/**
 * Parsers for untrusted files that run each parse in a worker thread of its own, with a heap cap,
 * a process-wide memory cap and a timeout, so a crafted file can neither exhaust the process's
 * memory nor hang it. Parses run one at a time (so the memory a parse adds is its own) and each
 * worker serves one parse and is then terminated; one spare is kept loaded (after the first parse)
 * so the next parse does not wait for module loading. A call settles only once its worker has
 * stopped: when it rejects for a limit, nothing of that parse is still running. Outcomes match the
 * in-process parsers; besides, a parse over time is PARSE_TIMEOUT, over the heap or memory cap
 * TOO_LARGE ('problem.parseMemory' with `limitMb`), and a worker that dies otherwise CORRUPT_FILE
 * ('problem.parserFailure'), all naming the file's base name. Throws at creation when the worker bundle is
 * missing (run `npm run build`).
 */
export function createIsolatedParsers(options: IsolationOptions = {}): IsolatedParsers {
  const workerUrl = options.workerUrl ?? PARSE_WORKER_URL;
  const maxHeapMb = options.maxHeapMb ?? PARSE_LIMITS.maxHeapMb;
  const memoryMb = options.memoryMb ?? PARSE_LIMITS.memoryMb;
  const timeoutMs = options.timeoutMs ?? PARSE_LIMITS.timeoutMs;
  if (!existsSync(fileURLToPath(workerUrl)))
    throw new Error(`parse worker not found at ${fileURLToPath(workerUrl)}; run \`npm run build\``);
  const live = new Set<Worker>();
  const working = new Set<Worker>();
  let spare: Started | null = null;
  let closed = false;
  /** The parse running now, if any: the next one starts after it settles. */
  let queue: Promise<unknown> = Promise.resolve();

  function start(): Started {
    const worker = new Worker(workerUrl, {
      // The worker identifies CRSs with the same EPSG table this process loaded (ADR 0068).
      workerData: crsWorkerData(),
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
      working.delete(worker);
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

  function run<T>(request: ParseRequest): Promise<T> {
    const file = path.basename(request.path);
    if (closed) return Promise.reject(new StrataError('CANCELLED'));
    const { worker, ready } = take();
    working.add(worker);
    const baseline = process.memoryUsage.rss();
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const settle = (outcome: StrataError | { value: unknown }): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        // One parse per worker, and whatever it still holds or does ends with it before the
        // caller hears the outcome.
        void worker.terminate().finally(() => {
          working.delete(worker);
          if (outcome instanceof StrataError) reject(outcome);
          else resolve(outcome.value as T);
        });
      };
      // Resident memory covers what the heap cap does not: buffers, strings and native
      // allocations of every thread.
      const watch = setInterval(() => {
        if (process.memoryUsage.rss() - baseline > memoryMb * MB) settle(memoryError(file, memoryMb));
      }, PARSE_LIMITS.pollMs);
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
            ? memoryError(file, maxHeapMb)
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

  function parse<T>(request: ParseRequest): Promise<T> {
    const next = queue.then(() => run<T>(request));
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    readRasterInfo: (p) => parse({ op: 'rasterInfo', path: p }),
    rasterValueRange: (p, info) => parse({ op: 'rasterValueRange', path: p, info }),
    openFile: (p, options = {}) => parse({ op: 'open', path: p, options }),
    openForImport: (p, options = {}) => parse({ op: 'import', path: p, options }),
    hidden: (p, options = {}) => parse({ op: 'hidden', path: p, options }),
    busy: () => working.size,
    async close() {
      closed = true;
      spare = null;
      await Promise.all([...live].map((w) => w.terminate()));
    },
  };
}
