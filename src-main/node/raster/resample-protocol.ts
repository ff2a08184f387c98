import type { RasterInfo } from '../../core/model/index.js';
import type { SerialisedError } from '../isolation/protocol.js';

/** Main to worker: a resample to run (one at a time), or a request to stop the running one. */
export type ResampleRequest =
  | {
      readonly type: 'run';
      readonly src: string;
      readonly dest: string;
      readonly target: readonly [number, number];
    }
  | { readonly type: 'cancel' };

/** Worker to main, per resample: progress while it runs, then exactly one `done`. */
export type ResampleMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | {
      readonly type: 'done';
      readonly outcome:
        | { readonly ok: true; readonly info: RasterInfo }
        | { readonly ok: false; readonly error: SerialisedError };
    };
