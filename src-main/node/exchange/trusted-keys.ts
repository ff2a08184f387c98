import { createPublicKey, type KeyObject } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StrataError } from '../../api/errors.js';
import type { PinnedKey, TrustedKeys } from '../../core/ports/index.js';
import { publicKeyFingerprint, publishOnce } from './keystore.js';

/** Longest PEM accepted for a public key (an Ed25519 SPKI PEM is about 113 bytes). */
const MAX_PEM = 4096;

function ed25519Key(pem: string): KeyObject | null {
  if (pem.length > MAX_PEM) return null;
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

const pinnedOf = (key: KeyObject): PinnedKey => ({
  fingerprint: publicKeyFingerprint(key),
  pem: key.export({ type: 'spki', format: 'pem' }).toString(),
});

/**
 * Pinned keys as files `<fingerprint>.pem` in `dir` (mode 0700, inside the workstation's `keys/`).
 * A file is trusted only when it holds an Ed25519 key whose fingerprint is its name, so a file
 * renamed or edited by hand pins nothing.
 */
export function openTrustedKeys(dir: string): TrustedKeys {
  return {
    async list() {
      const names = await readdir(dir).catch(() => [] as string[]);
      const keys: PinnedKey[] = [];
      for (const name of names.filter((n) => n.endsWith('.pem')).sort()) {
        const key = ed25519Key(await readFile(join(dir, name), 'utf8').catch(() => ''));
        if (key && `${publicKeyFingerprint(key)}.pem` === name) keys.push(pinnedOf(key));
      }
      return keys;
    },
    async pin(pem) {
      const key = ed25519Key(pem);
      if (!key) throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.keyNotEd25519Pem' });
      const pinned = pinnedOf(key);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const added = await publishOnce(dir, `${pinned.fingerprint}.pem`, pinned.pem, 0o644);
      return { key: pinned, added };
    },
  };
}
