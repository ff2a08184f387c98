/**
 * What adapters read of a cancel request: they check it between units of work (chunks, blocks,
 * files). Core compiles without DOM or Node types; both platforms' AbortSignal satisfy it.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  /** Adapters that hand work to another thread pass the request on as soon as it comes. */
  addEventListener(type: 'abort', listener: () => void, options?: { readonly once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** What every long-running port call accepts: a cancel signal and progress in the call's own units. */
export interface JobOptions {
  readonly signal?: CancelSignal | undefined;
  /** Units done so far and in total (bytes, blocks ...), as the adapter counts them. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}
