import type { Role } from '../model/roles.js';

/** Account names: lower-case ASCII letters, digits, `.`, `_`, `-` (they appear in audit entries). */
export const ACCOUNT_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** scrypt cost parameters, kept with every hash and wrapped key they made (ADR 0170). */
export interface KdfParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** A password's scrypt hash (base64) with its salt (base64) and parameters. */
export interface PasswordRecord {
  readonly hash: string;
  readonly salt: string;
  readonly params: KdfParams;
}

/**
 * A user's Ed25519 private key (PKCS#8 DER) sealed with AES-256-GCM under a key scrypt derives
 * from their password; the account name and public key are its associated data. All base64.
 */
export interface WrappedKey {
  readonly salt: string;
  readonly params: KdfParams;
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

/** What the workstation key certifies about an account: everything that grants or proves anything. */
export interface CertifiedAccount {
  readonly name: string;
  readonly displayName: string;
  /** Sorted, each once. */
  readonly roles: readonly Role[];
  readonly disabled: boolean;
  readonly password: PasswordRecord;
  /** SPKI PEM of the user's Ed25519 key. */
  readonly publicKeyPem: string;
  readonly wrappedKey: WrappedKey;
  /** 1 when created, +1 on every change; the audit entry of the change names it. */
  readonly revision: number;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** An account row as stored: the certified fields, their certificate and the login counters. */
export interface AccountRow extends CertifiedAccount {
  /** Ed25519 signature (base64) of `certificationBytes(row)` by the workstation key. */
  readonly certificate: string;
  readonly failedAttempts: number;
  /** ISO time until which logins are refused; null when not locked. */
  readonly lockedUntil: string | null;
}

/** The audit subject of an account's changes. */
export const accountSubject = (name: string): string => `account:${name}`;
/**
 * The audit subject of a user's sessions (ADR 0175): apart from `account:NAME`, whose latest
 * entry must name the row's revision for the row to be trusted.
 */
export const sessionSubject = (name: string): string => `session:${name}`;

/** The audit subject of the entry that enabled accounts on this catalogue. */
export const ACCOUNTS_SUBJECT = 'accounts';

const canonicalParams = (p: KdfParams): KdfParams => ({ N: p.N, r: p.r, p: p.p });

/**
 * The exact bytes the workstation key signs for an account: a domain tag, then the certified
 * fields as JSON in a fixed order (so no field can be dropped, added or reordered unnoticed).
 */
export function certificationBytes(account: CertifiedAccount): Uint8Array {
  const w = account.wrappedKey;
  const body = JSON.stringify([
    account.name,
    account.displayName,
    [...account.roles].sort(),
    account.disabled,
    [account.password.hash, account.password.salt, canonicalParams(account.password.params)],
    account.publicKeyPem,
    [w.salt, canonicalParams(w.params), w.iv, w.tag, w.data],
    account.revision,
    account.createdAt,
    account.createdBy,
  ]);
  return new TextEncoder().encode(`strata.account.v1\n${body}`);
}

/** The marker that accounts are enabled, kept as a certified setting (ADR 0170). */
export interface AccountsEnabled {
  readonly enabledAt: string;
  readonly enabledBy: string;
  /** Ed25519 signature (base64) of `enabledBytes` by the workstation key. */
  readonly certificate: string;
}

export const enabledBytes = (marker: Omit<AccountsEnabled, 'certificate'>): Uint8Array =>
  new TextEncoder().encode(
    `strata.accounts-enabled.v1\n${JSON.stringify([marker.enabledAt, marker.enabledBy])}`,
  );

/** Roles sorted and each once, as rows store them. */
export const normaliseRoles = (roles: readonly Role[]): Role[] => [...new Set(roles)].sort();
