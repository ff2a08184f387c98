import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificationBytes, type CertifiedAccount } from '../../../src-main/core/accounts/account.js';
import { createAccountCrypto, DEFAULT_KDF, unwrapUserKey } from '../../../src-main/node/accounts/index.js';

const workstation = generateKeyPairSync('ed25519');
const crypto = createAccountCrypto(workstation.publicKey.export({ type: 'spki', format: 'pem' }).toString());
const signed = (data: Uint8Array): string =>
  Buffer.from(sign(null, data, workstation.privateKey)).toString('base64');

describe('account cryptography', () => {
  it('hashes a password with scrypt at N=2^15 r=8 p=1 and a fresh salt, and verifies only that password', async () => {
    const a = await crypto.hashPassword('桂林-山水-2026');
    const b = await crypto.hashPassword('桂林-山水-2026');
    expect(a.params).toEqual({ N: 32768, r: 8, p: 1 });
    expect(DEFAULT_KDF).toEqual(a.params);
    expect(Buffer.from(a.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(a.hash, 'base64')).toHaveLength(32);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await crypto.verifyPassword('桂林-山水-2026', a)).toBe(true);
    expect(await crypto.verifyPassword('桂林-山水-2027', a)).toBe(false);
    expect(await crypto.verifyPassword('', a)).toBe(false);
  });

  it('refuses a stored hash whose parameters were weakened or made huge', async () => {
    const record = await crypto.hashPassword('secret-password');
    await expect(
      crypto.verifyPassword('secret-password', { ...record, params: { N: 1024, r: 8, p: 1 } }),
    ).rejects.toThrow(/scrypt parameters/);
    await expect(
      crypto.verifyPassword('secret-password', { ...record, params: { N: 2 ** 24, r: 8, p: 1 } }),
    ).rejects.toThrow(/scrypt parameters/);
  });

  it('wraps a new Ed25519 key under the password; only that password and that account unwrap it', async () => {
    const keys = await crypto.newUserKey('li.na', 'first-password');
    expect(keys.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(keys.wrappedKey.data).not.toContain('PRIVATE');
    expect(crypto.fingerprint(keys.publicKeyPem)).toMatch(/^[0-9a-f]{64}$/);
    expect(crypto.fingerprint('not a key')).toBe('');
    const key = await unwrapUserKey('li.na', keys, 'first-password');
    expect(key.asymmetricKeyType).toBe('ed25519');
    await expect(unwrapUserKey('li.na', keys, 'wrong-password')).rejects.toThrow();
    // The wrapped key is bound to its account name and public key (GCM associated data).
    await expect(unwrapUserKey('wang.shen', keys, 'first-password')).rejects.toThrow();
    const other = await crypto.newUserKey('li.na', 'first-password');
    await expect(
      unwrapUserKey('li.na', { ...keys, publicKeyPem: other.publicKeyPem }, 'first-password'),
    ).rejects.toThrow();

    const rewrapped = await crypto.rewrapUserKey('li.na', keys, 'first-password', 'second-password');
    expect(rewrapped.salt).not.toBe(keys.wrappedKey.salt);
    const again = await unwrapUserKey('li.na', { ...keys, wrappedKey: rewrapped }, 'second-password');
    expect(again.export({ type: 'pkcs8', format: 'der' })).toEqual(
      key.export({ type: 'pkcs8', format: 'der' }),
    );
    await expect(
      unwrapUserKey('li.na', { ...keys, wrappedKey: rewrapped }, 'first-password'),
    ).rejects.toThrow();
    await expect(crypto.rewrapUserKey('li.na', keys, 'not-it', 'x-password')).rejects.toThrow();
  });

  it('signs with the account’s own key under its password only, and verifies only that key over those bytes', async () => {
    const keys = await crypto.newUserKey('wang.shen', 'wang-shen-password');
    const data = new TextEncoder().encode('strata.review-approval.v1\n[]');
    const signature = await crypto.signAsUser('wang.shen', keys, 'wang-shen-password', data);
    expect(Buffer.from(signature, 'base64')).toHaveLength(64);
    expect(crypto.verifyUser(keys.publicKeyPem, data, signature)).toBe(true);
    expect(crypto.verifyUser(keys.publicKeyPem, new TextEncoder().encode('other'), signature)).toBe(false);
    const stranger = await crypto.newUserKey('li.na', 'li-na-password');
    expect(crypto.verifyUser(stranger.publicKeyPem, data, signature)).toBe(false);
    expect(crypto.verifyUser('not a key', data, signature)).toBe(false);
    expect(crypto.verifyUser(keys.publicKeyPem, data, 'c2hvcnQ=')).toBe(false);
    await expect(crypto.signAsUser('wang.shen', keys, 'wrong-password', data)).rejects.toThrow();
    // The wrapped key belongs to its account: another name does not unwrap it.
    await expect(crypto.signAsUser('li.na', keys, 'wang-shen-password', data)).rejects.toThrow();
    expect(crypto.sha256(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('accepts the workstation certificate of an account and refuses it once any certified field changes', async () => {
    const keys = await crypto.newUserKey('zhang.wei', 'password-123');
    const account: CertifiedAccount = {
      name: 'zhang.wei',
      displayName: '张伟',
      roles: ['curator'],
      disabled: false,
      password: await crypto.hashPassword('password-123'),
      ...keys,
      revision: 1,
      createdAt: '2026-12-04T08:00:00.000Z',
      createdBy: 'admin1',
    };
    const certificate = signed(certificationBytes(account));
    expect(crypto.verifyWorkstation(certificationBytes(account), certificate)).toBe(true);
    const edits: Partial<CertifiedAccount>[] = [
      { roles: ['curator', 'reviewer'] },
      { disabled: true },
      { revision: 2 },
      { displayName: '张 伟' },
      { name: 'zhang.wei2' },
      { password: await crypto.hashPassword('password-123') },
      { publicKeyPem: (await crypto.newUserKey('zhang.wei', 'x-password')).publicKeyPem },
    ];
    for (const edit of edits)
      expect(crypto.verifyWorkstation(certificationBytes({ ...account, ...edit }), certificate)).toBe(false);
    expect(crypto.verifyWorkstation(certificationBytes(account), 'AAAA')).toBe(false);
    const stranger = generateKeyPairSync('ed25519');
    const forged = Buffer.from(sign(null, certificationBytes(account), stranger.privateKey)).toString(
      'base64',
    );
    expect(crypto.verifyWorkstation(certificationBytes(account), forged)).toBe(false);
  });
});
