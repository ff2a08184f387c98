import type { WebContents } from 'electron';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { localCaller, type CallContext } from '../../../src-main/api/caller.js';
import type { ContextDispatch } from '../../../src-main/api/dispatcher.js';
import { createWindowSessions, type SessionHolder } from '../../../src-main/electron/window-sessions.js';
import { createSessionGate } from '../../../src-main/hosting/session-gate.js';
import { createSessionTable } from '../../../src-main/hosting/sessions.js';
import { FakeWebContents } from './electron-double.js';

const CURATOR: CallContext = { user: 'wang.wu', roles: ['curator'] };

/** The real gate and session table; behind them a dispatcher that logs in one user and says who called. */
function setup() {
  const audit: [string, string, string][] = [];
  let release: (() => void) | null = null;
  const dispatch: ContextDispatch = async (method, _args, ctx) => {
    if (method === 'session.login') {
      if (release === null) return { ok: true, value: CURATOR };
      // A login that takes until the test lets it finish (the window may close meanwhile).
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return { ok: true, value: CURATOR };
    }
    if (ctx.roles.length === 0 && method !== 'system.info')
      return { ok: false, error: { code: 'FORBIDDEN', params: {} } };
    return { ok: true, value: ctx.user };
  };
  const workstation = {
    accountsEnabled: true,
    recordSession: (action: string, caller: CallContext, details: Readonly<Record<string, string>>) => {
      audit.push([action, caller.user, details['reason'] ?? '']);
      return Promise.resolve();
    },
  };
  const gate = createSessionGate({
    dispatch,
    workstation,
    sessions: createSessionTable({ now: Date.now }),
    localUser: localCaller('zhang.san'),
  });
  const errors: unknown[] = [];
  const windows = createWindowSessions(gate, (error) => errors.push(error));
  const slowLogins = (): void => {
    release = () => undefined;
  };
  const finishLogin = (): void => {
    release?.();
  };
  return { audit, windows, errors, workstation, slowLogins, finishLogin };
}

const login = { name: 'wang.wu', password: 'curator-pass' };

describe('window sessions', () => {
  it('keeps sessions by what Electron passes: a WebContents is a session holder', () => {
    expectTypeOf<WebContents>().toExtend<SessionHolder>();
  });

  it('a login belongs to the window that made it: another window is still signed out', async () => {
    const { windows } = setup();
    const a = new FakeWebContents();
    const b = new FakeWebContents();
    expect((await windows.call(a, 'session.login', login)).ok).toBe(true);
    expect(await windows.call(a, 'datasets.list', {})).toEqual({ ok: true, value: 'wang.wu' });
    expect(await windows.call(b, 'datasets.list', {})).toEqual({
      ok: false,
      error: { code: 'SESSION_REQUIRED', params: {} },
    });
  });

  it('never hands the session id to the page: the login answers with the caller only', async () => {
    const { windows } = setup();
    const answer = await windows.call(new FakeWebContents(), 'session.login', login);
    expect(answer).toEqual({ ok: true, value: CURATOR });
  });

  it('closing the window ends its session, audited as closed', async () => {
    const { windows, audit } = setup();
    const a = new FakeWebContents();
    await windows.call(a, 'session.login', login);
    expect(windows.admitsAny()).toBe(true);
    a.destroyed = true;
    a.emit('destroyed');
    await Promise.resolve();
    expect(audit).toEqual([
      ['session.login', 'wang.wu', ''],
      ['session.logout', 'wang.wu', 'closed'],
    ]);
    expect(windows.admitsAny()).toBe(false);
  });

  it('a logout drops the window’s session; its next call is signed out', async () => {
    const { windows, audit } = setup();
    const a = new FakeWebContents();
    await windows.call(a, 'session.login', login);
    expect(await windows.call(a, 'session.logout', {})).toEqual({ ok: true, value: 'wang.wu' });
    expect((await windows.call(a, 'datasets.list', {})).ok).toBe(false);
    expect(audit.at(-1)).toEqual(['session.logout', 'wang.wu', 'logout']);
    // Closing it afterwards has no session left to end.
    a.emit('destroyed');
    await Promise.resolve();
    expect(audit).toHaveLength(2);
  });

  it('a window closed while its login ran gets no session: it is ended at once', async () => {
    const { windows, audit, slowLogins, finishLogin } = setup();
    slowLogins();
    const a = new FakeWebContents();
    const pending = windows.call(a, 'session.login', login);
    await Promise.resolve();
    a.destroyed = true;
    finishLogin();
    await pending;
    await Promise.resolve();
    expect(audit.map(([action, , reason]) => `${action}:${reason}`)).toEqual([
      'session.login:',
      'session.logout:closed',
    ]);
    expect(windows.admitsAny()).toBe(false);
  });

  it('serves files to any window while accounts are off, and to none while nobody is logged in', async () => {
    const { windows, workstation } = setup();
    expect(windows.admitsAny()).toBe(false);
    workstation.accountsEnabled = false;
    expect(windows.admitsAny()).toBe(true);
    expect(await windows.call(new FakeWebContents(), 'datasets.list', {})).toEqual({
      ok: true,
      value: 'zhang.san',
    });
  });
});
