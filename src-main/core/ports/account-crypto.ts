import type { AccountsEnabled, PasswordRecord, WrappedKey } from '../accounts/account.js';

/** A user's new key pair: the public key, and the private key wrapped under their password. */
export interface UserKeyPair {
  readonly publicKeyPem: string;
  readonly wrappedKey: WrappedKey;
}

/**
 * The cryptography of local accounts (ADR 0170): memory-hard password hashes, per-user Ed25519
 * keys wrapped under the password, and checking the workstation key's certificates.
 */
export interface AccountCrypto {
  hashPassword(password: string): Promise<PasswordRecord>;
  verifyPassword(password: string, record: PasswordRecord): Promise<boolean>;
  /** A fresh Ed25519 pair for account `name`, its private key wrapped under `password`. */
  newUserKey(name: string, password: string): Promise<UserKeyPair>;
  /**
   * The private key re-wrapped under `newPassword`; throws when `oldPassword` does not unwrap it
   * (or it is not the private half of `publicKeyPem`).
   */
  rewrapUserKey(
    name: string,
    keys: UserKeyPair,
    oldPassword: string,
    newPassword: string,
  ): Promise<WrappedKey>;
  /** SHA-256 (hex) of a public key's DER SPKI encoding; '' when `publicKeyPem` is not a key. */
  fingerprint(publicKeyPem: string): string;
  /** True when `signature` (base64) is the workstation key's Ed25519 signature of `data`. */
  verifyWorkstation(data: Uint8Array, signature: string): boolean;
  /**
   * The Ed25519 signature (base64) of `data` by account `name`'s own key, unwrapped with
   * `password` for this one signature (ADR 0176); throws when the password does not open it.
   */
  signAsUser(name: string, keys: UserKeyPair, password: string, data: Uint8Array): Promise<string>;
  /** True when `signature` (base64) is the Ed25519 signature of `data` by the key `publicKeyPem`. */
  verifyUser(publicKeyPem: string, data: Uint8Array, signature: string): boolean;
  /** SHA-256 (hex) of `data`. */
  sha256(data: Uint8Array): string;
}

/**
 * A copy of the certified "accounts enabled" marker kept beside the workstation key, outside the
 * catalogue: deleting the catalogue's account rows, marker and audit entries does not reopen the
 * transitional mode while this file remains (ADR 0170).
 */
export interface AccountsAnchor {
  /** The marker as stored (not yet checked), or null when there is none. */
  read(): Promise<AccountsEnabled | null>;
  write(marker: AccountsEnabled): Promise<void>;
}
