import { isRole, type Role } from '../api/caller.js';
import { StrataError } from '../api/errors.js';
import type { AccountView, SystemInfo } from '../api/types.js';
import { call, need, type CommandContext } from './command-context.js';

// `strata init --admin NAME` and `strata users …` (issue 7, ADR 0170).

const USERS_USAGE =
  'strata users add NAME --role ROLE[,ROLE] | users list | users disable NAME | users set-role NAME ROLE[,ROLE] | users passwd';

/** `curator,reviewer` → the roles; an unknown one is INVALID_ARGUMENT naming it. */
function rolesOf(text: string | undefined, what: string): Role[] {
  if (text === undefined || text.trim() === '')
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.missingArgument', what });
  return text.split(',').map((part) => {
    const role = part.trim();
    if (!isRole(role)) throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.unknownRole', role });
    return role;
  });
}

function accountLine(ctx: CommandContext, account: AccountView): string {
  const flags = [
    account.trusted ? null : ctx.out.text('cli.account.altered', {}),
    account.disabled ? ctx.out.text('cli.account.disabled', {}) : null,
    account.lockedUntil === null ? null : ctx.out.text('cli.account.locked', { until: account.lockedUntil }),
  ].filter((flag) => flag !== null);
  return `${account.name.padEnd(16)} ${account.roles.join(',').padEnd(28)} ${(flags.join(', ') || '-').padEnd(12)} ${account.displayName}`;
}

const printAccount = (ctx: CommandContext, account: AccountView): number => {
  ctx.out.result(account, () => accountLine(ctx, account));
  return 0;
};

export const USER_COMMANDS: Readonly<Record<string, (ctx: CommandContext) => Promise<number>>> = {
  async init(ctx) {
    const name = ctx.options['admin'];
    if (name === undefined)
      throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.missingArgument', what: '--admin NAME' });
    const info = await call<SystemInfo>(ctx, 'system.info', {});
    if (info.accountsEnabled) throw new StrataError('ACCOUNTS_ALREADY_ENABLED');
    const admin = await call<AccountView>(ctx, 'accounts.enable', {
      name,
      displayName: ctx.options['display-name'] ?? '',
      password: await ctx.newPassword(name),
    });
    ctx.out.result(admin, () => ctx.out.text('cli.accountsEnabled', { name: admin.name }));
    return 0;
  },
  async users(ctx) {
    const sub = ctx.positionals[1];
    if (sub === 'list') {
      const accounts = await call<AccountView[]>(ctx, 'users.list', {});
      ctx.out.result(accounts, () => accounts.map((a) => accountLine(ctx, a)).join('\n') || '(empty)');
      return 0;
    }
    if (sub === 'add') {
      const name = need(ctx, 2, 'NAME');
      const roles = rolesOf(ctx.options['role'], '--role ROLE');
      const account = await call<AccountView>(ctx, 'users.add', {
        name,
        displayName: ctx.options['display-name'] ?? '',
        roles,
        password: await ctx.newPassword(name),
      });
      return printAccount(ctx, account);
    }
    if (sub === 'disable')
      return printAccount(ctx, await call<AccountView>(ctx, 'users.disable', { name: need(ctx, 2, 'NAME') }));
    if (sub === 'set-role') {
      const name = need(ctx, 2, 'NAME');
      const roles = rolesOf(ctx.positionals[3], 'ROLE');
      return printAccount(ctx, await call<AccountView>(ctx, 'users.setRole', { name, roles }));
    }
    if (sub === 'passwd') {
      const info = await call<SystemInfo>(ctx, 'system.info', {});
      const changed = await call<{ changed: true }>(ctx, 'users.changePassword', {
        oldPassword: await ctx.currentPassword(),
        newPassword: await ctx.newPassword(info.user),
      });
      ctx.out.result(changed, () => ctx.out.text('cli.passwordChanged', { user: info.user }));
      return 0;
    }
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.usage', usage: USERS_USAGE });
  },
};
