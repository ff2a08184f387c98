import type { ApiClient } from '../../src-main/api/contract.js';
import type { JobProgressEvent } from '../../src-main/api/events.js';
import { createApi, type SessionLost, type Transport } from './api-client.js';
import { createHarnessTransport, takeTokenFromUrl } from './harness-transport.js';
import { createHarnessEvents } from './harness-events.js';
import type { StrataBridge } from '../../src-main/api/bridge.js';

/** Host-pushed events the UI listens to. */
export interface HostEvents {
  /** Progress of every job the host runs; callers keep the ones whose jobId they chose. */
  readonly onJobProgress: (callback: (event: JobProgressEvent) => void) => () => void;
}

/** Everything host-specific the UI needs, chosen once at startup. */
export interface Platform {
  /** Tells `callback` when a call was refused for want of a live session; returns the unsubscribe. */
  readonly onSessionLost: (callback: (code: SessionLost) => void) => () => void;
  readonly kind: 'electron' | 'harness';
  readonly api: ApiClient;
  readonly events: HostEvents;
  /** URL the map fetches a logical file path from (HTTP Range capable). */
  readonly fileUrl: (logicalPath: string) => string;
  /** Absolute path of a dropped File; null where the host cannot tell (plain browser). */
  readonly pathForFile: (file: File) => string | null;
}

const encodePath = (logicalPath: string): string => logicalPath.split('/').map(encodeURIComponent).join('/');

/** Listeners for lost sessions, shared by the api client that reports and the UI that listens. */
function sessionListeners() {
  const listeners = new Set<(code: SessionLost) => void>();
  return {
    report: (code: SessionLost): void => {
      for (const listener of listeners) listener(code);
    },
    onSessionLost: (callback: (code: SessionLost) => void): (() => void) => {
      listeners.add(callback);
      return () => {
        listeners.delete(callback);
      };
    },
  };
}

function electronPlatform(bridge: StrataBridge): Platform {
  const transport: Transport = { invoke: (method, args) => bridge.invoke(method, args) };
  const sessions = sessionListeners();
  return {
    kind: 'electron',
    api: createApi(transport, sessions.report),
    onSessionLost: sessions.onSessionLost,
    events: {
      onJobProgress: (callback) =>
        bridge.onEvent('job.progress', (payload) => {
          callback(payload as JobProgressEvent);
        }),
    },
    fileUrl: (logicalPath) => `app://strata/files/${encodePath(logicalPath)}`,
    pathForFile: (file) => bridge.pathForFile(file),
  };
}

function harnessPlatform(): Platform {
  const token = takeTokenFromUrl(window.location, window.history);
  const sessions = sessionListeners();
  return {
    kind: 'harness',
    api: createApi(createHarnessTransport(token), sessions.report),
    onSessionLost: sessions.onSessionLost,
    events: createHarnessEvents(),
    fileUrl: (logicalPath) => `/files/${encodePath(logicalPath)}`,
    pathForFile: () => null,
  };
}

/** Picks the transport: the Electron preload bridge when present, otherwise the HTTP harness. */
export function createPlatform(): Platform {
  return typeof window.strata !== 'undefined' ? electronPlatform(window.strata) : harnessPlatform();
}
