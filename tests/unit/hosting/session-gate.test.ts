import { describe, expect, it } from 'vitest';
import { localCaller, type CallContext } from '../../../src-main/api/caller.js';
import type { Handlers } from '../../../src-main/api/contract.js';
import { createDispatcher } from '../../../src-main/api/dispatcher.js';
import { StrataError } from '../../../src-main/api/errors.js';
import { createSessionGate, sessionRef } from '../../../src-main/hosting/session-gate.js';
import { createSessionTable } from '../../../src-main/hosting/sessions.js';

const PASSWORDS: Record<string, { password: string; caller: CallContext }> = {
  'wang.wu': { password: 'curator-pass', caller: { user: 'wang.wu', roles: ['curator'] } },
  'li.na': { password: 'reviewer-pass', caller: { user: 'li.na', roles: ['reviewer'] } },
};

/** The real dispatcher (role checks, argument validation) over a few handlers that say who called. */
function setup() {
  const clock = { now: 0 };
  const audit: [string, string, Readonly<Record<string, string>>][] = [];
  const workstation = {
    accountsEnabled: true,
    recordSession: (action: string, caller: CallContext, details: Readonly<Record<string, string>>) => {
      audit.push([action, caller.user, details]);
      return Promise.resolve();
    },
  };
  const handlers = {
    'system.info': (_args: unknown, ctx: CallContext) => Promise.resolve({ user: ctx.user }),
    'session.login': ({ name, password }: { name: string; password: string }) => {
      const known = PASSWORDS[name];
      if (known?.password !== password) return Promise.reject(new StrataError('LOGIN_FAILED'));
      return Promise.resolve(known.caller);
    },
    'session.logout': () => Promise.resolve({ ended: true }),
    'datasets.list': (_args: unknown, ctx: CallContext) => Promise.resolve([ctx.user]),
    'catalogue.save': () => Promise.resolve({ version: 2 }),
    'users.disable': ({ name }: { name: string }) => Promise.resolve({ name, roles: ['curator'] }),
    'users.setRole': ({ name, roles }: { name: string; roles: string[] }) => Promise.resolve({ name, roles }),
  } as unknown as Handlers;
  const dispatch = createDispatcher(handlers, {
    readOnly: () => false,
    onInternalError: (_method, error) => {
      throw error;
    },
  });
  const sessions = createSessionTable({ now: () => clock.now, idleMs: 1000 });
  const gate = createSessionGate({ dispatch, workstation, sessions, localUser: localCaller('zhang.san') });
  const login = async (name: string) => {
    const answer = await gate.call('session.login', { name, password: PASSWORDS[name]?.password }, null);
    if (answer.session === null) throw new Error(`login of ${name} failed`);
    return answer.session;
  };
  return { clock, audit, workstation, sessions, gate, login };
}

describe('session gate', () => {
  it('without accounts: every call is the local user in every role, and no session is handed out', async () => {
    const { gate, workstation } = setup();
    workstation.accountsEnabled = false;
    expect(await gate.call('datasets.list', {}, null)).toEqual({
      result: { ok: true, value: ['zhang.san'] },
      session: null,
    });
    expect(gate.admits(null)).toBe(true);
  });

  it('with accounts: no session is SESSION_REQUIRED for everything but the login screen’s two methods', async () => {
    const { gate } = setup();
    expect(await gate.call('datasets.list', {}, null)).toEqual({
      result: { ok: false, error: { code: 'SESSION_REQUIRED', params: {} } },
      session: null,
    });
    expect((await gate.call('datasets.list', {}, 'f'.repeat(64))).result).toMatchObject({
      error: { code: 'SESSION_REQUIRED' },
    });
    expect((await gate.call('system.info', {}, null)).result).toEqual({ ok: true, value: { user: '' } });
    expect(gate.admits(null)).toBe(false);
  });

  it('takes effect the moment accounts are enabled, without a restart', async () => {
    const { gate, workstation } = setup();
    workstation.accountsEnabled = false;
    expect((await gate.call('datasets.list', {}, null)).result.ok).toBe(true);
    workstation.accountsEnabled = true;
    expect((await gate.call('datasets.list', {}, null)).result).toMatchObject({
      error: { code: 'SESSION_REQUIRED' },
    });
  });

  it('a login opens a session whose calls act as that user in their roles; audited without the id', async () => {
    const { gate, login, audit } = setup();
    const session = await login('wang.wu');
    expect(await gate.call('datasets.list', {}, session)).toEqual({
      result: { ok: true, value: ['wang.wu'] },
      session,
    });
    // The role check is the dispatcher's: a curator's session cannot do a reviewer's work.
    expect((await gate.call('users.disable', { name: 'li.na' }, session)).result).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(audit).toEqual([['session.login', 'wang.wu', { session: sessionRef(session) }]]);
    expect(JSON.stringify(audit)).not.toContain(session);
    expect(gate.admits(session)).toBe(true);
  });

  it('a failed login hands out nothing and keeps what the client held', async () => {
    const { gate, login } = setup();
    const held = await login('li.na');
    const answer = await gate.call('session.login', { name: 'li.na', password: 'wrong' }, held);
    expect(answer).toEqual({
      result: { ok: false, error: { code: 'LOGIN_FAILED', params: {} } },
      session: held,
    });
    expect((await gate.call('session.login', { name: 'nobody', password: 'x' }, null)).session).toBeNull();
  });

  it('a second login replaces the session: the old id stops working (no fixation)', async () => {
    const { gate, login, audit } = setup();
    const first = await login('wang.wu');
    const second = await gate.call('session.login', { name: 'li.na', password: 'reviewer-pass' }, first);
    expect(second.session).not.toBe(first);
    expect((await gate.call('datasets.list', {}, first)).result).toMatchObject({
      error: { code: 'SESSION_REQUIRED' },
    });
    expect(audit.map(([action, user]) => [action, user])).toEqual([
      ['session.login', 'wang.wu'],
      ['session.logout', 'wang.wu'],
      ['session.login', 'li.na'],
    ]);
  });

  it('logout ends the session (audited, paired with its login) and the client holds none after', async () => {
    const { gate, login, audit } = setup();
    const session = await login('li.na');
    expect(await gate.call('session.logout', {}, session)).toEqual({
      result: { ok: true, value: { ended: true } },
      session: null,
    });
    expect(audit[1]).toEqual(['session.logout', 'li.na', { session: sessionRef(session), reason: 'logout' }]);
    expect((await gate.call('datasets.list', {}, session)).result).toMatchObject({
      error: { code: 'SESSION_REQUIRED' },
    });
  });

  it('an idle session is SESSION_EXPIRED, and the client is told to drop it', async () => {
    const { gate, login, clock } = setup();
    const session = await login('li.na');
    clock.now += 999;
    expect((await gate.call('datasets.list', {}, session)).result.ok).toBe(true);
    clock.now += 1000;
    expect(await gate.call('datasets.list', {}, session)).toEqual({
      result: { ok: false, error: { code: 'SESSION_EXPIRED', params: {} } },
      session: null,
    });
    expect(gate.admits(session)).toBe(false);
  });

  it('a disabled user’s sessions end; a user whose roles changed acts in the new roles at once', async () => {
    const { gate, login, sessions } = setup();
    const admin = sessions.create({ user: 'admin1', roles: ['admin'] });
    const curator = await login('wang.wu');
    const reviewer = await login('li.na');
    await gate.call('users.setRole', { name: 'li.na', roles: ['curator'] }, admin);
    expect(
      (
        await gate.call(
          'catalogue.save',
          {
            id: 'ds_0123456789abcdef',
            baseVersion: 1,
            fields: { title: 't', abstract: '', level: '公开', period: '' },
          },
          reviewer,
        )
      ).result.ok,
    ).toBe(true);
    await gate.call('users.disable', { name: 'wang.wu' }, admin);
    expect((await gate.call('datasets.list', {}, curator)).result).toMatchObject({
      error: { code: 'SESSION_REQUIRED' },
    });
  });

  it('a harness started logged in acts as that user for a client without a session of its own', async () => {
    const { workstation, sessions } = setup();
    const dispatch = createDispatcher(
      {
        'datasets.list': (_a: unknown, ctx: CallContext) => Promise.resolve([ctx.user]),
      } as unknown as Handlers,
      { readOnly: () => false, onInternalError: () => undefined },
    );
    const started = createSessionGate({
      dispatch,
      workstation,
      sessions,
      localUser: localCaller('zhang.san'),
      withoutSession: { user: 'li.na', roles: ['reviewer'] },
    });
    expect((await started.call('datasets.list', {}, null)).result).toEqual({ ok: true, value: ['li.na'] });
    expect(started.admits(null)).toBe(true);
  });

  it('closing a window ends its session as a logout with reason "closed"', async () => {
    const { gate, login, audit } = setup();
    const session = await login('wang.wu');
    await gate.close(session);
    expect(audit.at(-1)).toEqual([
      'session.logout',
      'wang.wu',
      { session: sessionRef(session), reason: 'closed' },
    ]);
    expect(gate.admits(session)).toBe(false);
  });
});
