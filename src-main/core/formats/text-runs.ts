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
  /** Most runs returned; scanning stops there. */
  readonly maxRuns?: number;
}

const isPrintableAscii = (b: number): boolean => (b >= 0x20 && b < 0x7f) || b === 0x09;

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
    for (let trail = 0xa1; trail <= 0xfe; trail += 1) {
      const text = iconv.decode(Uint8Array.of(lead, trail), 'gbk');
      const code = text.length === 1 ? text.charCodeAt(0) : 0xfffd;
      if (code !== 0xfffd && code >= 0x80) table[code] = 1;
    }
  }
  common = table;
  return table;
}

const isGb2312Pair = (lead: number, trail: number): boolean =>
  ((lead >= 0xa1 && lead <= 0xa3) || (lead >= 0xb0 && lead <= LEVEL1_LAST_LEAD)) && trail >= 0xa1 && trail <= 0xfe;

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

interface Scan {
  readonly encoding: RunEncoding;
  /** Bytes (1..n) of the text character at `i`, its weight, and whether it is non-ASCII; null when none. */
  step(bytes: Uint8Array, i: number): readonly [number, number, boolean] | null;
  /** The scan's start positions (UTF-16 runs may start at either parity). */
  readonly stride: 1 | 2;
}

function scans(table: Uint8Array): readonly Scan[] {
  return [
    {
      encoding: 'UTF-8',
      stride: 1,
      step(bytes, i) {
        const b = bytes[i] ?? 0;
        if (isPrintableAscii(b)) return [1, 1, false];
        const n = utf8Chinese(bytes, i, table);
        return n === 0 ? null : [n, 2, true];
      },
    },
    {
      encoding: 'GBK',
      stride: 1,
      step(bytes, i) {
        const b = bytes[i] ?? 0;
        if (isPrintableAscii(b)) return [1, 1, false];
        return isGb2312Pair(b, bytes[i + 1] ?? 0) ? [2, 2, true] : null;
      },
    },
    {
      encoding: 'UTF-16LE',
      stride: 2,
      step(bytes, i) {
        if (i + 1 >= bytes.length) return null;
        const code = (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8);
        if (code < 0x80) return isPrintableAscii(code) ? [2, 1, false] : null;
        return table[code] === 1 ? [2, 2, true] : null;
      },
    },
  ];
}

/** Whether [start, end) overlaps a UTF-8 run already found (UTF-8 Chinese also reads as GBK pairs). */
const overlapsUtf8 = (runs: readonly Spanned[], start: number, end: number): boolean =>
  runs.some((r) => r.encoding === 'UTF-8' && r.start < end && start < r.end);

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
 * Chinese and not be a UTF-8 run read again. Runs are trimmed; results in offset order, the same
 * text at the same offset once.
 */
export function textRuns(bytes: Uint8Array, options: TextRunOptions): TextRun[] {
  const table = commonChinese();
  const base = options.baseOffset ?? 0;
  const maxRuns = options.maxRuns ?? Number.POSITIVE_INFINITY;
  const runs: Spanned[] = [];
  for (const scan of scans(table)) {
    for (let parity = 0; parity < scan.stride; parity += 1) {
      let i = parity;
      while (i < bytes.length && runs.length < maxRuns) {
        const start = i;
        let weight = 0;
        let chinese = 0;
        let together = 0;
        let longest = 0;
        for (let s = scan.step(bytes, i); s !== null; s = scan.step(bytes, i)) {
          i += s[0];
          weight += s[1];
          together = s[2] ? together + 1 : 0;
          if (s[2]) chinese += 1;
          longest = Math.max(longest, together);
        }
        if (i === start) {
          i += scan.stride;
          continue;
        }
        if (weight < options.minWeight || (chinese > 0 && longest < 2)) continue;
        if (scan.encoding === 'GBK' && (chinese === 0 || overlapsUtf8(runs, start, i))) continue;
        const text = iconv.decode(bytes.subarray(start, i), decoderName[scan.encoding]).trim();
        if (text !== '') runs.push({ offset: base + start, encoding: scan.encoding, text, start, end: i });
      }
    }
  }
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
