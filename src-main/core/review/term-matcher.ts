/**
 * Text that is NFKC-stable as it stands: ASCII and the CJK Unified Ideographs. Anything else
 * (full-width Latin ＫＶ, ideographic space, compatibility ideographs) is NFKC-normalised first;
 * skipping the call for the common case halves a scan's time.
 */
const NFKC_STABLE = /^[\p{ASCII}\u4e00-\u9fff]*$/u;

/** `text` in NFKC form (what terms are matched against). */
export const normalizeText = (text: string): string =>
  NFKC_STABLE.test(text) ? text : text.normalize('NFKC');

/** Latin terms this short match as whole words only ('kV' in '500kV', not 'ARMY' in 'HARMONY'). */
const SHORT_LATIN = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,3}$/;

const escape = (term: string): string => term.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A Latin letter must not touch a short Latin term (digits may: '500kV', 'X1'). */
const wholeWord = (term: string): string => `(?<![A-Za-z])${escape(term)}(?![A-Za-z])`;

const fold = (text: string): string => text.toLowerCase();

/** Finds configured terms in text: one combined regular expression, whatever the number of terms. */
export interface TermMatcher {
  /** The first configured term found in `text` (as configured), or null. */
  find(text: string): string | null;
}

/**
 * Compiles terms (Chinese or Latin) into one case-insensitive, NFKC-normalised alternation (ADR
 * 0163): a value is read once by the engine's regex automaton, not once per term. Short Latin terms
 * (up to 4 characters) match as whole words; everything else as a substring. Longer terms are
 * tried first so the reported term is the most specific one.
 */
export function compileTerms(terms: readonly string[]): TermMatcher {
  const byFolded = new Map<string, string>();
  for (const term of terms) {
    const normal = term.normalize('NFKC').trim();
    if (normal !== '' && !byFolded.has(fold(normal))) byFolded.set(fold(normal), term);
  }
  if (byFolded.size === 0) return { find: () => null };
  const sources = [...byFolded.keys()]
    .sort((a, b) => b.length - a.length)
    .map((t) => (SHORT_LATIN.test(t) ? wholeWord(t) : escape(t)));
  const test = new RegExp(sources.join('|'), 'iu');
  return {
    find(text) {
      const match = test.exec(normalizeText(text));
      if (match === null) return null;
      return byFolded.get(fold(match[0])) ?? match[0];
    },
  };
}

/**
 * The layer's fields whose names equal one of `names` (NFKC, case-insensitive): the configured
 * class/type/name fields a rule reads.
 */
export function fieldsNamed(fields: readonly string[], names: readonly string[]): string[] {
  const wanted = new Set(names.map((n) => fold(n.normalize('NFKC').trim())));
  return fields.filter((f) => wanted.has(fold(normalizeText(f).trim())));
}
