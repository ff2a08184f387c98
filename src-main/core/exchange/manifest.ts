import { bagProblem, type BagProblem } from './problems.js';
/** One manifest line: lower-case SHA-256 hex of a file and its bag-relative path. */
export interface ManifestEntry {
  readonly sha256: string;
  /** Decoded path, `/`-separated, relative to the bag base directory (e.g. `data/a.tif`). */
  readonly path: string;
}

/**
 * Percent-encodes the three characters RFC 8493 §2.1.3 requires (CR, LF, `%`), and only those;
 * any other character, non-ASCII included, is written as UTF-8 text.
 */
export const encodeManifestPath = (path: string): string =>
  path.replace(/[%\r\n]/g, (c) => (c === '%' ? '%25' : c === '\r' ? '%0D' : '%0A'));

/**
 * Inverse of {@link encodeManifestPath}. Returns null for a `%` not followed by `25`, `0A` or `0D`
 * (any case): a writer following the RFC never produces it, so the reading is ambiguous.
 */
export function decodeManifestPath(encoded: string): string | null {
  if (/%(?!25|0A|0D)/i.test(encoded)) return null;
  return encoded.replace(/%(25|0A|0D)/gi, (_whole, hex: string) =>
    hex === '25' ? '%' : hex.toUpperCase() === '0A' ? '\n' : '\r',
  );
}

/**
 * Renders a manifest, sorted by path (UTF-16 code unit order) for a reproducible file: lines
 * `<sha256>  <encoded path>\n` — two spaces, the layout `sha256sum -c` also reads.
 */
export function formatManifest(entries: readonly ManifestEntry[]): string {
  return [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((entry) => `${entry.sha256.toLowerCase()}  ${encodeManifestPath(entry.path)}\n`)
    .join('');
}

export interface ParsedManifest {
  readonly entries: readonly ManifestEntry[];
  /** Problems naming the manifest and line number; line contents are not echoed. */
  readonly problems: readonly BagProblem[];
}

const LINE = /^([0-9a-fA-F]{64})[ \t]+(.+)$/s;

/**
 * Parses a SHA-256 manifest or tag manifest (`name` is used in problems). Lines end with LF, CRLF
 * or CR; blank lines are ignored; a path listed twice is a problem.
 */
export function parseManifest(name: string, text: string): ParsedManifest {
  const entries: ManifestEntry[] = [];
  const problems: BagProblem[] = [];
  const seen = new Set<string>();
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((line, index) => {
      if (line.trim() === '') return;
      const match = LINE.exec(line);
      const path = match?.[2] === undefined ? null : decodeManifestPath(match[2]);
      if (!match?.[1] || path === null) {
        problems.push(bagProblem('bag.manifestLine', { path: name, line: index + 1 }));
        return;
      }
      if (seen.has(path)) {
        problems.push(bagProblem('bag.manifestTwice', { path: name, line: index + 1 }));
        return;
      }
      seen.add(path);
      entries.push({ sha256: match[1].toLowerCase(), path });
    });
  return { entries, problems };
}
