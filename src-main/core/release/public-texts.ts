import { withoutSizeTokens, withoutStatedPrecision } from '../review/stated-precision.js';

/** Characters no file name on Windows or Linux may hold, and whitespace runs, become '_'. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}\s]+/gu;
/** Characters (graphemes) kept of the title (a name stays well under every file system's limit). */
const MAX_NAME = 80;

/**
 * The file name of a public version, from its record (ADR 0164): the title made safe for a file
 * system and without bare size tokens (a title that is still the file stem `..._5m`), then
 * `.public.<extension>`; 'public' when the title leaves nothing. Never the source file's name,
 * which may say what the public version must not (`..._5m.tif`).
 */
export function publicFileName(title: string, extension: string): string {
  const cleaned = withoutSizeTokens(title.replace(UNSAFE, '_')).replace(/^[._]+|[._]+$/g, '');
  const graphemes = Array.from(new Intl.Segmenter().segment(cleaned), (s) => s.segment);
  const safe = graphemes.slice(0, MAX_NAME).join('');
  return `${safe === '' ? 'public' : safe}.public.${extension}`;
}

/**
 * The abstract of a public version: the source's sentences that state no precision or scale (those
 * that do are dropped whole: they describe the source, not what is released), then `statement`,
 * the sentence that says what the public version is (its lineage, rendered by the caller).
 */
export function publicAbstract(source: string, statement: string): string {
  const kept = withoutStatedPrecision(source);
  if (kept === '') return statement;
  return /[。.!！?？；;]$/u.test(kept) ? `${kept}${statement}` : `${kept}。${statement}`;
}
