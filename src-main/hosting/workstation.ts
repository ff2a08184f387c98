import type { Handlers } from '../api/contract.js';
import type { Lang } from '../api/messages.js';

/** Methods every host gets from the shared services; hosts add `system.*` themselves. */
export type ServiceHandlers = Omit<Handlers, 'system.info' | 'system.pickFiles'>;

/** A file the map may read, resolved from a logical path such as `datasets/<id>/display`. */
export interface ServedFile {
  readonly path: string;
  readonly size: number;
  readonly contentType: string;
}

export interface Workstation {
  readonly handlers: ServiceHandlers;
  readonly user: string;
  readonly readOnly: boolean;
  /** Only logical paths produced by the services resolve; anything else is null. */
  resolveFile(logicalPath: string): Promise<ServedFile | null>;
  close(): Promise<void>;
}

export interface WorkstationOptions {
  /** Data directory: catalogue.sqlite, store/, keys/. */
  readonly home: string;
  readonly user: string;
  readonly lang: () => Lang;
}
