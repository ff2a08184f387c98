import type { SerialisedError } from '../isolation/protocol.js';
import type { WorkingCopyOutcome } from './working-copy.js';

/** Main to worker: the copy to write (one per worker), or a request to stop it. */
export type WorkingCopyRequest =
  { readonly type: 'run'; readonly src: string; readonly dest: string } | { readonly type: 'cancel' };

/** Worker to main: progress while it runs, then exactly one `done`. */
export type WorkingCopyMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | {
      readonly type: 'done';
      readonly outcome:
        | { readonly ok: true; readonly result: WorkingCopyOutcome }
        | { readonly ok: false; readonly error: SerialisedError };
    };
