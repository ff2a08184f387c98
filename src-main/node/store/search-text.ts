// Text for the catalogue's FTS5 index (ADR 0182). Scripts written without spaces (Han, Kana,
// Hangul, Bopomofo) are indexed as overlapping bigrams plus the run's last character alone, so
// every character starts exactly one token: a 2+ character query is a phrase of bigrams, a one
// character query a prefix match. Latin words and digits stay unicode61 words.
const UNSPACED_CLASS =
  '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Bopomofo}]+';
const UNSPACED_RUNS = new RegExp(UNSPACED_CLASS, 'gu');
const UNSPACED_SPLIT = new RegExp(`(${UNSPACED_CLASS})`, 'u');
const IS_UNSPACED = new RegExp(`^${UNSPACED_CLASS}$`, 'u');
const SEARCHABLE = /[\p{L}\p{N}]/u;

/** The tokens of one run of unspaced characters, as indexed: `钨矿床` → `钨矿 矿床 床`. */
function runTokens(run: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < run.length; i += 1) out.push(`${run[i] ?? ''}${run[i + 1] ?? ''}`);
  out.push(run.at(-1) ?? '');
  return out;
}

/** NFKC-normalised text (full-width Latin and digits fold to ASCII) with every unspaced run tokenised. */
export function searchIndexText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(UNSPACED_RUNS, (run) => ` ${runTokens(Array.from(run)).join(' ')} `)
    .replace(/\s+/g, ' ')
    .trim();
}

interface QueryToken {
  readonly text: string;
  readonly prefix: boolean;
}

/**
 * The tokens one user term must match in sequence. A run at the term's end matches inside a longer
 * run (its last character alone is not required, and a single character is a prefix); a run
 * followed by more of the term must end there, so its last character is required as indexed.
 */
function termTokens(term: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  const parts = term.split(UNSPACED_SPLIT);
  const last = parts.reduce((at, p, i) => (SEARCHABLE.test(p) ? i : at), -1);
  parts.forEach((part, i) => {
    if (!SEARCHABLE.test(part)) return;
    if (!IS_UNSPACED.test(part)) {
      for (const word of part.split(/[^\p{L}\p{N}]+/u)) if (word) tokens.push({ text: word, prefix: false });
      return;
    }
    const run = Array.from(part);
    const all = runTokens(run);
    const atEnd = i === last;
    if (run.length === 1) tokens.push({ text: all[0] ?? '', prefix: atEnd });
    else for (const t of atEnd ? all.slice(0, -1) : all) tokens.push({ text: t, prefix: false });
  });
  return tokens;
}

/**
 * An FTS5 MATCH expression for free user text: each whitespace-separated term becomes a phrase of
 * its tokens, terms are ANDed. Every token is quoted, so FTS5 operators and column filters in user
 * input stay inert. Null when nothing searchable remains.
 */
export function searchMatch(text: string): string | null {
  const phrases = text
    .normalize('NFKC')
    .split(/\s+/u)
    .map(termTokens)
    .filter((tokens) => tokens.length > 0)
    .map((tokens) => tokens.map((t) => `"${t.text.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`).join(' + '));
  return phrases.length === 0 ? null : phrases.join(' AND ');
}
