import iconv from 'iconv-lite';
import type { Secret, SecretInventory, SecretKind } from './secret-inventory.js';

export type PatternEncoding =
  'UTF-8' | 'GBK' | 'UTF-16LE' | 'UTF-16BE' | 'float64LE' | 'float64BE' | 'float32LE' | 'float32BE';

/** A byte pattern to search for; `secretIndex` points back into the inventory, never the value. */
export interface SecretPattern {
  readonly bytes: Uint8Array;
  readonly encoding: PatternEncoding;
  readonly kind: SecretKind;
  readonly secretIndex: number;
}

/** Shorter patterns than this match by chance in any binary file, so they are not searched. */
export const MIN_PATTERN_BYTES = 4;

function textPatterns(text: string): [PatternEncoding, Uint8Array][] {
  const utf8 = new Uint8Array(iconv.encode(text, 'utf8'));
  const out: [PatternEncoding, Uint8Array][] = [['UTF-8', utf8]];
  const gbk = new Uint8Array(iconv.encode(text, 'gbk'));
  if (!sameBytes(gbk, utf8)) out.push(['GBK', gbk]);
  out.push(['UTF-16LE', new Uint8Array(iconv.encode(text, 'utf16le'))]);
  out.push(['UTF-16BE', new Uint8Array(iconv.encode(text, 'utf16-be'))]);
  return out;
}

function numberPatterns(value: number, decimals: number): [PatternEncoding, Uint8Array][] {
  const out: [PatternEncoding, Uint8Array][] = textPatterns(value.toFixed(decimals));
  const b64 = new DataView(new ArrayBuffer(8));
  b64.setFloat64(0, value, true);
  out.push(['float64LE', new Uint8Array(b64.buffer.slice(0))]);
  b64.setFloat64(0, value, false);
  out.push(['float64BE', new Uint8Array(b64.buffer.slice(0))]);
  const b32 = new DataView(new ArrayBuffer(4));
  b32.setFloat32(0, value, true);
  out.push(['float32LE', new Uint8Array(b32.buffer.slice(0))]);
  b32.setFloat32(0, value, false);
  out.push(['float32BE', new Uint8Array(b32.buffer.slice(0))]);
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function patternsOf(secret: Secret): [PatternEncoding, Uint8Array][] {
  return 'text' in secret ? textPatterns(secret.text) : numberPatterns(secret.number, secret.decimals);
}

/** Every byte pattern of every secret, in UTF-8, GBK, UTF-16LE/BE and float64/32 both orders. */
export function secretPatterns(inventory: SecretInventory): SecretPattern[] {
  const out: SecretPattern[] = [];
  inventory.secrets.forEach((secret, secretIndex) => {
    for (const [encoding, bytes] of patternsOf(secret)) {
      if (bytes.length >= MIN_PATTERN_BYTES) out.push({ bytes, encoding, kind: secret.kind, secretIndex });
    }
  });
  return out;
}
