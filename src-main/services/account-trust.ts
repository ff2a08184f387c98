import {
  ACCOUNTS_SUBJECT,
  accountSubject,
  certificationBytes,
  enabledBytes,
  type AccountRow,
  type AccountsEnabled,
  type CertifiedAccount,
} from '../core/accounts/account.js';
import type { LoginCounters } from '../core/accounts/lockout.js';
import type { AuditInput, CatalogueTx } from '../core/ports/index.js';
import { StrataError } from '../api/errors.js';
import type { ServiceDeps } from './deps.js';

// What makes an account row trustworthy (ADR 0170): the workstation key's certificate over its
// fields, and a revision equal to the one the latest audit entry about the account names (so an
// older certified row copied back is refused as well as an edited one).

type Deps = Pick<ServiceDeps, 'store' | 'signer' | 'accounts' | 'accountsAnchor'>;

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** The row for `account`, certified by the workstation key. */
export const certify = (deps: Deps, account: CertifiedAccount, counters: LoginCounters): AccountRow => ({
  name: account.name,
  displayName: account.displayName,
  roles: account.roles,
  disabled: account.disabled,
  password: account.password,
  publicKeyPem: account.publicKeyPem,
  wrappedKey: account.wrappedKey,
  revision: account.revision,
  createdAt: account.createdAt,
  createdBy: account.createdBy,
  certificate: base64(deps.signer.sign(certificationBytes(account))),
  failedAttempts: counters.failedAttempts,
  lockedUntil: counters.lockedUntil,
});

/** True when the row carries the workstation key's certificate over exactly its fields. */
function certified(deps: Deps, row: AccountRow): boolean {
  try {
    return deps.accounts.verifyWorkstation(certificationBytes(row), row.certificate);
  } catch {
    // An edited JSON column may not even have the shape the certificate covers.
    return false;
  }
}

/** Certified, and the latest audit entry about the account is of this very revision. */
export async function trusted(deps: Deps, row: AccountRow): Promise<boolean> {
  if (!certified(deps, row)) return false;
  const latest = await deps.store.latestAuditFor(accountSubject(row.name));
  return latest?.details['revision'] === row.revision;
}

/** The trusted row of `name`; null when there is none; ACCOUNTS_TAMPERED when one is there but altered. */
export async function trustedAccount(deps: Deps, name: string): Promise<AccountRow | null> {
  const row = await deps.store.getAccount(name);
  if (row === null) return null;
  if (!(await trusted(deps, row)))
    throw new StrataError('ACCOUNTS_TAMPERED', { problem: 'problem.accountAltered', name });
  return row;
}

/** Writes an account row and the audit entry naming its revision, in the caller's transaction. */
export async function writeAccount(
  tx: CatalogueTx,
  row: AccountRow,
  audit: Omit<AuditInput, 'subject'>,
): Promise<void> {
  await tx.putAccount(row);
  await tx.appendAudit({
    ...audit,
    subject: accountSubject(row.name),
    details: { ...audit.details, revision: row.revision },
  });
}

/** The certified marker that accounts are enabled, as both the catalogue and the anchor keep it. */
export function enabledMarker(deps: Deps, enabledAt: string, enabledBy: string): AccountsEnabled {
  const marker = { enabledAt, enabledBy };
  return { ...marker, certificate: base64(deps.signer.sign(enabledBytes(marker))) };
}

function validMarker(deps: Deps, marker: AccountsEnabled | null): marker is AccountsEnabled {
  if (marker === null || typeof marker.certificate !== 'string') return false;
  return deps.accounts.verifyWorkstation(enabledBytes(marker), marker.certificate);
}

const tampered = (problem: 'problem.accountsMarkerMissing' | 'problem.accountsNoAdmin'): StrataError =>
  new StrataError('ACCOUNTS_TAMPERED', { problem });

/**
 * Whether this catalogue runs with accounts. False only while nothing says they were ever enabled:
 * no marker in the catalogue or beside the key, no audit entry of enabling, no account row. Once
 * anything says so, the catalogue's certified marker and an enabled administrator with a trusted
 * row must be there, or this throws ACCOUNTS_TAMPERED: deleting rows does not reopen the
 * transitional mode. A lost anchor file is written again from a valid catalogue marker.
 */
export async function accountsEnabled(deps: Deps): Promise<boolean> {
  const stored = (await deps.store.getSetting('accounts')) as AccountsEnabled | null;
  const anchor = await deps.accountsAnchor.read();
  const entry = await deps.store.latestAuditFor(ACCOUNTS_SUBJECT);
  const rows = await deps.store.listAccounts();
  if (stored === null && anchor === null && entry === null && rows.length === 0) return false;
  if (!validMarker(deps, stored) || entry === null) throw tampered('problem.accountsMarkerMissing');
  if (anchor === null) await deps.accountsAnchor.write(stored);
  else if (anchor.certificate !== stored.certificate) throw tampered('problem.accountsMarkerMissing');
  for (const row of rows)
    if (row.roles.includes('admin') && !row.disabled && (await trusted(deps, row))) return true;
  throw tampered('problem.accountsNoAdmin');
}
