import type { ErrorCode, ErrorParams } from '../../api/errors.js';
import type { OpenOptions } from '../../core/formats/format-module.js';
import type { RasterInfo } from '../../core/model/index.js';

/** What the main process asks a parse worker to do: one request per worker, then it is terminated. */
export type ParseRequest =
  | { readonly op: 'rasterInfo'; readonly path: string }
  | { readonly op: 'rasterValueRange'; readonly path: string; readonly info: RasterInfo }
  | { readonly op: 'open'; readonly path: string; readonly options: OpenOptions }
  | { readonly op: 'import'; readonly path: string; readonly options: OpenOptions }
  | { readonly op: 'hidden'; readonly path: string; readonly options: OpenOptions };

/** A StrataError flattened for postMessage (structured clone drops the class). */
export interface SerialisedError {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly detail: string;
}

/** The outcome of a parse: plain structured-clonable data or the error it threw. */
export type ParseReply =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: SerialisedError };

/** Worker to main: `ready` once its code is loaded (a spare waits there), then the one reply. */
export type WorkerMessage =
  { readonly type: 'ready' } | { readonly type: 'reply'; readonly reply: ParseReply };
