import type { AttributeValue } from '../model/index.js';
import { compareText } from './values.js';

/** The kind of a value, in sort order (see compareValues): null, boolean, number, text. */
const kindOf = (v: AttributeValue): number =>
  v === null ? 0 : typeof v === 'boolean' ? 1 : typeof v === 'number' ? 2 : 3;

/** Whether a string holds UTF-16 surrogates, where UTF-16 unit order and code point order part. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Positions 0..n-1 ordered by their values as compareValues orders them (ties by position), the
 * same order a comparator sort gives but several times faster on a million rows: text is ranked
 * once by the engine's native sort of the distinct strings (code unit order, equal to code point
 * order unless a string holds surrogates, which fall back to compareText), then positions are
 * sorted on two typed arrays of numbers.
 */
export function sortedPositions(column: readonly AttributeValue[], order: 'asc' | 'desc'): Uint32Array {
  const n = column.length;
  const kinds = new Uint8Array(n);
  const keys = new Float64Array(n);
  const texts = new Set<string>();
  for (let i = 0; i < n; i += 1) {
    const v = column[i] ?? null;
    kinds[i] = kindOf(v);
    if (typeof v === 'number') keys[i] = v;
    else if (typeof v === 'boolean') keys[i] = Number(v);
    else if (typeof v === 'string') texts.add(v);
  }
  if (texts.size > 0) {
    const distinct = [...texts];
    if (distinct.some((t) => SURROGATE.test(t))) distinct.sort(compareText);
    else distinct.sort();
    const rank = new Map<string, number>();
    distinct.forEach((t, i) => rank.set(t, i));
    for (let i = 0; i < n; i += 1) {
      const v = column[i];
      if (typeof v === 'string') keys[i] = rank.get(v) ?? 0;
    }
  }
  const sign = order === 'asc' ? 1 : -1;
  const positions = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) positions[i] = i;
  return positions.sort((a, b) => {
    const byKind = (kinds[a] ?? 0) - (kinds[b] ?? 0);
    if (byKind !== 0) return sign * byKind;
    const byKey = (keys[a] ?? 0) - (keys[b] ?? 0);
    return byKey !== 0 ? sign * byKey : a - b;
  });
}
