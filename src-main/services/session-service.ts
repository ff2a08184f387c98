import { AFTER_SUCCESS, afterFailure, lockedUntil } from '../core/accounts/lockout.js';
import type { AccountRow, PasswordRecord } from '../core/accounts/account.js';
import { accountSubject } from '../core/accounts/account.js';
import type { CallContext } from '../api/caller.js';
import { StrataError } from '../api/errors.js';
import { certify, trustedAccount, writeAccount } from './account-trust.js';
import type { ServiceDeps } from './deps.js';

// Logging in and changing one's own password (ADR 0170).

/** A hash of no one's password, checked for unknown names so they take as long as known ones. */
const decoys = new WeakMap<ServiceDeps['accounts'], Promise<PasswordRecord>>();
function decoy(deps: ServiceDeps): Promise<PasswordRecord> {
  let record = decoys.get(deps.accounts);
  if (record === undefined) {
    record = deps.accounts.hashPassword('strata decoy password');
    decoys.set(deps.accounts, record);
  }
  return record;
}

/**
 * Checks `password` against a trusted account, keeping its login counters: a locked account is
 * refused before the password is looked at (ACCOUNT_LOCKED); a wrong one counts a failure
 * (LOGIN_FAILED, or ACCOUNT_LOCKED when it was the one that locked the account, audited).
 */
export async function checkPassword(deps: ServiceDeps, row: AccountRow, password: string): Promise<void> {
  const now = deps.clock.now();
  const until = lockedUntil(row, now);
  if (until !== null) throw new StrataError('ACCOUNT_LOCKED', { until });
  if (await deps.accounts.verifyPassword(password, row.password)) {
    if (row.failedAttempts > 0 || row.lockedUntil !== null)
      await deps.store.write((tx) => tx.setLoginCounters(row.name, AFTER_SUCCESS));
    return;
  }
  // Counted from the counters inside the write, so failures at the same moment all count.
  const counters = await deps.store.write(async (tx) => {
    const next = afterFailure((await tx.loginCounters(row.name)) ?? row, now);
    await tx.setLoginCounters(row.name, next);
    if (next.lockedUntil === null) return next;
    await tx.appendAudit({
      actor: row.name,
      action: 'account.locked',
      subject: accountSubject(row.name),
      details: {
        revision: row.revision,
        failedAttempts: next.failedAttempts,
        until: next.lockedUntil,
      },
    });
    return next;
  });
  if (counters.lockedUntil !== null) throw new StrataError('ACCOUNT_LOCKED', { until: counters.lockedUntil });
  throw new StrataError('LOGIN_FAILED');
}

/** The caller a correct password makes: the user in the roles of their trusted account row. */
export async function login(deps: ServiceDeps, name: string, password: string): Promise<CallContext> {
  const row = await trustedAccount(deps, name);
  if (row === null) {
    await deps.accounts.verifyPassword(password, await decoy(deps));
    throw new StrataError('LOGIN_FAILED');
  }
  await checkPassword(deps, row, password);
  if (row.disabled) throw new StrataError('ACCOUNT_DISABLED');
  return { user: row.name, roles: row.roles };
}

/** Replaces the caller's own password, re-wrapping their private key under the new one. */
export async function changePassword(
  deps: ServiceDeps,
  ctx: CallContext,
  oldPassword: string,
  newPassword: string,
): Promise<void> {
  const row = await trustedAccount(deps, ctx.user);
  if (row === null) throw new StrataError('ACCOUNTS_NOT_ENABLED');
  await checkPassword(deps, row, oldPassword);
  const wrappedKey = await deps.accounts.rewrapUserKey(row.name, row, oldPassword, newPassword);
  const password = await deps.accounts.hashPassword(newPassword);
  const next = certify(deps, { ...row, password, wrappedKey, revision: row.revision + 1 }, AFTER_SUCCESS);
  await deps.store.write((tx) =>
    writeAccount(tx, next, { actor: ctx.user, action: 'account.changePassword', details: {} }),
  );
}
