import type { AttributeValue } from '../model/index.js';

/** Rank of a value's kind in a sort: null first (as OGR SQL's ORDER BY puts it), then booleans, numbers, text. */
const rank = (v: AttributeValue): number =>
  v === null ? 0 : typeof v === 'boolean' ? 1 : typeof v === 'number' ? 2 : 3;

/**
 * Text in code point order (what OGR SQL's ORDER BY gives, comparing UTF-8 bytes): JavaScript's
 * `<` compares UTF-16 units, which puts characters beyond U+FFFF before U+E000–U+FFFF.
 */
export function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const surrogateX = x >= 0xd800 && x <= 0xdfff;
    const surrogateY = y >= 0xd800 && y <= 0xdfff;
    if (surrogateX !== surrogateY) return surrogateX ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Orders attribute values: null, false, true, numbers by value, text in code point order. */
export function compareValues(a: AttributeValue, b: AttributeValue): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return 0;
}

/** A value as the table shows it and text search reads it. */
export const valueText = (v: AttributeValue): string => (v === null ? '' : String(v));
