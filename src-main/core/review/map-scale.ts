import type { SubjectText } from './rule.js';
import { normalizeText } from './term-matcher.js';

/**
 * A stated map scale: "1:50000", "1:50,000", "1 : 50 000", "1/50000", "1:5万", "1∶25万" (NFKC
 * turns full-width digits and colons into ASCII first). The "1" stands alone (not the end of
 * "11:30"); denominators below 500 are not map scales (times, ratios).
 */
const SCALE = /(?<![\d.])1\s*[:/∶]\s*(\d{1,3}(?:[ ,]\d{3})+|\d+(?:\.\d+)?)\s*(万)?/gu;
const MIN_DENOMINATOR = 500;

/** Every scale denominator the texts state, in order (the record's title and abstract, the names). */
export function statedScales(texts: readonly SubjectText[]): number[] {
  return texts.flatMap((t) =>
    [...normalizeText(t.text).matchAll(SCALE)]
      .map((m) => Number((m[1] ?? '').replace(/[ ,]/g, '')) * (m[2] === undefined ? 1 : 10_000))
      .filter((d) => Number.isFinite(d) && d >= MIN_DENOMINATOR),
  );
}
