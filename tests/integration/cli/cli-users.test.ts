import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../support/gdal.js';
import { tempDir } from '../../support/samples.js';
import { SqliteConnection } from '../../../src-main/node/store/sqlite.js';
import { CLI, requireBuiltCli } from '../../support/cli.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let home: string;

/** Runs strata with `env` added (passwords); stdin is not a terminal, so nothing is asked for. */
const strata = (env: Record<string, string>, ...args: string[]) =>
  runCommand(process.execPath, [CLI, '--home', home, '--lang', 'en', ...args], env);
const asAdmin = (...args: string[]) =>
  strata({ STRATA_PASSWORD: 'admin-pass-1' }, '--user', 'admin1', ...args);
/** The administrator adds `name` in `role` with `password` as the new user's password. */
const addUser = (name: string, role: string, password: string, ...more: string[]) =>
  strata(
    { STRATA_PASSWORD: 'admin-pass-1', STRATA_NEW_PASSWORD: password },
    '--user',
    'admin1',
    'users',
    'add',
    name,
    '--role',
    role,
    ...more,
  );
const errorOf = (stderr: string): { code: string; message: string } =>
  (JSON.parse(stderr.trim().split('\n').at(-1) ?? '{}') as { error: { code: string; message: string } })
    .error;

beforeAll(async () => {
  requireBuiltCli();
  scratch = await tempDir('strata-cli-users-');
  home = path.join(scratch.dir, 'home');
});
afterAll(async () => {
  await scratch.cleanup();
});

describe('strata init and strata users — local accounts from the command line', () => {
  it('enables accounts with a first administrator, then acts only as a logged-in --user', async () => {
    // Before accounts: the local user in every role, as today.
    expect((await strata({}, 'list')).code).toBe(0);
    const noPassword = await strata({}, 'init', '--admin', 'admin1', '--json');
    expect(noPassword.code).toBe(1);
    expect(errorOf(noPassword.stderr)).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(errorOf(noPassword.stderr).message).toMatch(/STRATA_NEW_PASSWORD/);

    const init = await strata({ STRATA_NEW_PASSWORD: 'admin-pass-1' }, 'init', '--admin', 'admin1', '--json');
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ name: 'admin1', roles: ['admin'], trusted: true });
    const again = await strata(
      { STRATA_NEW_PASSWORD: 'admin-pass-2' },
      'init',
      '--admin',
      'admin2',
      '--json',
    );
    expect(errorOf(again.stderr).code).toBe('ACCOUNTS_ALREADY_ENABLED');

    const anonymous = await strata({}, 'list');
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toMatch(/Accounts are enabled on this workstation: log in with --user NAME/);
    const wrong = await strata({ STRATA_PASSWORD: 'nope' }, '--user', 'admin1', 'list', '--json');
    expect(errorOf(wrong.stderr)).toEqual({
      code: 'LOGIN_FAILED',
      params: {},
      message: 'Wrong user name or password',
    });

    const add = await addUser('zhang.wei', 'curator', 'curator-pass', '--display-name', '张伟', '--json');
    expect(add.code, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({
      name: 'zhang.wei',
      displayName: '张伟',
      roles: ['curator'],
    });
    const reviewer = await addUser('wang.shen', 'reviewer', 'reviewer-pass');
    expect(reviewer.code, reviewer.stderr).toBe(0);
    expect(reviewer.stdout).toMatch(/^wang\.shen\s+reviewer\s+-/);
    const badRole = await asAdmin('users', 'add', 'li.na', '--role', 'boss', '--json');
    expect(errorOf(badRole.stderr).message).toMatch(/unknown role boss/);

    // The curator works as a curator and nothing more.
    const curator = (...args: string[]) =>
      strata({ STRATA_PASSWORD: 'curator-pass' }, '--user', 'zhang.wei', ...args);
    expect((await curator('list')).code).toBe(0);
    expect(errorOf((await curator('review', 'ds_0123456789abcdef', '--json')).stderr).code).toBe('FORBIDDEN');
    expect(errorOf((await curator('users', 'list', '--json')).stderr).code).toBe('FORBIDDEN');

    expect((await asAdmin('users', 'set-role', 'wang.shen', 'reviewer,publisher', '--json')).code).toBe(0);
    const passwd = await strata(
      { STRATA_PASSWORD: 'reviewer-pass', STRATA_NEW_PASSWORD: 'reviewer-pass-2' },
      '--user',
      'wang.shen',
      'users',
      'passwd',
    );
    expect(passwd.code, passwd.stderr).toBe(0);
    expect(passwd.stdout.trim()).toBe('password of wang.shen changed');
    const old = await strata({ STRATA_PASSWORD: 'reviewer-pass' }, '--user', 'wang.shen', 'list', '--json');
    expect(errorOf(old.stderr).code).toBe('LOGIN_FAILED');
    expect((await strata({ STRATA_PASSWORD: 'reviewer-pass-2' }, '--user', 'wang.shen', 'list')).code).toBe(
      0,
    );
    expect((await asAdmin('users', 'disable', 'zhang.wei')).stdout).toMatch(
      /zhang\.wei\s+curator\s+disabled/,
    );
    expect(errorOf((await curator('list', '--json')).stderr).code).toBe('ACCOUNT_DISABLED');
    const list = await asAdmin('users', 'list', '--json');
    expect(
      (JSON.parse(list.stdout) as { name: string; roles: string[]; disabled: boolean }[]).map((u) => [
        u.name,
        u.roles,
        u.disabled,
      ]),
    ).toEqual([
      ['admin1', ['admin'], false],
      ['wang.shen', ['publisher', 'reviewer'], false],
      ['zhang.wei', ['curator'], true],
    ]);
    const audit = await asAdmin('audit', 'list', '--json');
    expect((JSON.parse(audit.stdout) as { actor: string; action: string }[]).slice(0, 3)).toMatchObject([
      { actor: 'admin1', action: 'account.disable' },
      { actor: 'wang.shen', action: 'account.changePassword' },
      { actor: 'admin1', action: 'account.setRoles' },
    ]);
  });

  it('refuses a role added in SQL, and will not start once the account rows are deleted', async () => {
    const conn = await SqliteConnection.open(path.join(home, 'catalogue.sqlite'));
    try {
      await conn.run(`UPDATE accounts SET roles = '["admin","reviewer"]' WHERE name = 'wang.shen'`);
    } finally {
      await conn.close();
    }
    const edited = await strata(
      { STRATA_PASSWORD: 'reviewer-pass' },
      '--user',
      'wang.shen',
      'list',
      '--json',
    );
    expect(errorOf(edited.stderr)).toMatchObject({ code: 'ACCOUNTS_TAMPERED' });
    expect(errorOf(edited.stderr).message).toMatch(/wang\.shen/);
    expect((await asAdmin('users', 'list')).stdout).toMatch(/wang\.shen\s+\S+\s+ALTERED/);

    const wipe = await SqliteConnection.open(path.join(home, 'catalogue.sqlite'));
    try {
      await wipe.run('DELETE FROM accounts');
    } finally {
      await wipe.close();
    }
    const open = await strata({}, 'list', '--json');
    expect(open.code).toBe(1);
    expect(errorOf(open.stderr)).toMatchObject({ code: 'ACCOUNTS_TAMPERED' });
    expect(errorOf(open.stderr).message).toMatch(/no enabled administrator/);
  });
});
