import type { StrataBridge } from '../../src-main/api/bridge.js';

declare global {
  interface Window {
    /** The Electron preload bridge; undefined when the UI runs in the harness (plain browser). */
    readonly strata?: StrataBridge;
  }
}
