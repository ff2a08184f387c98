import {
  normaliseRoles,
  type AccountRow,
  type CertifiedAccount,
  ACCOUNTS_SUBJECT,
} from '../core/accounts/account.js';
import { AFTER_SUCCESS, lockedUntil } from '../core/accounts/lockout.js';
import type { Role } from '../core/model/roles.js';
import type { CallContext } from '../api/caller.js';
import { StrataError } from '../api/errors.js';
import type { AccountView } from '../api/types.js';
import {
  accountsEnabled,
  certify,
  enabledMarker,
  trusted,
  trustedAccount,
  writeAccount,
} from './account-trust.js';
import type { ServiceDeps } from './deps.js';

// Account administration (ADR 0170): each change is a new certified revision of the row, written
// with its audit entry (the acting user and the role they acted in) in one transaction.

export interface NewAccount {
  readonly name: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly password: string;
}

async function view(deps: ServiceDeps, row: AccountRow): Promise<AccountView> {
  return {
    name: row.name,
    displayName: row.displayName,
    roles: row.roles,
    disabled: row.disabled,
    lockedUntil: lockedUntil(row, deps.clock.now()),
    trusted: await trusted(deps, row),
    revision: row.revision,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    keyFingerprint: deps.accounts.fingerprint(row.publicKeyPem),
  };
}

async function newAccount(deps: ServiceDeps, ctx: CallContext, account: NewAccount): Promise<AccountRow> {
  const keys = await deps.accounts.newUserKey(account.name, account.password);
  const fields: CertifiedAccount = {
    name: account.name,
    displayName: account.displayName,
    roles: normaliseRoles(account.roles),
    disabled: false,
    password: await deps.accounts.hashPassword(account.password),
    ...keys,
    revision: 1,
    createdAt: deps.clock.now().toISOString(),
    createdBy: ctx.user,
  };
  return certify(deps, fields, AFTER_SUCCESS);
}

/** Every method here is an administrator's (the contract says so): the role its audit entries name. */
const AS_ADMIN = { actingRole: 'admin' } as const;

/**
 * Enables accounts with their first administrator (`strata init --admin`): the account row, the
 * certified marker (in the catalogue, then beside the key) and the audit entry, at once.
 */
export async function enableAccounts(
  deps: ServiceDeps,
  ctx: CallContext,
  admin: Omit<NewAccount, 'roles'>,
): Promise<AccountView> {
  if (await accountsEnabled(deps)) throw new StrataError('ACCOUNTS_ALREADY_ENABLED');
  const row = await newAccount(deps, ctx, { ...admin, roles: ['admin'] });
  const marker = enabledMarker(deps, row.createdAt, ctx.user);
  await deps.store.write(async (tx) => {
    await tx.putSetting('accounts', marker, ctx.user);
    await tx.appendAudit({
      actor: ctx.user,
      action: 'accounts.enable',
      subject: ACCOUNTS_SUBJECT,
      details: { admin: row.name },
    });
    await writeAccount(tx, row, {
      actor: ctx.user,
      action: 'account.add',
      details: { roles: row.roles.join(','), ...AS_ADMIN },
    });
  });
  await deps.accountsAnchor.write(marker);
  return view(deps, row);
}

async function requireEnabled(deps: ServiceDeps): Promise<void> {
  if (!(await accountsEnabled(deps))) throw new StrataError('ACCOUNTS_NOT_ENABLED');
}

/** Adds an account (an administrator's act); its password is hashed and wraps its new key. */
export async function addUser(
  deps: ServiceDeps,
  ctx: CallContext,
  account: NewAccount,
): Promise<AccountView> {
  await requireEnabled(deps);
  if ((await deps.store.getAccount(account.name)) !== null)
    throw new StrataError('ACCOUNT_EXISTS', { name: account.name });
  const row = await newAccount(deps, ctx, account);
  await deps.store.write((tx) =>
    writeAccount(tx, row, {
      actor: ctx.user,
      action: 'account.add',
      details: { roles: row.roles.join(','), ...AS_ADMIN },
    }),
  );
  return view(deps, row);
}

export async function listUsers(deps: ServiceDeps): Promise<AccountView[]> {
  const rows = await deps.store.listAccounts();
  return Promise.all(rows.map((row) => view(deps, row)));
}

/** Other enabled administrators with trusted rows than `name`. */
async function otherAdmins(deps: ServiceDeps, name: string): Promise<number> {
  let count = 0;
  for (const row of await deps.store.listAccounts())
    if (row.name !== name && row.roles.includes('admin') && !row.disabled && (await trusted(deps, row)))
      count += 1;
  return count;
}

/**
 * A new certified revision of a trusted account with `change` applied, written with its audit
 * entry. Refuses to leave the workstation without an enabled administrator.
 */
async function revise(
  deps: ServiceDeps,
  ctx: CallContext,
  name: string,
  action: string,
  change: (row: AccountRow) => Partial<CertifiedAccount>,
): Promise<AccountView> {
  await requireEnabled(deps);
  const row = await trustedAccount(deps, name);
  if (row === null) throw new StrataError('NOT_FOUND', { what: name });
  const changed: CertifiedAccount = { ...row, ...change(row), revision: row.revision + 1 };
  const stillAdmin = changed.roles.includes('admin') && !changed.disabled;
  if (row.roles.includes('admin') && !stillAdmin && (await otherAdmins(deps, name)) === 0)
    throw new StrataError('LAST_ADMIN', { name });
  const next = certify(deps, changed, row);
  await deps.store.write((tx) =>
    writeAccount(tx, next, {
      actor: ctx.user,
      action,
      details: { roles: next.roles.join(','), disabled: next.disabled, ...AS_ADMIN },
    }),
  );
  return view(deps, next);
}

export const disableUser = (deps: ServiceDeps, ctx: CallContext, name: string): Promise<AccountView> =>
  revise(deps, ctx, name, 'account.disable', () => ({ disabled: true }));

export const setUserRoles = (
  deps: ServiceDeps,
  ctx: CallContext,
  name: string,
  roles: readonly Role[],
): Promise<AccountView> =>
  revise(deps, ctx, name, 'account.setRoles', () => ({ roles: normaliseRoles(roles) }));
