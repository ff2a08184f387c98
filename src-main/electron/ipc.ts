import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../api/bridge.js';
import type { Result } from '../api/errors.js';
import type { EventName } from '../api/events.js';
import { isAppUrl } from './app-origin.js';

/** The part of a frame the sender check reads. */
export interface SenderFrame {
  readonly parent: unknown;
  readonly url: string;
}

/** Only the top frame of a page on the app origin may call the contract. */
export function isTrustedSender(frame: SenderFrame | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** Runs one call from a window's web contents: the window decides who is calling (its session). */
export type ServeCall = (sender: WebContents, method: string, args: unknown) => Promise<Result<unknown>>;

/**
 * THE IPC entry point: one channel, one handler. Subframes, foreign origins and frames that are
 * already gone get FORBIDDEN without reaching `serve`; the dispatcher behind it validates the rest.
 */
export function registerInvokeHandler(serve: ServeCall): void {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, args: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'FORBIDDEN', params: {} } };
      }
      return serve(event.sender, typeof method === 'string' ? method : '', args);
    },
  );
}

/** Pushes a host event (e.g. job progress) to one window's UI. */
export function sendEvent(contents: WebContents, name: EventName, payload: unknown): void {
  if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
}
