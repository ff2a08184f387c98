import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localCaller, type CallContext } from '../../../src-main/api/caller.js';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import { headlessDispatcher } from '../../../src-main/hosting/system-handlers.js';
import { localUserCaller } from '../../support/test-dispatch.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { SqliteConnection } from '../../../src-main/node/store/sqlite.js';
import { clientOf, type Client } from '../../support/contract-client.js';
import { tempDir } from '../../support/samples.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A workstation in a scratch home on a clock the test moves. */
async function scratchHome(): Promise<{
  home: string;
  clock: { time: number };
  open: () => Promise<Workstation>;
}> {
  const scratch = await tempDir('strata-accounts-');
  cleanups.push(scratch.cleanup);
  const home = path.join(scratch.dir, 'home');
  const clock = { time: Date.parse('2026-12-04T08:00:00.000Z') };
  const open = async (): Promise<Workstation> => {
    const ws = await openWorkstation({ home, now: () => new Date(clock.time) });
    cleanups.push(() => ws.close());
    return ws;
  };
  return { home, clock, open };
}

const as = (ws: Workstation, caller: CallContext): Client =>
  clientOf(
    headlessDispatcher(ws, 'cli', 'test', caller, (_method, error) => {
      throw error;
    }),
  );

/** Logs in through the contract, as a host does, and returns a client acting as that user. */
async function login(ws: Workstation, name: string, password: string): Promise<Client> {
  const caller = await as(ws, localUserCaller(ws, '')).call('session.login', { name, password });
  return as(ws, caller);
}

async function sql(home: string, statement: string, params: unknown[] = []): Promise<void> {
  const conn = await SqliteConnection.open(path.join(home, 'catalogue.sqlite'));
  try {
    await conn.run(statement, params as never);
  } finally {
    await conn.close();
  }
}

const DATASET = 'ds_0123456789abcdef';

describe('local accounts on a real workstation (issue 7, ADR 0170)', () => {
  it('runs open until the first administrator, then only as logged-in users in their roles', async () => {
    const { open } = await scratchHome();
    const ws = await open();
    expect(ws.accountsEnabled).toBe(false);
    const local = as(ws, localUserCaller(ws, 'zhang.san'));
    expect(await local.call('system.info', {})).toMatchObject({ user: 'zhang.san', accountsEnabled: false });
    expect(
      await local.fail('users.add', { name: 'li.na', roles: ['curator'], password: 'password-1' }),
    ).toEqual({
      code: 'ACCOUNTS_NOT_ENABLED',
      params: {},
    });
    expect((await local.fail('session.login', { name: 'li.na', password: 'x' })).code).toBe('LOGIN_FAILED');

    const admin = await local.call('accounts.enable', {
      name: 'admin1',
      displayName: '管理员',
      password: 'admin-pass-1',
    });
    expect(admin).toMatchObject({
      name: 'admin1',
      roles: ['admin'],
      trusted: true,
      revision: 1,
      createdBy: 'zhang.san',
    });
    expect(admin.keyFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(ws.accountsEnabled).toBe(true);
    // The local user no longer acts: a host now starts signed out.
    const signedOut = as(ws, localUserCaller(ws, 'zhang.san'));
    expect(await signedOut.call('system.info', {})).toMatchObject({
      user: '',
      roles: [],
      accountsEnabled: true,
    });
    expect((await signedOut.fail('datasets.list', {})).code).toBe('FORBIDDEN');
    expect((await local.fail('accounts.enable', { name: 'admin2', password: 'admin-pass-2' })).code).toBe(
      'ACCOUNTS_ALREADY_ENABLED',
    );

    const asAdmin = await login(ws, 'admin1', 'admin-pass-1');
    await asAdmin.call('users.add', {
      name: 'zhang.wei',
      displayName: '张伟',
      roles: ['curator'],
      password: 'curator-pass',
    });
    await asAdmin.call('users.add', { name: 'wang.shen', roles: ['reviewer'], password: 'reviewer-pass' });
    expect(
      (await asAdmin.fail('users.add', { name: 'wang.shen', roles: ['curator'], password: 'another-pass' }))
        .code,
    ).toBe('ACCOUNT_EXISTS');
    expect((await asAdmin.call('users.list', {})).map((u) => [u.name, u.roles, u.trusted])).toEqual([
      ['admin1', ['admin'], true],
      ['wang.shen', ['reviewer'], true],
      ['zhang.wei', ['curator'], true],
    ]);

    const curator = await login(ws, 'zhang.wei', 'curator-pass');
    expect(await curator.call('system.info', {})).toMatchObject({ user: 'zhang.wei', roles: ['curator'] });
    expect((await curator.fail('review.run', { id: DATASET })).code).toBe('FORBIDDEN');
    expect((await curator.fail('users.list', {})).code).toBe('FORBIDDEN');
    expect((await curator.fail('users.setRole', { name: 'zhang.wei', roles: ['admin'] })).code).toBe(
      'FORBIDDEN',
    );
    const reviewer = await login(ws, 'wang.shen', 'reviewer-pass');
    expect((await reviewer.fail('review.run', { id: DATASET })).code).toBe('NOT_FOUND');
    expect(
      (
        await reviewer.fail('catalogue.save', {
          id: DATASET,
          baseVersion: 1,
          fields: { title: 't', abstract: '', level: '公开', period: '' },
        })
      ).code,
    ).toBe('FORBIDDEN');

    // Administration is audited with the acting user and the role they acted in.
    const audit = await asAdmin.call('audit.list', { limit: 10 });
    expect(audit.map((e) => [e.actor, e.action, e.subject])).toEqual([
      ['admin1', 'account.add', 'account:wang.shen'],
      ['admin1', 'account.add', 'account:zhang.wei'],
      ['zhang.san', 'account.add', 'account:admin1'],
      ['zhang.san', 'accounts.enable', 'accounts'],
    ]);
    expect(audit[0]?.details).toEqual({ roles: 'reviewer', actingRole: 'admin', revision: 1 });
    expect(JSON.stringify(audit)).not.toMatch(/pass/);

    // Disabling, and never leaving the workstation without an administrator.
    await asAdmin.call('users.disable', { name: 'zhang.wei' });
    expect(
      (
        await as(ws, localUserCaller(ws, '')).fail('session.login', {
          name: 'zhang.wei',
          password: 'curator-pass',
        })
      ).code,
    ).toBe('ACCOUNT_DISABLED');
    expect(await asAdmin.fail('users.disable', { name: 'admin1' })).toEqual({
      code: 'LAST_ADMIN',
      params: { name: 'admin1' },
    });
    expect((await asAdmin.fail('users.setRole', { name: 'admin1', roles: ['reviewer'] })).code).toBe(
      'LAST_ADMIN',
    );
    expect(
      await asAdmin.call('users.setRole', { name: 'wang.shen', roles: ['reviewer', 'publisher'] }),
    ).toMatchObject({
      roles: ['publisher', 'reviewer'],
      revision: 2,
    });
    expect((await asAdmin.fail('users.disable', { name: 'nobody' })).code).toBe('NOT_FOUND');

    // One's own password: the old one stops working, the key is re-wrapped, the change audited.
    await reviewer.call('users.changePassword', {
      oldPassword: 'reviewer-pass',
      newPassword: 'reviewer-pass-2',
    });
    expect(
      (
        await reviewer.fail('users.changePassword', {
          oldPassword: 'reviewer-pass',
          newPassword: 'whatever-1',
        })
      ).code,
    ).toBe('LOGIN_FAILED');
    const again = await login(ws, 'wang.shen', 'reviewer-pass-2');
    expect(await again.call('system.info', {})).toMatchObject({ roles: ['publisher', 'reviewer'] });
    expect(
      (
        await as(ws, localUserCaller(ws, '')).fail('session.login', {
          name: 'wang.shen',
          password: 'reviewer-pass',
        })
      ).code,
    ).toBe('LOGIN_FAILED');
  });

  it('locks an account after five failed logins until the lock runs out on the clock', async () => {
    const { open, clock } = await scratchHome();
    const ws = await open();
    await as(ws, localCaller('root')).call('accounts.enable', { name: 'admin1', password: 'admin-pass-1' });
    const anon = as(ws, localUserCaller(ws, ''));
    for (let i = 0; i < 4; i += 1)
      expect(await anon.fail('session.login', { name: 'admin1', password: 'wrong' })).toEqual({
        code: 'LOGIN_FAILED',
        params: {},
      });
    const until = new Date(clock.time + 15 * 60 * 1000).toISOString();
    expect(await anon.fail('session.login', { name: 'admin1', password: 'wrong' })).toEqual({
      code: 'ACCOUNT_LOCKED',
      params: { until },
    });
    clock.time += 14 * 60 * 1000;
    // Locked: even the right password is refused, and it is not even checked.
    expect((await anon.fail('session.login', { name: 'admin1', password: 'admin-pass-1' })).code).toBe(
      'ACCOUNT_LOCKED',
    );
    clock.time += 60 * 1000;
    const admin = await login(ws, 'admin1', 'admin-pass-1');
    expect(await admin.call('users.list', {})).toMatchObject([{ name: 'admin1', lockedUntil: null }]);
    const entries = await admin.call('audit.list', { limit: 1 });
    expect(entries[0]).toMatchObject({
      action: 'account.locked',
      actor: 'admin1',
      details: { failedAttempts: 5, until },
    });
    // Failures at the same moment all count (each is counted inside its own write).
    const codes = await Promise.all(
      Array.from({ length: 5 }, () => anon.fail('session.login', { name: 'admin1', password: 'wrong' })),
    );
    expect(codes.map((c) => c.code).sort()).toEqual([
      'ACCOUNT_LOCKED',
      'LOGIN_FAILED',
      'LOGIN_FAILED',
      'LOGIN_FAILED',
      'LOGIN_FAILED',
    ]);
    expect((await anon.fail('session.login', { name: 'admin1', password: 'admin-pass-1' })).code).toBe(
      'ACCOUNT_LOCKED',
    );
    // A wrong password for a name that does not exist says no more than a wrong password.
    expect((await anon.fail('session.login', { name: 'ghost', password: 'wrong' })).code).toBe(
      'LOGIN_FAILED',
    );
  });

  it('refuses an account edited in SQL or copied back from an older revision, and still opens for the others', async () => {
    const { home, open } = await scratchHome();
    let ws = await open();
    await as(ws, localCaller('root')).call('accounts.enable', { name: 'admin1', password: 'admin-pass-1' });
    const admin = await login(ws, 'admin1', 'admin-pass-1');
    await admin.call('users.add', { name: 'zhang.wei', roles: ['curator'], password: 'curator-pass' });
    await admin.call('users.add', {
      name: 'wang.shen',
      roles: ['reviewer', 'curator'],
      password: 'reviewer-pass',
    });
    await ws.close();
    await sql(home, `UPDATE accounts SET roles = '["admin","curator"]' WHERE name = 'zhang.wei'`);
    await sql(home, `CREATE TABLE old AS SELECT * FROM accounts WHERE name = 'wang.shen'`);
    ws = await open();
    const anon = as(ws, localUserCaller(ws, ''));
    expect(await anon.fail('session.login', { name: 'zhang.wei', password: 'curator-pass' })).toEqual({
      code: 'ACCOUNTS_TAMPERED',
      params: { problem: 'problem.accountAltered', name: 'zhang.wei' },
    });
    const admin2 = await login(ws, 'admin1', 'admin-pass-1');
    expect((await admin2.call('users.list', {})).map((u) => [u.name, u.trusted])).toEqual([
      ['admin1', true],
      ['wang.shen', true],
      ['zhang.wei', false],
    ]);
    // An altered row is not laundered by re-certifying it.
    expect((await admin2.fail('users.disable', { name: 'zhang.wei' })).code).toBe('ACCOUNTS_TAMPERED');
    await admin2.call('users.setRole', { name: 'wang.shen', roles: ['reviewer'] });
    await ws.close();
    // The revision-1 row carries a valid certificate, but the audit log says revision 2 holds.
    await sql(home, `DELETE FROM accounts WHERE name = 'wang.shen'`);
    await sql(home, `INSERT INTO accounts SELECT * FROM old`);
    ws = await open();
    expect(
      (
        await as(ws, localUserCaller(ws, '')).fail('session.login', {
          name: 'wang.shen',
          password: 'reviewer-pass',
        })
      ).code,
    ).toBe('ACCOUNTS_TAMPERED');
  });

  it('does not reopen the transitional mode when the account rows, the marker or the anchor are deleted', async () => {
    const { home, open } = await scratchHome();
    const ws = await open();
    await as(ws, localCaller('root')).call('accounts.enable', { name: 'admin1', password: 'admin-pass-1' });
    await ws.close();
    const anchor = path.join(home, 'keys', 'accounts-enabled.json');

    await sql(home, 'CREATE TABLE saved AS SELECT * FROM accounts');
    await sql(home, 'DELETE FROM accounts');
    await expect(open()).rejects.toMatchObject({
      code: 'ACCOUNTS_TAMPERED',
      params: { problem: 'problem.accountsNoAdmin' },
    });
    await sql(home, `UPDATE saved SET roles = '["admin","curator"]'`);
    await sql(home, 'INSERT INTO accounts SELECT * FROM saved');
    await expect(open()).rejects.toMatchObject({ params: { problem: 'problem.accountsNoAdmin' } });
    await sql(home, 'DELETE FROM accounts');
    await sql(home, `DELETE FROM settings WHERE key = 'accounts'`);
    await expect(open()).rejects.toMatchObject({ params: { problem: 'problem.accountsMarkerMissing' } });
    await rm(anchor);
    // The audit entry of enabling is still there.
    await expect(open()).rejects.toMatchObject({ params: { problem: 'problem.accountsMarkerMissing' } });
  });

  it('refuses a whole catalogue put back from before accounts were enabled while the anchor remains', async () => {
    const { home, open } = await scratchHome();
    let ws = await open();
    await ws.close();
    const catalogue = path.join(home, 'catalogue.sqlite');
    const before = path.join(home, '..', 'before-init.sqlite');
    await copyFile(catalogue, before);
    ws = await open();
    await as(ws, localCaller('root')).call('accounts.enable', { name: 'admin1', password: 'admin-pass-1' });
    await ws.close();
    await copyFile(before, catalogue);
    await rm(`${catalogue}-wal`, { force: true });
    await rm(`${catalogue}-shm`, { force: true });
    await expect(open()).rejects.toMatchObject({
      code: 'ACCOUNTS_TAMPERED',
      params: { problem: 'problem.accountsMarkerMissing' },
    });
  });

  it('writes the anchor again from a valid catalogue marker, and refuses an anchor that is not this marker', async () => {
    const { home, open } = await scratchHome();
    let ws = await open();
    await as(ws, localCaller('root')).call('accounts.enable', { name: 'admin1', password: 'admin-pass-1' });
    await ws.close();
    const anchor = path.join(home, 'keys', 'accounts-enabled.json');
    await rm(anchor);
    ws = await open();
    expect(ws.accountsEnabled).toBe(true);
    await ws.close();
    const { readFile, writeFile } = await import('node:fs/promises');
    const marker = JSON.parse(await readFile(anchor, 'utf8')) as Record<string, string>;
    expect(marker).toMatchObject({ enabledBy: 'root' });
    await writeFile(anchor, JSON.stringify({ ...marker, certificate: 'AAAA' }));
    await expect(open()).rejects.toMatchObject({ params: { problem: 'problem.accountsMarkerMissing' } });
  });
});
