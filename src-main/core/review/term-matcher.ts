/**
 * Text that is NFKC-stable as it stands: ASCII and the CJK Unified Ideographs. Anything else
 * (full-width Latin ＫＶ, ideographic space, compatibility ideographs) is NFKC-normalised first.
 */
const NFKC_STABLE = /^[\p{ASCII}\u4e00-\u9fff]*$/u;

/** `text` in NFKC form (what terms are matched against). */
export const normalizeText = (text: string): string =>
  NFKC_STABLE.test(text) ? text : text.normalize('NFKC');

const fold = (text: string): string => text.toLowerCase();

/** A code unit whose NFKC form is more than one unit (㎞, ①, ﬁ, surrogates): the text is normalised whole. */
const WHOLE = 0xffff;

let foldTable: Uint16Array | undefined;

/**
 * Per UTF-16 code unit, the unit it matches as: its NFKC form lower-cased, when that is one unit
 * (Ｋ → k, ｖ → v, 兀 (U+F9xx compatibility) → its unified ideograph); WHOLE otherwise. Built once.
 */
function foldUnits(): Uint16Array {
  if (foldTable !== undefined) return foldTable;
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c += 1) {
    if (c >= 0xd800 && c <= 0xdfff) {
      table[c] = WHOLE;
      continue;
    }
    const folded = fold(String.fromCharCode(c).normalize('NFKC'));
    table[c] = folded.length === 1 ? folded.charCodeAt(0) : WHOLE;
  }
  foldTable = table;
  return table;
}

const isLatinLetter = (unit: number): boolean =>
  (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a);

/** Latin terms this short match as whole words only ('kV' in '500kV', not 'ARMY' in 'HARMONY'). */
const SHORT_LATIN = /^[a-z0-9][a-z0-9 ._-]{0,3}$/;

/** Finds configured terms in text: one automaton, whatever the number of terms. */
export interface TermMatcher {
  /** The first configured term found in `text` (as configured), or null. */
  find(text: string): string | null;
}

interface Term {
  readonly configured: string;
  readonly length: number;
  readonly wholeWord: boolean;
}

/** The trie of the folded terms: children per state by symbol, the term ending at each state. */
function buildTrie(folded: readonly string[], symbolOf: Map<number, number>) {
  const children: Map<number, number>[] = [new Map<number, number>()];
  const ends: number[] = [-1];
  folded.forEach((term, index) => {
    let state = 0;
    for (let i = 0; i < term.length; i += 1) {
      const symbol = symbolOf.get(term.charCodeAt(i)) ?? 0;
      let next = children[state]?.get(symbol);
      if (next === undefined) {
        next = children.length;
        children.push(new Map<number, number>());
        ends.push(-1);
        children[state]?.set(symbol, next);
      }
      state = next;
    }
    ends[state] = index;
  });
  return { children, ends };
}

/**
 * An Aho-Corasick automaton (ADR 0163) over the folded terms as a full transition table: per text
 * unit one table look-up for its symbol and one for the next state, so a value is read once
 * whatever the number of terms. `outputs[state]` lists the terms that end there (own and through
 * failure links), longest first.
 */
function buildAutomaton(folded: readonly string[]) {
  const symbolOf = new Map<number, number>();
  for (const term of folded)
    for (let i = 0; i < term.length; i += 1)
      if (!symbolOf.has(term.charCodeAt(i))) symbolOf.set(term.charCodeAt(i), symbolOf.size + 1);
  const symbols = symbolOf.size + 1;
  const { children, ends } = buildTrie(folded, symbolOf);
  const next = new Int32Array(children.length * symbols);
  const fail = new Int32Array(children.length);
  const outputs: number[][] = children.map(() => []);
  const queue: number[] = [0];
  for (let head = 0; head < queue.length; head += 1) {
    const state = queue[head] ?? 0;
    const end = ends[state] ?? -1;
    outputs[state] = [...(end >= 0 ? [end] : []), ...(state === 0 ? [] : (outputs[fail[state] ?? 0] ?? []))];
    for (let symbol = 1; symbol < symbols; symbol += 1) {
      const child = children[state]?.get(symbol);
      const viaFail = state === 0 ? 0 : (next[(fail[state] ?? 0) * symbols + symbol] ?? 0);
      if (child === undefined) next[state * symbols + symbol] = viaFail;
      else {
        next[state * symbols + symbol] = child;
        fail[child] = viaFail;
        queue.push(child);
      }
    }
  }
  const alphabet = new Uint16Array(0x10000);
  const units = foldUnits();
  for (let c = 0; c < 0x10000; c += 1) {
    const unit = units[c] ?? WHOLE;
    alphabet[c] = unit === WHOLE ? WHOLE : (symbolOf.get(unit) ?? 0);
  }
  return { alphabet, next, symbols, outputs };
}

/**
 * Compiles terms (Chinese or Latin) into one case-insensitive, NFKC-normalised matcher (ADR 0163).
 * Short Latin terms (up to 4 characters) match as whole words (no Latin letter on either side;
 * digits may touch: '500kV'); everything else as a substring. The first term to end in the text is
 * reported, the longest of those ending at the same place.
 */
export function compileTerms(configured: readonly string[]): TermMatcher {
  const byFolded = new Map<string, string>();
  for (const term of configured) {
    const normal = fold(term.normalize('NFKC').trim());
    if (normal !== '' && !byFolded.has(normal)) byFolded.set(normal, term);
  }
  if (byFolded.size === 0) return { find: () => null };
  const folded = [...byFolded.keys()];
  const terms: Term[] = folded.map((f) => ({
    configured: byFolded.get(f) ?? f,
    length: f.length,
    wholeWord: SHORT_LATIN.test(f),
  }));
  const { alphabet, next, symbols, outputs } = buildAutomaton(folded);
  for (const list of outputs) list.sort((a, b) => (terms[b]?.length ?? 0) - (terms[a]?.length ?? 0));
  const units = foldUnits();
  const letterAt = (text: string, i: number): boolean =>
    i >= 0 && i < text.length && isLatinLetter(units[text.charCodeAt(i)] ?? 0);
  const scan = (text: string, normalised: boolean): string | null => {
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      const symbol = alphabet[text.charCodeAt(i)] ?? 0;
      if (symbol === WHOLE) {
        if (!normalised) return scan(text.normalize('NFKC'), true);
        state = 0;
        continue;
      }
      state = next[state * symbols + symbol] ?? 0;
      const ending = outputs[state];
      if (ending === undefined || ending.length === 0) continue;
      for (const index of ending) {
        const term = terms[index];
        if (term === undefined) continue;
        if (!term.wholeWord || (!letterAt(text, i - term.length) && !letterAt(text, i + 1)))
          return term.configured;
      }
    }
    return null;
  };
  return { find: (text) => scan(text, false) };
}

/**
 * The layer's fields whose names equal one of `names` (NFKC, case-insensitive): the configured
 * class/type/name fields a rule reads.
 */
export function fieldsNamed(fields: readonly string[], names: readonly string[]): string[] {
  const wanted = new Set(names.map((n) => fold(n.normalize('NFKC').trim())));
  return fields.filter((f) => wanted.has(fold(normalizeText(f).trim())));
}
