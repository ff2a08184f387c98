import {
  createCipheriv,
  createHash,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  scrypt,
  sign,
  timingSafeEqual,
  verify,
  type KeyObject,
} from 'node:crypto';
import type { KdfParams, PasswordRecord, WrappedKey } from '../../core/accounts/account.js';
import type { AccountCrypto, UserKeyPair } from '../../core/ports/index.js';
import { publicKeyFingerprint } from '../exchange/keystore.js';

/** scrypt N = 2^15, r = 8, p = 1: 32 MiB and about 0.1 s per hash (ADR 0170). */
export const DEFAULT_KDF: KdfParams = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });
/** The weakest parameters a stored hash may claim: a row asking for less is refused, not trusted. */
const MIN_KDF: KdfParams = { N: 2 ** 14, r: 8, p: 1 };
/** The strongest a stored row may ask for (so a tampered row cannot make a login exhaust memory). */
const MAX_KDF_MEMORY = 512 * 1024 * 1024;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const IV_BYTES = 12;

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const unb64 = (text: string): Buffer => Buffer.from(text, 'base64');

function checkParams(params: KdfParams): void {
  const { N, r, p } = params;
  const valid =
    [N, r, p].every(Number.isSafeInteger) &&
    N >= MIN_KDF.N &&
    (N & (N - 1)) === 0 &&
    r >= MIN_KDF.r &&
    p >= MIN_KDF.p &&
    128 * N * r * p <= MAX_KDF_MEMORY;
  if (!valid) throw new Error('scrypt parameters out of range');
}

function derive(password: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  checkParams(params);
  const { N, r, p } = params;
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_BYTES,
      { N, r, p, maxmem: 2 * 128 * N * r * p },
      (error, key) => {
        if (error) reject(error);
        else resolve(key);
      },
    );
  });
}

/** The GCM associated data: the wrapped key belongs to this account and this public key only. */
const wrapAad = (name: string, publicKeyPem: string): Buffer =>
  Buffer.from(`strata.user-key.v1\n${name}\n${publicKeyPem}`, 'utf8');

async function wrap(
  name: string,
  publicKeyPem: string,
  privateKey: KeyObject,
  password: string,
  params: KdfParams,
): Promise<WrappedKey> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', await derive(password, salt, params), iv);
  cipher.setAAD(wrapAad(name, publicKeyPem));
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  const data = Buffer.concat([cipher.update(der), cipher.final()]);
  return { salt: b64(salt), params, iv: b64(iv), tag: b64(cipher.getAuthTag()), data: b64(data) };
}

/** The user's private key; throws when the password (or the stored bytes) do not open it. */
export async function unwrapUserKey(name: string, keys: UserKeyPair, password: string): Promise<KeyObject> {
  const w = keys.wrappedKey;
  const decipher = createDecipheriv(
    'aes-256-gcm',
    await derive(password, unb64(w.salt), w.params),
    unb64(w.iv),
  );
  decipher.setAAD(wrapAad(name, keys.publicKeyPem));
  decipher.setAuthTag(unb64(w.tag));
  const der = Buffer.concat([decipher.update(unb64(w.data)), decipher.final()]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const publicPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  if (publicPem !== keys.publicKeyPem) throw new Error('wrapped key is not the account key');
  return privateKey;
}

/** True when `signature` (base64, 64 bytes) is `key`'s Ed25519 signature of `data`. */
function verifiedBy(key: KeyObject, data: Uint8Array, signature: string): boolean {
  const bytes = unb64(signature);
  try {
    return bytes.length === 64 && verify(null, data, key, bytes);
  } catch {
    return false;
  }
}

/** Account cryptography over node:crypto; certificates are checked against `workstationKeyPem`. */
export function createAccountCrypto(
  workstationKeyPem: string,
  params: KdfParams = DEFAULT_KDF,
): AccountCrypto {
  const workstationKey = createPublicKey(workstationKeyPem);
  return {
    async hashPassword(password: string): Promise<PasswordRecord> {
      const salt = randomBytes(SALT_BYTES);
      return { hash: b64(await derive(password, salt, params)), salt: b64(salt), params };
    },
    async verifyPassword(password: string, record: PasswordRecord): Promise<boolean> {
      const expected = unb64(record.hash);
      const actual = await derive(password, unb64(record.salt), record.params);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
    async newUserKey(name: string, password: string): Promise<UserKeyPair> {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
      return { publicKeyPem, wrappedKey: await wrap(name, publicKeyPem, privateKey, password, params) };
    },
    async rewrapUserKey(name, keys, oldPassword, newPassword): Promise<WrappedKey> {
      const privateKey = await unwrapUserKey(name, keys, oldPassword);
      return wrap(name, keys.publicKeyPem, privateKey, newPassword, params);
    },
    fingerprint(publicKeyPem: string): string {
      try {
        return publicKeyFingerprint(createPublicKey(publicKeyPem));
      } catch {
        return '';
      }
    },
    verifyWorkstation(data: Uint8Array, signature: string): boolean {
      return verifiedBy(workstationKey, data, signature);
    },
    async signAsUser(name, keys, password, data): Promise<string> {
      return b64(sign(null, data, await unwrapUserKey(name, keys, password)));
    },
    verifyUser(publicKeyPem: string, data: Uint8Array, signature: string): boolean {
      try {
        return verifiedBy(createPublicKey(publicKeyPem), data, signature);
      } catch {
        // An edited row's key may not even parse.
        return false;
      }
    },
    sha256: (data: Uint8Array): string => createHash('sha256').update(data).digest('hex'),
  };
}
