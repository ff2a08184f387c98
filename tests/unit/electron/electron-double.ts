// A recording stand-in for the `electron` module: the Electron binary cannot run in unit tests,
// so each test file passes this to vi.mock('electron') and inspects what the code asked for.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

/** A session double keeping the handlers the code installs. */
export function fakeSession() {
  const state = {
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    devicePermission: null as Listener | null,
    beforeRequest: null as Listener | null,
    spellChecker: true,
  };
  const session = {
    state,
    setPermissionRequestHandler: vi.fn((handler: Listener | null) => (state.permissionRequest = handler)),
    setPermissionCheckHandler: vi.fn((handler: Listener | null) => (state.permissionCheck = handler)),
    setDevicePermissionHandler: vi.fn((handler: Listener | null) => (state.devicePermission = handler)),
    setSpellCheckerEnabled: vi.fn((enabled: boolean) => (state.spellChecker = enabled)),
    webRequest: { onBeforeRequest: vi.fn((handler: Listener | null) => (state.beforeRequest = handler)) },
  };
  return session;
}

/** A web contents double: a real EventEmitter plus the window-open handler. */
export class FakeWebContents extends EventEmitter {
  private static count = 0;
  readonly id = ++FakeWebContents.count;
  windowOpenHandler: Listener | null = null;
  readonly sent: unknown[][] = [];
  destroyed = false;
  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** An Electron event carrying a URL, as will-navigate and friends receive it. */
export function navigationEvent(url: string) {
  return { url, isMainFrame: true, preventDefault: vi.fn() };
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(() => Promise.resolve());
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  constructor(readonly options: unknown) {
    super();
    FakeBrowserWindow.created.push(this);
  }
}

/** The whole module double. `app` is an EventEmitter so tests can fire lifecycle events. */
export function createElectronDouble() {
  const invokeHandlers = new Map<string, Listener>();
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    enableSandbox: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    quit: vi.fn(),
    exit: vi.fn(),
    getPath: vi.fn((name: string) => `/tmp/strata-test-${name}`),
    getAppPath: vi.fn(() => '/opt/strata/app'),
    getVersion: vi.fn(() => '0.1.0'),
  });
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => ({ template })) },
    dialog: {
      showOpenDialog: vi.fn(() =>
        Promise.resolve({ canceled: false, filePaths: ['/data/a.tif', '/data/b.shp'] }),
      ),
      showErrorBox: vi.fn(),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: fakeSession() },
    ipcMain: { handle: vi.fn((channel: string, handler: Listener) => invokeHandlers.set(channel, handler)) },
    ipcRenderer: {
      invoke: vi.fn(() => Promise.resolve({ ok: true, value: 'answered' })),
      on: vi.fn(),
      removeListener: vi.fn(),
    },
    contextBridge: { exposeInMainWorld: vi.fn() },
    webUtils: { getPathForFile: vi.fn(() => '/data/dropped.tif') },
    invokeHandlers,
  };
}

export type ElectronDouble = ReturnType<typeof createElectronDouble>;
