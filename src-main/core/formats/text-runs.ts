import iconv from 'iconv-lite';

/** The encodings a run of text is recognised in. */
export type RunEncoding = 'UTF-8' | 'GBK' | 'UTF-16LE';

/** Text found in bytes that are not known to be text (residue, free pages): where, and as what. */
export interface TextRun {
  /** Byte offset of the run's first byte in the bytes scanned (plus the caller's base offset). */
  readonly offset: number;
  readonly encoding: RunEncoding;
  readonly text: string;
}

/**
 * Least weight of a text run in residue (free pages, unreferenced bytes): 8 ASCII characters or 4
 * Chinese ones, so that binary bytes are seldom taken for text.
 */
export const RESIDUE_MIN_WEIGHT = 8;

export interface TextRunOptions {
  /** Least weight of a run: an ASCII character weighs 1, a Chinese character 2 (as wide as it prints). */
  readonly minWeight: number;
  /** Added to every offset (the position of `bytes` in its file). */
  readonly baseOffset?: number;
  /** Most runs returned; scanning stops there (so noise ends a scan early). */
  readonly maxRuns?: number;
}

/** Last lead byte of GB2312's level 1: its 3,755 most used hanzi (rows 16-55). */
const LEVEL1_LAST_LEAD = 0xd7;

/**
 * Common Chinese characters, as GB2312 encodes them (the 3,755 hanzi of its level 1, which cover
 * nearly all of modern text, and its full-width punctuation rows): the only non-ASCII characters a
 * run may hold, so that binary bytes that happen to decode as rare CJK code points are not taken
 * for text. Built once, on first use.
 */
let common: Uint8Array | null = null;
function commonChinese(): Uint8Array {
  if (common !== null) return common;
  const table = new Uint8Array(0x10000);
  for (let lead = 0xa1; lead <= LEVEL1_LAST_LEAD; lead += 1) {
    if (lead > 0xa3 && lead < 0xb0) continue;
    // One row of 94 pairs per decode; a row that does not decode to 94 characters, pair by pair.
    const row = Uint8Array.from({ length: 94 * 2 }, (_, k) => (k % 2 === 0 ? lead : 0xa1 + (k >> 1)));
    const decoded = iconv.decode(row, 'gbk');
    for (let t = 0; t < 94; t += 1) {
      const text =
        decoded.length === 94 ? decoded.charAt(t) : iconv.decode(row.subarray(t * 2, t * 2 + 2), 'gbk');
      const code = text.length === 1 ? text.charCodeAt(0) : 0xfffd;
      if (code !== 0xfffd && code >= 0x80) table[code] = 1;
    }
  }
  common = table;
  return table;
}

const isGb2312Pair = (lead: number, trail: number): boolean =>
  ((lead >= 0xa1 && lead <= 0xa3) || (lead >= 0xb0 && lead <= LEVEL1_LAST_LEAD)) &&
  trail >= 0xa1 &&
  trail <= 0xfe;

/** Length (3) of a UTF-8 sequence of a common Chinese character at `i`, or 0. */
function utf8Chinese(bytes: Uint8Array, i: number, table: Uint8Array): number {
  const b0 = bytes[i] ?? 0;
  if (b0 < 0xe0 || b0 > 0xef) return 0;
  const b1 = bytes[i + 1] ?? 0;
  const b2 = bytes[i + 2] ?? 0;
  if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return 0;
  const code = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
  return table[code] === 1 ? 3 : 0;
}

/** What a scan found between `start` and `end`: its weight, its Chinese characters, the longest row of them. */
interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly weight: number;
  readonly chinese: number;
  readonly longest: number;
}

/**
 * One scan over `bytes` for one encoding: `width` gives the bytes of the text character at `i` and
 * whether it is Chinese (negative: Chinese), 0 when there is none. Calls `found` for every maximal
 * run, and stops when it answers false. A plain loop (no allocation per byte): residue scans read
 * megabytes.
 */
function scan(
  bytes: Uint8Array,
  from: number,
  stride: number,
  width: (i: number) => number,
  found: (c: Candidate) => boolean,
  to = bytes.length,
): void {
  let i = from;
  while (i < to) {
    // Zeros (padding, cleared space) start no run: skipped without a call.
    if (bytes[i] === 0 && (stride === 1 || bytes[i + 1] === 0)) {
      i += stride;
      continue;
    }
    const start = i;
    let weight = 0;
    let chinese = 0;
    let together = 0;
    let longest = 0;
    for (let w = i < to ? width(i) : 0; w !== 0; w = i < to ? width(i) : 0) {
      if (w < 0) {
        i -= w;
        weight += 2;
        chinese += 1;
        together += 1;
        if (together > longest) longest = together;
      } else {
        i += w;
        weight += 1;
        together = 0;
      }
    }
    if (i === start) i += stride;
    else if (!found({ start, end: i, weight, chinese, longest })) return;
  }
}

/**
 * Where a GBK candidate starts once the UTF-8 runs it overlaps are cut off its front (UTF-8
 * Chinese also reads as GBK pairs, and a GBK text may follow a UTF-8 one directly).
 */
function pastUtf8(runs: readonly Spanned[], start: number, end: number): number {
  let from = start;
  for (const r of runs) if (r.encoding === 'UTF-8' && r.start < end && from < r.end) from = r.end;
  return from;
}

interface Spanned extends TextRun {
  readonly start: number;
  readonly end: number;
}

const decoderName: Record<RunEncoding, string> = { 'UTF-8': 'utf8', GBK: 'gbk', 'UTF-16LE': 'utf16le' };

/**
 * Text runs in arbitrary bytes, as `strings` finds them but for Chinese archives: printable ASCII
 * and common Chinese characters in UTF-8, GBK and UTF-16LE, each run at least `minWeight` heavy
 * and, if it holds Chinese, two Chinese characters in a row somewhere (as any Chinese word has;
 * scattered single ones are mostly chance). An
 * ASCII-only run is reported once (as UTF-8, or UTF-16LE when its bytes are); a GBK run must hold
 * Chinese and starts past any UTF-8 run it would read again. Runs are trimmed; results in offset order, the same
 * text at the same offset once.
 */
export function textRuns(bytes: Uint8Array, options: TextRunOptions): TextRun[] {
  // Cleared bytes hold no text: answered before the character table is built.
  if (bytes.every((b) => b === 0)) return [];
  const table = commonChinese();
  const base = options.baseOffset ?? 0;
  const maxRuns = options.maxRuns ?? Number.POSITIVE_INFINITY;
  const runs: Spanned[] = [];
  const n = bytes.length;
  const at = (i: number): number => (i < n ? (bytes[i] as number) : 0);
  const gbk = (i: number): number => {
    const b = at(i);
    if ((b >= 0x20 && b < 0x7f) || b === 0x09) return 1;
    return isGb2312Pair(b, at(i + 1)) ? -2 : 0;
  };
  const keep =
    (encoding: RunEncoding) =>
    (c: Candidate): boolean => {
      if (runs.length >= maxRuns) return false;
      if (c.weight < options.minWeight || (c.chinese > 0 && c.longest < 2)) return true;
      if (encoding === 'GBK') {
        if (c.chinese === 0) return true;
        const from = pastUtf8(runs, c.start, c.end);
        if (from !== c.start) {
          // What follows the UTF-8 text is judged on its own.
          if (from < c.end) scan(bytes, from, 1, gbk, keep('GBK'), c.end);
          return runs.length < maxRuns;
        }
      }
      const text = iconv.decode(bytes.subarray(c.start, c.end), decoderName[encoding]).trim();
      if (text !== '') runs.push({ offset: base + c.start, encoding, text, start: c.start, end: c.end });
      return true;
    };
  scan(
    bytes,
    0,
    1,
    (i) => {
      const b = at(i);
      if ((b >= 0x20 && b < 0x7f) || b === 0x09) return 1;
      return utf8Chinese(bytes, i, table) === 0 ? 0 : -3;
    },
    keep('UTF-8'),
  );
  scan(bytes, 0, 1, gbk, keep('GBK'));
  const utf16 = (i: number): number => {
    if (i + 1 >= n) return 0;
    const code = at(i) | (at(i + 1) << 8);
    if (code < 0x80) return (code >= 0x20 && code < 0x7f) || code === 0x09 ? 2 : 0;
    return table[code] === 1 ? -2 : 0;
  };
  scan(bytes, 0, 2, utf16, keep('UTF-16LE'));
  scan(bytes, 1, 2, utf16, keep('UTF-16LE'));
  runs.sort((a, b) => a.offset - b.offset);
  return runs
    .filter((r, k) => k === 0 || r.offset !== runs[k - 1]?.offset || r.text !== runs[k - 1]?.text)
    .map(({ offset, encoding, text }) => ({ offset, encoding, text }));
}

/**
 * Decodes a metadata text of unknown encoding (a TIFF ASCII tag, a sidecar): UTF-8 when the bytes
 * are valid UTF-8, else GBK (the other encoding Chinese archives write). A trailing NUL ends it.
 */
export function decodeMetadataText(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  const body = nul >= 0 ? bytes.subarray(0, nul) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return iconv.decode(body, 'gbk');
  }
}
