/**
 * Path-safety rules for bag and package entries (SECURITY.md "Zip and package paths"). Paths are
 * bag-relative, `/`-separated. The rules are the union of what POSIX and Windows (NTFS, FAT) would
 * do differently with a name, so a package that passes unpacks to the same files everywhere.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
const WINDOWS_RESERVED = /^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)$/i;
/** Longest file-name component accepted, in UTF-8 bytes (ext4, NTFS and APFS limits are 255). */
export const MAX_SEGMENT_BYTES = 255;

const utf8Length = (text: string): number => {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
};

/** A path made printable for a problem message: quotes, control characters escaped. */
export const showPath = (path: string): string => JSON.stringify(path);

const segmentProblem = (segment: string): string | null => {
  if (segment === '') return 'empty path segment';
  if (segment === '..') return 'parent-directory segment ".."';
  if (segment === '.') return 'current-directory segment "."';
  if (WINDOWS_FORBIDDEN.test(segment)) return 'character not allowed on Windows (< > : " | ? *)';
  if (/[. ]$/.test(segment)) return 'name ends with a dot or space (Windows drops it)';
  const stem = segment.split('.')[0]?.trimEnd() ?? '';
  if (WINDOWS_RESERVED.test(stem)) return 'Windows reserved device name';
  if (utf8Length(segment) > MAX_SEGMENT_BYTES) return `name longer than ${MAX_SEGMENT_BYTES} bytes`;
  return null;
};

/**
 * Problems with one path (empty = safe): absolute or drive paths, backslash, NUL and other control
 * characters, `.`/`..`/empty segments, Windows-forbidden characters, reserved device names
 * (CON, NUL, COM1 …, also with an extension such as `nul.txt`), names ending in dot or space,
 * over-long names, lone UTF-16 surrogates and U+FFFD (what a file name that was not UTF-8 decodes
 * to). Each problem starts with the escaped path.
 */
export function pathProblems(path: string): string[] {
  const shown = showPath(path);
  if (path === '') return [`${shown}: empty path`];
  const problems: string[] = [];
  if (path.startsWith('/')) problems.push(`${shown}: absolute path`);
  if (/^[A-Za-z]:/.test(path)) problems.push(`${shown}: drive-letter path`);
  if (path.includes('\\')) problems.push(`${shown}: backslash in path`);
  if (path.includes('\0')) problems.push(`${shown}: NUL character in path`);
  else if (CONTROL.test(path)) problems.push(`${shown}: control character in path`);
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/.test(path)) {
    problems.push(`${shown}: not valid Unicode (or a name that was not valid UTF-8)`);
  }
  const segments = path.startsWith('/') ? path.slice(1).split('/') : path.split('/');
  const seen = new Set<string>();
  for (const segment of segments) {
    const problem = segmentProblem(segment);
    if (problem !== null && !seen.has(problem)) {
      seen.add(problem);
      problems.push(`${shown}: ${problem}`);
    }
  }
  return problems;
}

/** The key two names share when a case-insensitive or normalising file system would merge them. */
export const collisionKey = (path: string): string => path.normalize('NFC').toLowerCase().toUpperCase();

/**
 * Problems with a set of file paths (and optionally the directories seen beside them): every
 * single-path problem, duplicates, names that differ only in case or Unicode normalisation (NFC),
 * and a file that is also used as a directory (`a` and `a/b`).
 */
export function pathSetProblems(paths: readonly string[], directories: readonly string[] = []): string[] {
  const problems = [...paths, ...directories].flatMap(pathProblems);
  const byKey = new Map<string, string>();
  for (const dir of directories) {
    const other = byKey.get(collisionKey(dir));
    if (other === undefined) byKey.set(collisionKey(dir), dir);
    else problems.push(`${showPath(dir)}: collides with ${showPath(other)} (case or Unicode normalisation)`);
  }
  const dirKeys = new Set(byKey.keys());
  for (const path of paths) {
    const key = collisionKey(path);
    const other = byKey.get(key);
    if (other === undefined) byKey.set(key, path);
    else if (other === path)
      problems.push(`${showPath(path)}: ${dirKeys.has(key) ? 'is a directory' : 'listed twice'}`);
    else problems.push(`${showPath(path)}: collides with ${showPath(other)} (case or Unicode normalisation)`);
  }
  const keys = new Set([...byKey.keys()].filter((key) => !dirKeys.has(key)));
  for (const [key, path] of byKey) {
    const segments = key.split('/');
    for (let i = 1; i < segments.length; i += 1) {
      if (keys.has(segments.slice(0, i).join('/'))) {
        problems.push(`${showPath(path)}: a parent of it is also listed as a file`);
        break;
      }
    }
  }
  return problems;
}
