import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServeCall } from '../../../src-main/electron/ipc.js';
import { FakeWebContents, type ElectronDouble } from './electron-double.js';

const electron = await vi.hoisted(async () => {
  const { createElectronDouble } = await import('./electron-double.js');
  return createElectronDouble();
});
vi.mock('electron', () => electron);

const { registerInvokeHandler, sendEvent } = await import('../../../src-main/electron/ipc.js');

type InvokeHandler = (event: unknown, method: unknown, args: unknown) => Promise<unknown>;

function register(double: ElectronDouble) {
  const dispatch = vi.fn<ServeCall>(() => Promise.resolve({ ok: true, value: ['dataset'] }));
  registerInvokeHandler(dispatch);
  const handler = double.invokeHandlers.get('strata:invoke') as InvokeHandler | undefined;
  if (!handler) throw new Error('no handler registered on strata:invoke');
  return { dispatch, handler };
}

const topAppFrame = { parent: null, url: 'app://strata/index.html' };
const SENDER = { id: 7 };
const invokeEvent = (senderFrame: unknown) => ({ senderFrame, sender: SENDER, frameId: 1, processId: 1 });

describe('IPC wrapper', () => {
  beforeEach(() => {
    electron.invokeHandlers.clear();
    electron.ipcMain.handle.mockClear();
  });

  it('registers exactly one handler, on strata:invoke', () => {
    register(electron);
    expect(electron.ipcMain.handle).toHaveBeenCalledOnce();
    expect([...electron.invokeHandlers.keys()]).toEqual(['strata:invoke']);
  });

  it('passes the sending window, method and arguments from the top app frame on', async () => {
    const { dispatch, handler } = register(electron);
    const result = await handler(invokeEvent(topAppFrame), 'datasets.list', {});
    expect(dispatch).toHaveBeenCalledExactlyOnceWith(SENDER, 'datasets.list', {});
    expect(result).toEqual({ ok: true, value: ['dataset'] });
  });

  it.each([
    ['a subframe on the app origin', { parent: topAppFrame, url: 'app://strata/index.html' }],
    ['a top frame on https', { parent: null, url: 'https://evil.example/' }],
    ['a top frame on file://', { parent: null, url: 'file:///tmp/page.html' }],
    ['a top frame on another app host', { parent: null, url: 'app://evil/index.html' }],
    ['a top frame on about:blank', { parent: null, url: 'about:blank' }],
    ['a frame already gone', null],
  ])('refuses %s with FORBIDDEN and never calls the dispatcher', async (_name, frame) => {
    const { dispatch, handler } = register(electron);
    const result = await handler(invokeEvent(frame), 'datasets.list', {});
    expect(dispatch).not.toHaveBeenCalled();
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', params: {} } });
  });

  it('hands a non-string method to the dispatcher as an unknown name, not as the value', async () => {
    const { dispatch, handler } = register(electron);
    await handler(invokeEvent(topAppFrame), { toString: () => 'datasets.list' }, {});
    expect(dispatch).toHaveBeenCalledExactlyOnceWith(SENDER, '', {});
  });
});

describe('sendEvent', () => {
  it('sends (name, payload) on strata:event, and nothing to a destroyed window', () => {
    const contents = new FakeWebContents();
    const progress = { jobId: 'j1', phase: 'import', done: 1, total: 4 };
    sendEvent(contents as unknown as WebContents, 'job.progress', progress);
    expect(contents.sent).toEqual([['strata:event', 'job.progress', progress]]);
    contents.destroyed = true;
    sendEvent(contents as unknown as WebContents, 'job.progress', progress);
    expect(contents.sent).toHaveLength(1);
  });
});
