import { bagProblem, type BagProblem, type BagProblemKey } from './problems.js';
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

const segmentProblem = (segment: string): BagProblemKey | null => {
  if (segment === '') return 'bag.emptySegment';
  if (segment === '..') return 'bag.parentSegment';
  if (segment === '.') return 'bag.currentSegment';
  if (WINDOWS_FORBIDDEN.test(segment)) return 'bag.windowsCharacter';
  if (/[. ]$/.test(segment)) return 'bag.trailingDotOrSpace';
  const stem = segment.split('.')[0]?.trimEnd() ?? '';
  if (WINDOWS_RESERVED.test(stem)) return 'bag.reservedName';
  if (utf8Length(segment) > MAX_SEGMENT_BYTES) return 'bag.nameTooLong';
  return null;
};

/**
 * Problems with one path (empty = safe): absolute or drive paths, backslash, NUL and other control
 * characters, `.`/`..`/empty segments, Windows-forbidden characters, reserved device names
 * (CON, NUL, COM1 …, also with an extension such as `nul.txt`), names ending in dot or space,
 * over-long names, lone UTF-16 surrogates and U+FFFD (what a file name that was not UTF-8 decodes
 * to). Each problem starts with the escaped path.
 */
export function pathProblems(path: string): BagProblem[] {
  const shown = showPath(path);
  const at = (key: BagProblemKey): BagProblem => bagProblem(key, { path: shown });
  if (path === '') return [at('bag.emptyPath')];
  const problems: BagProblem[] = [];
  if (path.startsWith('/')) problems.push(at('bag.absolutePath'));
  if (/^[A-Za-z]:/.test(path)) problems.push(at('bag.drivePath'));
  if (path.includes('\\')) problems.push(at('bag.backslash'));
  if (path.includes('\0')) problems.push(at('bag.nulInPath'));
  else if (CONTROL.test(path)) problems.push(at('bag.controlInPath'));
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/.test(path)) {
    problems.push(at('bag.invalidUnicode'));
  }
  const segments = path.startsWith('/') ? path.slice(1).split('/') : path.split('/');
  const seen = new Set<BagProblemKey>();
  for (const segment of segments) {
    const problem = segmentProblem(segment);
    if (problem !== null && !seen.has(problem)) {
      seen.add(problem);
      problems.push(
        problem === 'bag.nameTooLong'
          ? bagProblem(problem, { path: shown, max: MAX_SEGMENT_BYTES })
          : at(problem),
      );
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
export function pathSetProblems(paths: readonly string[], directories: readonly string[] = []): BagProblem[] {
  const problems = [...paths, ...directories].flatMap(pathProblems);
  const byKey = new Map<string, string>();
  for (const dir of directories) {
    const other = byKey.get(collisionKey(dir));
    if (other === undefined) byKey.set(collisionKey(dir), dir);
    else problems.push(bagProblem('bag.collides', { path: showPath(dir), other: showPath(other) }));
  }
  const dirKeys = new Set(byKey.keys());
  for (const path of paths) {
    const key = collisionKey(path);
    const other = byKey.get(key);
    if (other === undefined) byKey.set(key, path);
    else if (other === path)
      problems.push(
        bagProblem(dirKeys.has(key) ? 'bag.isDirectory' : 'bag.listedTwice', { path: showPath(path) }),
      );
    else problems.push(bagProblem('bag.collides', { path: showPath(path), other: showPath(other) }));
  }
  const keys = new Set([...byKey.keys()].filter((key) => !dirKeys.has(key)));
  for (const [key, path] of byKey) {
    const segments = key.split('/');
    for (let i = 1; i < segments.length; i += 1) {
      if (keys.has(segments.slice(0, i).join('/'))) {
        problems.push(bagProblem('bag.parentIsFile', { path: showPath(path) }));
        break;
      }
    }
  }
  return problems;
}
