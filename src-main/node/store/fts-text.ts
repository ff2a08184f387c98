// Scripts written without spaces between words: each character becomes its own FTS5 token so
// that one- and two-character queries (地, 铜矿) match as phrases (see docs/adr/0042).
const UNSPACED =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}])/gu;

/**
 * Text as it goes into (and is queried from) the `unicode61` FTS5 index: NFKC-normalised (so
 * full-width Latin and digits fold to ASCII) with every CJK character spaced apart.
 */
export function ftsIndexText(text: string): string {
  return text.normalize('NFKC').replace(UNSPACED, ' $1 ').replace(/\s+/g, ' ').trim();
}

/**
 * An FTS5 MATCH expression for free user text: each whitespace-separated term becomes a quoted
 * phrase of its tokens (so CJK runs must be adjacent), terms are ANDed. Quoting keeps FTS5
 * operators and column filters in user input inert. Returns null when nothing searchable remains.
 */
export function ftsQuery(text: string): string | null {
  const terms = text
    .normalize('NFKC')
    .split(/\s+/u)
    .map((t) => ftsIndexText(t))
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
}
