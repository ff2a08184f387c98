import type { SerialisedError } from '../isolation/protocol.js';

/** Host to worker: the job to run with its arguments (one at a time), or a request to stop it. */
export type JobRequest<A> = { readonly type: 'run'; readonly args: A } | { readonly type: 'cancel' };

/** Worker to host, per job: progress while it runs, then exactly one `done`. */
export type JobMessage<R> =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | {
      readonly type: 'done';
      readonly outcome:
        { readonly ok: true; readonly result: R } | { readonly ok: false; readonly error: SerialisedError };
    };
