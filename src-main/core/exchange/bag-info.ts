import { bagProblem, type BagProblem } from './problems.js';
/** One `label: value` element of `bag-info.txt` (RFC 8493 §2.2.2), in the order written. */
export type BagInfoEntry = readonly [label: string, value: string];

/** RFC 8493 recommends tag lines of at most 79 characters; counted in Unicode code points. */
export const BAG_INFO_LINE_WIDTH = 79;

const codePoints = (text: string): number => text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '_').length;

// Control characters other than TAB cannot round-trip through a line-oriented tag file.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/;

/** Problems with one entry (empty = writable). Labels and values are not echoed back. */
export function bagInfoEntryProblems([label, value]: BagInfoEntry): BagProblem[] {
  const problems: BagProblem[] = [];
  if (label.length === 0) problems.push(bagProblem('bag.infoLabelEmpty'));
  else if (label.includes(':') || /[\s]/.test(label) || CONTROL.test(label)) {
    problems.push(bagProblem('bag.infoLabelCharacters'));
  }
  if (CONTROL.test(value)) problems.push(bagProblem('bag.infoValueControl'));
  if (/^[ \t]|[ \t]$/.test(value)) problems.push(bagProblem('bag.infoValueSpace'));
  return problems;
}

/**
 * Folds one element into lines of at most {@link BAG_INFO_LINE_WIDTH} code points where possible.
 * A fold is a line break inserted before an existing single space (RFC 5322 §2.2.3 style), so a
 * reader that deletes the break — or one that strips the pieces and joins them with one space —
 * recovers the value exactly. Values with tabs or runs of spaces, and single tokens
 * longer than a line, stay on one long line (allowed: the width is only RECOMMENDED).
 */
export function foldBagInfoLine(label: string, value: string): string {
  const line = `${label}: ${value}`;
  if (codePoints(line) <= BAG_INFO_LINE_WIDTH) return line;
  if (/\t| {2}/.test(value)) return line;
  const words = value.split(' ');
  const lines: string[] = [];
  let current = `${label}:`;
  for (const word of words) {
    const candidate = `${current} ${word}`;
    if (codePoints(candidate) <= BAG_INFO_LINE_WIDTH || current === `${label}:`) {
      current = candidate;
    } else {
      lines.push(current);
      current = ` ${word}`;
    }
  }
  lines.push(current);
  return lines.join('\n');
}

/**
 * Renders `bag-info.txt` (UTF-8 text, LF line ends, trailing LF). Throws a RangeError when an
 * entry is not writable; callers check {@link bagInfoEntryProblems} first to report it properly.
 */
export function renderBagInfo(entries: readonly BagInfoEntry[]): string {
  for (const entry of entries) {
    if (bagInfoEntryProblems(entry).length > 0) throw new RangeError('bag-info entry is not writable');
  }
  return entries.map(([label, value]) => `${foldBagInfoLine(label, value)}\n`).join('');
}

/** Result of parsing `bag-info.txt`: entries in file order plus problems with line numbers. */
export interface ParsedBagInfo {
  readonly entries: readonly BagInfoEntry[];
  readonly problems: readonly BagProblem[];
}

/**
 * Parses `bag-info.txt`. A line starting with space or tab continues the previous value; the line
 * break is removed and the leading white space kept (RFC 5322 unfolding), the inverse of
 * {@link foldBagInfoLine}. Lines end with LF, CRLF or CR.
 */
export function parseBagInfo(text: string): ParsedBagInfo {
  const entries: [string, string][] = [];
  const problems: BagProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, index) => {
    const last = entries.at(-1);
    if (/^[ \t]/.test(line)) {
      if (last) last[1] += line;
      else problems.push(bagProblem('bag.infoContinuation', { path: 'bag-info.txt', line: index + 1 }));
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      problems.push(bagProblem('bag.infoLine', { path: 'bag-info.txt', line: index + 1 }));
      return;
    }
    entries.push([line.slice(0, colon), line.slice(colon + 1).replace(/^[ \t]+/, '')]);
  });
  return {
    entries: entries.map(([label, value]) => [label, value.replace(/[ \t]+$/, '')] as const),
    problems,
  };
}
