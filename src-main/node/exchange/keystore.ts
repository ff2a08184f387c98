import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  sign,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { StrataError } from '../../api/errors.js';
import type { BagSigner } from '../../core/ports/index.js';
import { isErrnoException, syncDirectory, writeNewFileDurably } from '../fs/durable-fs.js';

export const PRIVATE_KEY_FILE = 'strata-signing-key.pem';
export const PUBLIC_KEY_FILE = 'strata-signing-key.pub.pem';

/** SHA-256 (hex) of a public key's DER SPKI encoding: the key's fingerprint everywhere in Strata. */
export const publicKeyFingerprint = (key: KeyObject): string =>
  createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex');

const tempName = (dir: string, name: string): string =>
  join(dir, `.${name}.${process.pid}.${Date.now()}.tmp`);

/**
 * Publishes `data` as `dir/name` unless that file exists already: written to a temp file, fsynced,
 * then hard-linked into place (link fails on an existing name, unlike rename), so two processes
 * creating the key at once cannot replace each other's key. Returns false when it already existed.
 */
export async function publishOnce(dir: string, name: string, data: string, mode: number): Promise<boolean> {
  const temp = tempName(dir, name);
  await writeNewFileDurably(temp, Buffer.from(data, 'utf8'), mode);
  try {
    await link(temp, join(dir, name));
    return true;
  } catch (error) {
    if (isErrnoException(error) && error.code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp);
    await syncDirectory(dir);
  }
}

async function loadPrivateKey(path: string): Promise<KeyObject> {
  const pem = await readFile(path, 'utf8');
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new StrataError('CORRUPT_FILE', { file: basename(path), problem: 'problem.notPemKey' });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new StrataError('CORRUPT_FILE', { file: basename(path), problem: 'problem.notEd25519Key' });
  }
  // A copied-in key file may be readable by others; the signing key must not be.
  if (process.platform !== 'win32') await chmod(path, 0o600);
  return key;
}

/** Writes the public key beside the private one when missing or different (temp + fsync + rename). */
async function refreshPublicKey(dir: string, pem: string): Promise<void> {
  const path = join(dir, PUBLIC_KEY_FILE);
  const current = await readFile(path, 'utf8').catch(() => null);
  if (current === pem) return;
  const temp = tempName(dir, PUBLIC_KEY_FILE);
  await writeNewFileDurably(temp, Buffer.from(pem, 'utf8'), 0o644);
  await rename(temp, path);
  await syncDirectory(dir);
}

/** The workstation key: it signs packages and certificates and yields the audit key (ADR 0185). */
export interface WorkstationKey extends BagSigner {
  /** 32 bytes derived (HKDF-SHA256) from the private key; never stored anywhere. */
  auditSecret(): Uint8Array;
}

const AUDIT_KEY_INFO = 'strata audit key v1';

/**
 * Opens the workstation key pair in `dir`, creating an Ed25519 pair on first use: private key as
 * PKCS#8 PEM with mode 0600, public key as SPKI PEM beside it. Both files are written to a temp
 * name, fsynced and then put in place; an existing private key is never replaced.
 */
export async function openKeystore(dir: string): Promise<WorkstationKey> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const privatePath = join(dir, PRIVATE_KEY_FILE);
  const exists = await open(privatePath, 'r').then(
    async (handle) => {
      await handle.close();
      return true;
    },
    (error: unknown) => {
      if (isErrnoException(error) && error.code === 'ENOENT') return false;
      throw error;
    },
  );
  if (!exists) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
    await publishOnce(dir, PRIVATE_KEY_FILE, typeof pem === 'string' ? pem : pem.toString('utf8'), 0o600);
  }
  const privateKey = await loadPrivateKey(privatePath);
  const publicKey = createPublicKey(privateKey);
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const fingerprint = publicKeyFingerprint(publicKey);
  await refreshPublicKey(dir, publicPem);
  return {
    publicKeyPem: () => publicPem,
    fingerprint: () => fingerprint,
    sign: (data) => new Uint8Array(sign(null, data, privateKey)),
    auditSecret: () => {
      const { d } = privateKey.export({ format: 'jwk' });
      if (typeof d !== 'string') throw new Error('workstation key has no private part');
      return new Uint8Array(
        hkdfSync('sha256', Buffer.from(d, 'base64url'), Buffer.alloc(0), AUDIT_KEY_INFO, 32),
      );
    },
  };
}
