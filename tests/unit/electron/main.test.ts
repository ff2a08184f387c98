import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROLES } from '../../../src-main/api/caller.js';
import { METHOD_NAMES } from '../../../src-main/api/contract.js';
import type { HostEvent } from '../../../src-main/api/events.js';
import type { Workstation, WorkstationOptions } from '../../../src-main/hosting/workstation.js';
import { FORMATS } from '../../../src-main/core/formats/registry.js';
import {
  FakeBrowserWindow,
  FakeWebContents,
  createElectronDouble,
  navigationEvent,
  type ElectronDouble,
} from './electron-double.js';

// vi.resetModules() also reloads helper modules imported dynamically, so the double's classes come
// from the static import above. Each test loads main.ts afresh against a fresh electron double and a fake workstation; the real
// workstation (catalogue, store) is covered by its own tests, this file checks the composition.
const holder = await vi.hoisted(async () => {
  const { createElectronDouble } = await import('./electron-double.js');
  return {
    electron: createElectronDouble(),
    openWorkstation: null as unknown as (options: WorkstationOptions) => Promise<Workstation>,
    crsLoadedFrom: [] as string[],
  };
});
// The mock factory runs once per file; getters let every fresh load of main.ts see the current double.
vi.mock('electron', () =>
  Object.defineProperties(
    {},
    Object.fromEntries(
      ['app', 'BrowserWindow', 'Menu', 'dialog', 'protocol', 'session', 'ipcMain'].map((key) => [
        key,
        { enumerable: true, get: () => holder.electron[key as keyof ElectronDouble] },
      ]),
    ),
  ),
);
// The EPSG table's loading is tested on its own; here: main loads it from the app's resources.
vi.mock('../../../src-main/node/crs/index.js', () => ({
  installBundledCrs: (dir: string) => {
    holder.crsLoadedFrom.push(dir);
    return Promise.resolve();
  },
}));
vi.mock('../../../src-main/hosting/open-workstation.js', () => ({
  openWorkstation: (options: WorkstationOptions) => holder.openWorkstation(options),
}));

type InvokeHandler = (event: unknown, method: unknown, args: unknown) => Promise<unknown>;
const REVIEWER = { user: 'li.na', roles: ['reviewer'] };
const trusted = {
  senderFrame: { parent: null, url: 'app://strata/index.html' },
  sender: new FakeWebContents(),
};

function fakeWorkstation(readOnly = false) {
  const listeners: ((event: HostEvent) => void)[] = [];
  return {
    readOnly,
    accountsEnabled: false,
    handlers: {
      'datasets.list': vi.fn(() => Promise.resolve([])),
      'catalogue.save': vi.fn(() => Promise.resolve({ version: 2 })),
      'session.login': vi.fn(() => Promise.resolve(REVIEWER)),
    },
    recordSession: vi.fn(() => Promise.resolve()),
    resolveFile: vi.fn(() => Promise.resolve(null)),
    onEvent: vi.fn((listener: (event: HostEvent) => void) => {
      listeners.push(listener);
      return () => undefined;
    }),
    emit: (event: HostEvent) => {
      for (const listener of listeners) listener(event);
    },
    close: vi.fn(() => Promise.resolve()),
  };
}

async function boot(
  setup: (electron: ElectronDouble) => void = () => undefined,
  open?: () => Promise<Workstation>,
  readOnly = false,
) {
  const electron = createElectronDouble();
  setup(electron);
  holder.electron = electron;
  const workstation = fakeWorkstation(readOnly);
  const opened = vi.fn<(options: WorkstationOptions) => Promise<Workstation>>(
    open ?? (() => Promise.resolve(workstation as unknown as Workstation)),
  );
  holder.openWorkstation = opened;
  holder.crsLoadedFrom.length = 0;
  FakeBrowserWindow.created.length = 0;
  vi.resetModules();
  await import('../../../src-main/electron/main.js');
  return { electron, workstation, opened };
}

async function bootReady(readOnly = false) {
  const booted = await boot(undefined, undefined, readOnly);
  await vi.waitFor(() => {
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });
  const invoke = booted.electron.invokeHandlers.get('strata:invoke') as InvokeHandler;
  return { ...booted, invoke, window: FakeBrowserWindow.created[0] as FakeBrowserWindow };
}

describe('Electron main process', () => {
  beforeEach(() => {
    delete process.env['STRATA_HOME'];
    process.env['STRATA_USER'] = 'zhang.san';
  });
  afterEach(() => {
    delete process.env['STRATA_USER'];
  });

  it('registers app:// as a privileged standard scheme before ready and forces the sandbox', async () => {
    const { electron } = await boot();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: false },
      },
    ]);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
  });

  it('on ready: opens the workstation in userData, hardens the session, serves app:// and loads the UI', async () => {
    const { electron, opened, window } = await bootReady();
    expect(opened).toHaveBeenCalledOnce();
    expect(opened.mock.calls[0]?.[0]).toMatchObject({ home: '/tmp/strata-test-userData' });
    expect(holder.crsLoadedFrom).toEqual(['/opt/strata/app/resources']);
    expect(electron.session.defaultSession.state.permissionRequest).not.toBeNull();
    expect(electron.session.defaultSession.state.beforeRequest).not.toBeNull();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(window.options).toMatchObject({
      webPreferences: {
        preload: '/opt/strata/app/dist/preload/preload.cjs',
        sandbox: true,
        contextIsolation: true,
        devTools: true,
      },
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://strata/index.html');
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('honours STRATA_HOME for the data directory', async () => {
    process.env['STRATA_HOME'] = '/srv/strata-home';
    const { opened } = await bootReady();
    expect(opened.mock.calls[0]?.[0]).toMatchObject({ home: '/srv/strata-home' });
  });

  it('answers system.info and the service methods through the one IPC channel', async () => {
    const { invoke, workstation } = await bootReady();
    await expect(invoke(trusted, 'system.info', {})).resolves.toEqual({
      ok: true,
      value: {
        version: '0.1.0',
        user: 'zhang.san',
        roles: ROLES,
        host: 'electron',
        canPickFiles: true,
        readOnly: false,
        accountsEnabled: false,
        // Every role may call every method.
        callable: METHOD_NAMES,
      },
    });
    await expect(invoke(trusted, 'datasets.list', {})).resolves.toEqual({ ok: true, value: [] });
    // The handler gets the validated arguments, defaults filled in.
    expect(workstation.handlers['datasets.list']).toHaveBeenCalledExactlyOnceWith(
      { all: false },
      { user: 'zhang.san', roles: ROLES },
    );
  });

  it('with accounts, each window starts signed out and acts in the roles of its own login', async () => {
    const { invoke, workstation } = await bootReady();
    // Read on every call: enabling accounts takes effect without a restart (ADR 0175).
    workstation.accountsEnabled = true;
    await expect(invoke(trusted, 'datasets.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'SESSION_REQUIRED' },
    });
    await expect(invoke(trusted, 'session.login', { name: 'li.na', password: 'pw' })).resolves.toEqual({
      ok: true,
      value: REVIEWER,
    });
    expect(workstation.recordSession).toHaveBeenCalledWith('session.login', REVIEWER, expect.any(Object));
    await expect(invoke(trusted, 'datasets.list', {})).resolves.toEqual({ ok: true, value: [] });
    expect(workstation.handlers['datasets.list']).toHaveBeenLastCalledWith({ all: false }, REVIEWER);
    const otherWindow = { ...trusted, sender: new FakeWebContents() };
    await expect(invoke(otherWindow, 'datasets.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'SESSION_REQUIRED' },
    });
  });

  it('a read-only workstation refuses a mutating call before its handler, and still reads', async () => {
    const { invoke, workstation } = await bootReady(true);
    const fields = { title: 't', abstract: '', level: '内部', period: '' };
    await expect(
      invoke(trusted, 'catalogue.save', { id: 'ds_0123456789abcdef', baseVersion: 1, fields }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(workstation.handlers['catalogue.save']).not.toHaveBeenCalled();
    await expect(invoke(trusted, 'datasets.list', {})).resolves.toEqual({ ok: true, value: [] });
  });

  it('system.pickFiles opens a multi-select dialog over the window with the supported formats', async () => {
    const { electron, invoke, window } = await bootReady();
    await expect(invoke(trusted, 'system.pickFiles', {})).resolves.toEqual({
      ok: true,
      value: { paths: ['/data/a.tif', '/data/b.shp'] },
    });
    const [owner, options] = electron.dialog.showOpenDialog.mock.calls[0] as unknown as [
      unknown,
      { properties: string[]; filters: { name: string; extensions: string[] }[] },
    ];
    expect(owner).toBe(window);
    expect(options.properties).toEqual(['openFile', 'multiSelections']);
    // One filter for everything, then one per format of the registry, named in the UI language.
    const [all, ...each] = options.filters;
    expect(each.map((filter) => filter.name)).toEqual(FORMATS.map((m) => m.label['zh-CN']));
    expect(all?.extensions).toEqual(FORMATS.flatMap((m) => m.extensions));
    expect(all?.extensions).toEqual(expect.arrayContaining(['tif', 'geojson', 'shp', 'gpkg', 'kml', 'csv']));
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(invoke(trusted, 'system.pickFiles', {})).resolves.toEqual({
      ok: true,
      value: { paths: [] },
    });
  });

  it('pushes job events to the window over strata:event, and not to a destroyed one', async () => {
    const { workstation, window } = await bootReady();
    const progress: HostEvent = {
      name: 'job.progress',
      payload: { jobId: 'job_aaaaaaaa', phase: 'package', done: 1, total: 2 },
    };
    workstation.emit(progress);
    expect(window.webContents.sent).toEqual([['strata:event', 'job.progress', progress.payload]]);
    window.webContents.destroyed = true;
    workstation.emit({ name: 'job.finished', payload: { jobId: 'job_aaaaaaaa', ok: true } });
    expect(window.webContents.sent).toHaveLength(1);
  });

  it('hardens every web contents the app creates', async () => {
    const { electron } = await bootReady();
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({} as never)).toEqual({ action: 'deny' });
    const away = navigationEvent('https://example.com/');
    contents.emit('will-navigate', away, away.url);
    expect(away.preventDefault).toHaveBeenCalled();
  });

  it('serves logical files through the workstation', async () => {
    const { electron, workstation } = await bootReady();
    const handler = electron.protocol.handle.mock.calls[0]?.[1] as unknown as (
      request: Request,
    ) => Promise<Response>;
    const response = await handler(new Request('app://strata/files/datasets/ds_0123456789abcdef/display'));
    expect(workstation.resolveFile).toHaveBeenCalledWith('datasets/ds_0123456789abcdef/display');
    expect(response.status).toBe(404);
  });

  it('with accounts, serves stored files only while a window is logged in', async () => {
    const { electron, invoke, workstation } = await bootReady();
    workstation.accountsEnabled = true;
    const handler = electron.protocol.handle.mock.calls[0]?.[1] as unknown as (
      request: Request,
    ) => Promise<Response>;
    const file = 'app://strata/files/datasets/ds_0123456789abcdef/display';
    expect((await handler(new Request(file))).status).toBe(404);
    expect(workstation.resolveFile).not.toHaveBeenCalled();
    await invoke(trusted, 'session.login', { name: 'li.na', password: 'pw' });
    await handler(new Request(file));
    expect(workstation.resolveFile).toHaveBeenCalledWith('datasets/ds_0123456789abcdef/display');
  });

  it('holds the quit until the workstation is closed, then quits', async () => {
    const { electron, workstation } = await bootReady();
    const event = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(workstation.close).toHaveBeenCalledOnce();
    await vi.waitFor(() => {
      expect(electron.app.quit).toHaveBeenCalled();
    });
    const second = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(workstation.close).toHaveBeenCalledOnce();
  });

  it('a second instance quits at once and focuses nothing of its own', async () => {
    const { electron, opened } = await boot((double) => {
      double.app.requestSingleInstanceLock.mockReturnValue(false);
    });
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(opened).not.toHaveBeenCalled();
  });

  it('shows an error box and exits 1 when the workstation cannot open', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { electron } = await boot(
      () => undefined,
      () => Promise.reject(new Error('catalogue.sqlite is locked')),
    );
    await vi.waitFor(() => {
      expect(electron.app.exit).toHaveBeenCalledWith(1);
    });
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Strata 无法启动',
      'catalogue.sqlite is locked',
    );
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(quiet).toHaveBeenCalled();
    quiet.mockRestore();
  });
});
