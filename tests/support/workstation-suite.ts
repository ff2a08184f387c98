import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openWorkstation } from '../../src-main/hosting/open-workstation.js';
import type { Workstation, WorkstationOptions } from '../../src-main/hosting/workstation.js';
import { clientOf, type Client } from './contract-client.js';
import { tempDir } from './samples.js';
import { testDispatch } from './test-dispatch.js';

/** A real workstation in a scratch home for one test file, with a contract client over it. */
export interface WorkstationSuite {
  /** Scratch directory for the file's inputs and outputs. */
  readonly dir: string;
  /** The workstation's data directory (catalogue.sqlite, store/, keys/). */
  readonly home: string;
  readonly ws: Workstation;
  readonly client: Client;
  /** Closes the workstation, runs `work` with nothing holding the home open, and opens it again. */
  whileClosed(work: () => Promise<void>): Promise<void>;
}

/** Opens a workstation before the file's tests and closes it (and removes the scratch) after them. */
export function workstationSuite(options: Omit<WorkstationOptions, 'home'> = {}): WorkstationSuite {
  let scratch: { dir: string; cleanup: () => Promise<void> } | null = null;
  let ws: Workstation | null = null;
  let client: Client | null = null;
  const open = async (): Promise<void> => {
    ws = await openWorkstation({ ...options, home: suite.home });
    client = clientOf(testDispatch(ws));
  };
  const need = <T>(value: T | null): T => {
    if (value === null) throw new Error('the workstation suite is used outside its tests');
    return value;
  };
  const suite: WorkstationSuite = {
    get dir() {
      return need(scratch).dir;
    },
    get home() {
      return path.join(need(scratch).dir, 'home');
    },
    get ws() {
      return need(ws);
    },
    get client() {
      return need(client);
    },
    async whileClosed(work) {
      await need(ws).close();
      try {
        await work();
      } finally {
        await open();
      }
    },
  };
  beforeAll(async () => {
    scratch = await tempDir();
    await open();
  });
  afterAll(async () => {
    await ws?.close();
    await scratch?.cleanup();
  });
  return suite;
}
