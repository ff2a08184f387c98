import { createHmac } from 'node:crypto';

/**
 * The audit key (ADR 0185): HMAC-SHA256 under a secret derived from the workstation key, which
 * lives outside the catalogue. Every text it keys starts with a domain tag (`audit|`, `version|`,
 * `head|`), so a key for one kind of thing is never a key for another.
 */
export interface LedgerKey {
  mac(text: string): string;
}

export function ledgerKey(secret: Uint8Array): LedgerKey {
  if (secret.length < 32) throw new TypeError('audit key: at least 32 bytes');
  const key = Buffer.from(secret);
  return { mac: (text) => createHmac('sha256', key).update(text, 'utf8').digest('hex') };
}

export const auditEntryMacText = (seq: number, hash: string): string => `audit|${String(seq)}|${hash}`;
export const versionLinkMacText = (seq: number, hash: string): string => `version|${String(seq)}|${hash}`;
