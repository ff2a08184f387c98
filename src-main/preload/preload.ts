// Sandboxed preload, bundled to CommonJS: it may require only 'electron'. It hands the page three
// named functions and never ipcRenderer itself, so the page cannot open other channels.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type StrataBridge } from '../api/bridge.js';
import type { Result } from '../api/errors.js';
import { EVENT_NAMES } from '../api/events.js';
import { METHOD_NAME_LIST } from '../api/method-names.js';

const methods = new Set<string>(METHOD_NAME_LIST);
const events = new Set<string>(EVENT_NAMES);

const bridge: StrataBridge = {
  // Parameters are `unknown` on purpose: the page is untrusted and may pass anything.
  invoke(method: unknown, args: unknown): Promise<Result<unknown>> {
    if (typeof method !== 'string' || !methods.has(method)) {
      return Promise.reject(new TypeError(`Unknown method: ${String(method)}`));
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, args) as Promise<Result<unknown>>;
  },
  onEvent(name: unknown, listener: unknown): () => void {
    if (typeof name !== 'string' || !events.has(name)) throw new TypeError(`Unknown event: ${String(name)}`);
    if (typeof listener !== 'function') throw new TypeError('Event listener must be a function');
    const callback = listener as (payload: unknown) => void;
    const relay = (_event: IpcRendererEvent, eventName: unknown, payload: unknown): void => {
      if (eventName === name) callback(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
};

contextBridge.exposeInMainWorld('strata', bridge);
