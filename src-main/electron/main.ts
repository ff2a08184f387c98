// Electron main process: the composition root of the desktop host.
import '../hosting/threadpool.js';
import { app, BrowserWindow, Menu, dialog, protocol, session } from 'electron';
import path from 'node:path';
import { createDispatcher } from '../api/dispatcher.js';
import { currentUser } from '../hosting/environment.js';
import { internalErrorReport } from '../hosting/internal-error.js';
import { installBundledCrs } from '../node/crs/index.js';
import { openWorkstation } from '../hosting/open-workstation.js';
import type { Workstation } from '../hosting/workstation.js';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin.js';
import { registerInvokeHandler, sendEvent } from './ipc.js';
import { menuTemplate } from './menu.js';
import { handleAppProtocol } from './protocol.js';
import { hardenSession, hardenWebContents } from './security.js';
import { systemHandlers } from './system-handlers.js';
import { localCaller } from '../api/caller.js';
import { createSessionGate } from '../hosting/session-gate.js';
import { createSessionTable } from '../hosting/sessions.js';
import { createWindowSessions } from './window-sessions.js';
import { windowOptions } from './window-options.js';

// Must run before `ready`: a standard, secure scheme gets an origin, fetch, CSP 'self' and streaming.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: false },
  },
]);
app.enableSandbox();

const devTools = !app.isPackaged;
const appFile = (...parts: string[]): string => path.join(app.getAppPath(), ...parts);

let mainWindow: BrowserWindow | null = null;
let workstation: Workstation | null = null;
let closed = false;

function logInternalError(method: string, error: unknown, ref: string): void {
  console.error(internalErrorReport(method, error, ref));
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(
    windowOptions({ preloadPath: appFile('dist', 'preload', 'preload.cjs'), devTools }),
  );
  window.once('ready-to-show', () => {
    window.show();
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, () => workstation?.tileOrigins() ?? []);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ devTools })));
  await installBundledCrs(appFile('resources'));
  const opened = await openWorkstation({
    home: process.env['STRATA_HOME'] ?? app.getPath('userData'),
    // The installer ships the fonts beside the archive (electron-builder extraResources, ADR 0179).
    ...(app.isPackaged ? { fontDir: path.join(process.resourcesPath, 'fonts') } : {}),
  });
  workstation = opened;
  const dispatch = createDispatcher(
    { ...opened.handlers, ...systemHandlers(opened, () => mainWindow) },
    { readOnly: () => opened.readOnly, onInternalError: logInternalError },
  );
  // Without accounts every call from the window acts as the OS user; with them, as the user its
  // login session names (ADR 0175), and as nobody before a login.
  const gate = createSessionGate({
    dispatch,
    workstation: opened,
    sessions: createSessionTable({ now: Date.now }),
    localUser: localCaller(currentUser()),
  });
  const windows = createWindowSessions(gate, (error) => {
    logInternalError('session.close', error, 'close');
  });
  registerInvokeHandler((sender, method, args) => windows.call(sender, method, args));
  // Job progress goes to the one window; the renderer picks out the jobs it started.
  opened.onEvent((event) => {
    if (mainWindow) sendEvent(mainWindow.webContents, event.name, event.payload);
  });
  const rendererRoot = appFile('dist', 'renderer');
  protocol.handle(APP_SCHEME, (request) =>
    handleAppProtocol(request, {
      rendererRoot,
      // Stored files only while a window is logged in (or accounts are off).
      resolveFile: (logical) => (windows.admitsAny() ? opened.resolveFile(logical) : Promise.resolve(null)),
      tileOrigins: () => opened.tileOrigins(),
    }),
  );
  mainWindow = createWindow();
}

function failStart(error: unknown): void {
  logInternalError('startup', error, 'start');
  dialog.showErrorBox('Strata 无法启动', error instanceof Error ? error.message : String(error));
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Every web contents, including any the app never meant to create, gets the same guards.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });
  app.on('window-all-closed', () => {
    app.quit();
  });
  app.on('will-quit', (event) => {
    if (closed || !workstation) return;
    // Hold the quit until the catalogue is closed cleanly, then quit for real.
    event.preventDefault();
    const closing = workstation;
    workstation = null;
    closing
      .close()
      .catch((error: unknown) => {
        logInternalError('shutdown', error, 'quit');
      })
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  app.whenReady().then(start).catch(failStart);
}
