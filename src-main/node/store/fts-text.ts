// The splitting of migration 0002's `record_text` index (ADR 0042), kept so that step still runs
// as written on an old catalogue; 0016 replaced the index by the bigram one (search-text.ts, ADR 0182).
// Scripts written without spaces between words: each character becomes its own FTS5 token.
const UNSPACED =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}])/gu;

/**
 * Text as it goes into (and is queried from) the `unicode61` FTS5 index: NFKC-normalised (so
 * full-width Latin and digits fold to ASCII) with every CJK character spaced apart.
 */
export function ftsIndexText(text: string): string {
  return text.normalize('NFKC').replace(UNSPACED, ' $1 ').replace(/\s+/g, ' ').trim();
}
