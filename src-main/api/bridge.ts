import type { Result } from './errors.js';
import type { EventName } from './events.js';

/** IPC channel carrying `(method, args)` from the preload to the main process dispatcher. */
export const INVOKE_CHANNEL = 'strata:invoke';
/** IPC channel carrying `(name, payload)` events from the main process to the preload. */
export const EVENT_CHANNEL = 'strata:event';

/** What the Electron preload exposes to the renderer as `window.strata`. */
export interface StrataBridge {
  /** Calls a contract method; resolves with the dispatcher's envelope. */
  invoke(method: string, args: unknown): Promise<Result<unknown>>;
  /** Subscribes to a host event; returns the unsubscribe function. */
  onEvent(name: EventName, listener: (payload: unknown) => void): () => void;
  /** Absolute path of a file dropped or picked in the page (Electron's webUtils). */
  pathForFile(file: File): string;
}
