import type { HostEvent } from '../api/events.js';
import type { ServiceHandlers } from '../services/create-handlers.js';

export type { ServiceHandlers };

/** A file the map may read, resolved from a logical path such as `datasets/<id>/display`. */
export interface ServedFile {
  readonly path: string;
  readonly size: number;
  readonly contentType: string;
}

export interface Workstation {
  readonly handlers: ServiceHandlers;
  /** The audit chain was broken at open: the dispatcher refuses every mutating method. */
  readonly readOnly: boolean;
  /** Only logical paths produced by the services resolve; anything else is null. */
  resolveFile(logicalPath: string): Promise<ServedFile | null>;
  /** Job progress and ends, for the host to pass to its UI; returns the unsubscribe function. */
  onEvent(listener: (event: HostEvent) => void): () => void;
  close(): Promise<void>;
}

export interface WorkstationOptions {
  /** Data directory: catalogue.sqlite, store/, keys/. */
  readonly home: string;
  /** Source-Organization written into exported packages. */
  readonly organisation?: string;
}
