import { createHash } from 'node:crypto';

/** `prev_hash` of the first audit entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Version tag inside every hashed entry, so a future format change cannot collide with this one. */
export const AUDIT_HASH_VERSION = 1;

export type AuditDetailValue = string | number | boolean | null;

/** The fields an audit hash covers (everything in the row except the hash itself). */
export interface HashedAuditFields {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string | null;
  readonly details: Readonly<Record<string, AuditDetailValue>>;
  readonly prevHash: string;
}

function canonicalValue(value: AuditDetailValue): string {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError('audit details: numbers must be finite');
  }
  return JSON.stringify(value);
}

/**
 * Canonical JSON of the details object: keys sorted by UTF-16 code unit, no whitespace,
 * values as JSON.stringify writes them (finite numbers only). Also the form stored in the row,
 * so re-reading and re-serialising gives the same bytes.
 */
export function canonicalDetails(details: Readonly<Record<string, AuditDetailValue>>): string {
  const keys = Object.keys(details).sort();
  const parts = keys.map((k) => {
    const v = details[k];
    if (v === undefined) throw new TypeError('audit details: undefined value');
    return `${JSON.stringify(k)}:${canonicalValue(v)}`;
  });
  return `{${parts.join(',')}}`;
}

/**
 * The exact text hashed for one entry (see docs/adr/0041): a JSON object with keys in this
 * fixed sorted order — action, actor, at, details, prevHash, seq, subject, v.
 */
export function canonicalAuditText(e: HashedAuditFields): string {
  if (!Number.isSafeInteger(e.seq) || e.seq < 1) throw new TypeError('audit seq must be a positive integer');
  return (
    `{"action":${JSON.stringify(e.action)}` +
    `,"actor":${JSON.stringify(e.actor)}` +
    `,"at":${JSON.stringify(e.at)}` +
    `,"details":${canonicalDetails(e.details)}` +
    `,"prevHash":${JSON.stringify(e.prevHash)}` +
    `,"seq":${String(e.seq)}` +
    `,"subject":${JSON.stringify(e.subject)}` +
    `,"v":${String(AUDIT_HASH_VERSION)}}`
  );
}

/** SHA-256 (lower-case hex) of the UTF-8 bytes of the canonical text. */
export function auditHash(e: HashedAuditFields): string {
  return createHash('sha256').update(canonicalAuditText(e), 'utf8').digest('hex');
}
