import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCaller } from '../../../src-main/api/caller.js';
import type { Result } from '../../../src-main/api/errors.js';
import type { AuditEntry, SystemInfo } from '../../../src-main/api/types.js';
import { startHarness, type RunningHarness } from '../../../src-main/harness/server.js';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import { createSessionGate } from '../../../src-main/hosting/session-gate.js';
import { IDLE_LIMIT_MS, createSessionTable } from '../../../src-main/hosting/sessions.js';
import { headlessContextDispatcher } from '../../../src-main/hosting/system-handlers.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { tempDir } from '../../support/samples.js';

// The harness as `npm run dev` composes it (real workstation, gate and session table), on a clock
// the test moves, driven over HTTP the way the page drives it (ADR 0175).

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const clock = { time: Date.parse('2026-12-04T08:00:00.000Z') };
let scratch: { dir: string; cleanup: () => Promise<void> };
let ws: Workstation;
let harness: RunningHarness;

interface Answer {
  readonly status: number;
  readonly result: Result<unknown>;
  /** The session cookie the answer set ('' when it expired it), or undefined when it set none. */
  readonly session: string | undefined;
  readonly setCookie: string;
}

async function rpc(method: string, args: unknown, session?: string): Promise<Answer> {
  const response = await fetch(`${harness.origin}/rpc`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-strata-token': harness.token,
      origin: harness.origin,
      ...(session ? { cookie: `strata_session=${session}` } : {}),
    },
    body: JSON.stringify({ method, args }),
  });
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('strata_session=')) ?? '';
  return {
    status: response.status,
    result: (await response.json()) as Result<unknown>,
    session: setCookie === '' ? undefined : (/^strata_session=([^;]*)/.exec(setCookie)?.[1] ?? ''),
    setCookie,
  };
}

const value = (answer: Answer): unknown => {
  if (!answer.result.ok) throw new Error(`refused: ${answer.result.error.code}`);
  return answer.result.value;
};
const code = (answer: Answer): string => (answer.result.ok ? 'ok' : answer.result.error.code);

async function login(name: string, password: string): Promise<string> {
  const answer = await rpc('session.login', { name, password });
  if (answer.session === undefined || answer.session === '') throw new Error(`no session for ${name}`);
  return answer.session;
}

beforeAll(async () => {
  scratch = await tempDir('strata-harness-sessions-');
  ws = await openWorkstation({ home: path.join(scratch.dir, 'home'), now: () => new Date(clock.time) });
  const dispatch = headlessContextDispatcher(ws, 'harness', 'test', (_method, error) => {
    throw error;
  });
  const gate = createSessionGate({
    dispatch,
    workstation: ws,
    sessions: createSessionTable({ now: () => clock.time }),
    localUser: localCaller('zhang.san'),
  });
  harness = await startHarness({
    gate,
    resolveFile: (p) => ws.resolveFile(p),
    events: (listener) => ws.onEvent(listener),
    rendererDir: path.join(ROOT, 'dist', 'renderer'),
  });
});
afterAll(async () => {
  await harness.close();
  await ws.close();
  await scratch.cleanup();
});

describe('login sessions over the harness (ADR 0175)', () => {
  it('switches from the open mode to sessions the moment accounts are enabled, without a restart', async () => {
    expect(value(await rpc('system.info', {}))).toMatchObject({
      user: 'zhang.san',
      accountsEnabled: false,
    });
    expect(code(await rpc('datasets.list', {}))).toBe('ok');
    expect(code(await rpc('accounts.enable', { name: 'admin1', password: 'admin-pass-1' }))).toBe('ok');
    expect(await rpc('datasets.list', {})).toMatchObject({
      status: 200,
      result: { ok: false, error: { code: 'SESSION_REQUIRED', params: {} } },
    });
    expect(value(await rpc('system.info', {}))).toMatchObject({
      user: '',
      roles: [],
      accountsEnabled: true,
      callable: ['system.info', 'session.login'],
    });
  });

  it('a login sets an HttpOnly, SameSite=Strict session cookie; the body holds the caller, never the id', async () => {
    const answer = await rpc('session.login', { name: 'admin1', password: 'admin-pass-1' });
    expect(answer.result).toEqual({ ok: true, value: { user: 'admin1', roles: ['admin'] } });
    expect(answer.session).toMatch(/^[0-9a-f]{64}$/);
    expect(answer.setCookie).toMatch(/; HttpOnly; SameSite=Strict; Path=\/$/);
    const admin = answer.session ?? '';
    const info = value(await rpc('system.info', {}, admin)) as SystemInfo;
    expect(info).toMatchObject({ user: 'admin1', roles: ['admin'] });
    expect(info.callable).toContain('users.add');
    expect(info.callable).not.toContain('catalogue.save');
    // A call with the session keeps it: no new cookie.
    expect((await rpc('users.list', {}, admin)).session).toBeUndefined();
    for (const [name, roles] of [
      ['wang.wu', ['curator']],
      ['li.na', ['reviewer']],
    ] as const)
      expect(code(await rpc('users.add', { name, roles, password: `${name}-pass` }, admin))).toBe('ok');
  });

  it('a wrong password is LOGIN_FAILED and sets no cookie', async () => {
    const answer = await rpc('session.login', { name: 'wang.wu', password: 'not-it' });
    expect(code(answer)).toBe('LOGIN_FAILED');
    expect(answer.session).toBeUndefined();
  });

  it('each call acts in its session’s roles: the curator cannot list users, the reviewer cannot save', async () => {
    const curator = await login('wang.wu', 'wang.wu-pass');
    const reviewer = await login('li.na', 'li.na-pass');
    expect(code(await rpc('users.list', {}, curator))).toBe('FORBIDDEN');
    expect(
      code(
        await rpc(
          'catalogue.save',
          {
            id: 'ds_0123456789abcdef',
            baseVersion: 1,
            fields: { title: 't', abstract: '', level: '公开', period: '' },
          },
          reviewer,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(code(await rpc('datasets.list', {}, reviewer))).toBe('ok');
  });

  it('stored files need a live session too', async () => {
    const ask = (pathname: string, session?: string) =>
      fetch(`${harness.origin}${pathname}`, {
        headers: {
          'x-strata-token': harness.token,
          ...(session ? { cookie: `strata_session=${session}` } : {}),
        },
      });
    const signedOut = await ask('/files/datasets/ds_0123456789abcdef/display');
    expect(signedOut.status).toBe(403);
    expect(((await signedOut.json()) as Result<unknown>).ok).toBe(false);
    const curator = await login('wang.wu', 'wang.wu-pass');
    // Past the session check: the dataset does not exist.
    expect((await ask('/files/datasets/ds_0123456789abcdef/display', curator)).status).toBe(404);
  });

  it('a session idle for 30 minutes is SESSION_EXPIRED, and its cookie is cleared', async () => {
    const curator = await login('wang.wu', 'wang.wu-pass');
    clock.time += IDLE_LIMIT_MS - 1000;
    expect(code(await rpc('datasets.list', {}, curator))).toBe('ok');
    clock.time += IDLE_LIMIT_MS;
    const expired = await rpc('datasets.list', {}, curator);
    expect(code(expired)).toBe('SESSION_EXPIRED');
    expect(expired.session).toBe('');
    expect(expired.setCookie).toMatch(/Max-Age=0/);
  });

  it('logout clears the cookie, ends the session and is audited with its login', async () => {
    const reviewer = await login('li.na', 'li.na-pass');
    const out = await rpc('session.logout', {}, reviewer);
    expect(out.result).toEqual({ ok: true, value: { ended: true } });
    expect(out.session).toBe('');
    expect(code(await rpc('datasets.list', {}, reviewer))).toBe('SESSION_REQUIRED');
    const admin = await login('admin1', 'admin-pass-1');
    const audit = value(await rpc('audit.list', { limit: 3 }, admin)) as AuditEntry[];
    expect(audit.map((e) => [e.actor, e.action, e.subject])).toEqual([
      ['admin1', 'session.login', 'session:admin1'],
      ['li.na', 'session.logout', 'session:li.na'],
      ['li.na', 'session.login', 'session:li.na'],
    ]);
    expect(audit[1]?.details).toMatchObject({ reason: 'logout', session: audit[2]?.details['session'] });
    expect(JSON.stringify(audit)).not.toContain(reviewer);
  });
});
