import type { CallContext } from '../api/caller.js';
import type { HostEvent } from '../api/events.js';
import type { BagLimits } from '../core/model/index.js';
import type { ServiceHandlers } from '../services/create-handlers.js';

export type { ServiceHandlers };

/** A file on disk the map may read, resolved from a logical path such as `datasets/<id>/display`. */
export interface FileOnDisk {
  readonly path: string;
  readonly size: number;
  readonly contentType: string;
}

/** A small answer held in memory: a basemap tile read from its tile set (ADR 0106). */
export interface BytesInMemory {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

export type ServedFile = FileOnDisk | BytesInMemory;

export interface Workstation {
  readonly handlers: ServiceHandlers;
  /** The audit chain was broken at open: the dispatcher refuses every mutating method. */
  readonly readOnly: boolean;
  /**
   * Accounts are enabled (ADR 0170): callers come from `session.login`, never the local user.
   * Turns true when the first administrator is created.
   */
  readonly accountsEnabled: boolean;
  /** Audits a host session's start or end (ADR 0175); `details` never hold the session id. */
  recordSession(
    action: 'session.login' | 'session.logout',
    caller: CallContext,
    details: Readonly<Record<string, string>>,
  ): Promise<void>;
  /**
   * Only logical paths produced by the services resolve; anything else is null. A path that names
   * something unreadable (a damaged tile set) throws the StrataError that says why.
   */
  resolveFile(logicalPath: string): Promise<ServedFile | null>;
  /**
   * The origins of the configured basemap services (ADR 0106): the only places besides the app
   * itself the UI may load anything from. Empty unless an administrator configured one.
   */
  tileOrigins(): readonly string[];
  /** Job progress and ends, for the host to pass to its UI; returns the unsubscribe function. */
  onEvent(listener: (event: HostEvent) => void): () => void;
  close(): Promise<void>;
}

export interface WorkstationOptions {
  /** Data directory: catalogue.sqlite, store/, keys/. */
  readonly home: string;
  /** Source-Organization written into exported packages. */
  readonly organisation?: string;
  /** The time every service and the catalogue read (default: system time); tests pass a fake one. */
  readonly now?: () => Date;
  /** Where the map products' fonts are: the installed app's resources/fonts; default: the font package (ADR 0179). */
  readonly fontDir?: string;
  /** What a received package may hold at most (default RECEIVE_LIMITS, ADR 0177). */
  readonly receiveLimits?: BagLimits;
}
