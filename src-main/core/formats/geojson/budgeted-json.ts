import iconv from 'iconv-lite';
import { corrupt, tooLarge } from '../format-error.js';

/** Pulls the next chunk of the document's bytes; null (or an empty chunk) at the end. */
export type ChunkReader = () => Uint8Array | null;

export interface JsonBudget {
  /** Refuse (too-large) once the tree built so far is estimated above this many bytes. */
  readonly maxTreeBytes: number;
  /** Refuse (too-large) arrays and objects nested deeper than this. */
  readonly maxDepth: number;
}

/**
 * Estimated heap bytes per part of the parsed tree (Node 20, 64-bit, no pointer compression):
 * a number is a boxed double (16) in a slot (8); an array header with its backing store; an
 * object with its hidden class share and one slot plus descriptor per member; a string header
 * plus two bytes per unit (the worst case, two-byte strings). Measured against
 * `process.memoryUsage().heapUsed` for flat number arrays, coordinate pairs and property-heavy
 * features; each is at or above what V8 used (ADR 0081).
 */
export const TREE_COST = {
  number: 24,
  array: 64,
  object: 64,
  member: 24,
  string: 32,
  stringByte: 2,
} as const;

/** Short ASCII strings (member names, most values) skip the decoder. */
const MAX_ASCII_FAST = 128;

/**
 * UTF-8 bytes as a string, invalid sequences as U+FFFD (as Buffer.toString, which JSON.parse of
 * the file's text would have seen); a U+FEFF that starts a string value is kept.
 */
function decode(bytes: Uint8Array): string {
  if (bytes.length <= MAX_ASCII_FAST) {
    let ascii = true;
    for (const b of bytes) ascii &&= b < 0x80;
    if (ascii) return String.fromCharCode(...bytes);
  }
  return iconv.decode(bytes, 'utf8', { stripBOM: false });
}

const MAX_FAST_DIGITS = 15;
// Exact powers of ten: a mantissa of at most 15 digits (below 2^53) divided by one of them is a
// single correctly rounded IEEE operation, so the fast path agrees with JSON.parse bit for bit.
const POW10 = Array.from({ length: MAX_FAST_DIGITS + 1 }, (_, i) => 10 ** i);
/** A number's characters beyond this are refused: no coordinate or attribute needs them. */
const MAX_NUMBER_CHARS = 1024;

const MB = 1024 * 1024;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const isDigit = (b: number): boolean => b >= 0x30 && b <= 0x39;

/**
 * A JSON parser over a stream of chunks that charges every value to a byte budget as it is
 * built, so a document that would outgrow the budget is refused after reading only as much as
 * the budget allows; nothing holds the whole text. Agrees with JSON.parse on every valid
 * document with numbers of at most MAX_NUMBER_CHARS characters (invalid UTF-8 inside strings
 * becomes U+FFFD, as Buffer.toString does) and refuses every invalid one with
 * corrupt('geojsonNotJson'). Pure JavaScript, so a worker running it can be terminated at any moment.
 */
class BudgetedJsonReader {
  private buf: Uint8Array = new Uint8Array(0);
  private pos = 0;
  private ended = false;
  private spent = 0;
  private readonly scratch = new Uint8Array(MAX_NUMBER_CHARS);
  private readonly stack: unknown[] = [];

  constructor(
    private readonly next: ChunkReader,
    private readonly budget: JsonBudget,
  ) {}

  /** The byte at the cursor, reading on when the chunk is used up; -1 at the end. */
  private peek(): number {
    while (this.pos >= this.buf.length) {
      if (this.ended) return -1;
      const chunk = this.next();
      if (chunk === null || chunk.length === 0) {
        this.ended = true;
        return -1;
      }
      this.buf = chunk;
      this.pos = 0;
    }
    return this.buf[this.pos] ?? -1;
  }

  private charge(bytes: number): void {
    this.spent += bytes;
    if (this.spent > this.budget.maxTreeBytes)
      throw tooLarge('geojsonMemory', { limitMb: Math.round(this.budget.maxTreeBytes / MB) });
  }

  private skipSpace(): number {
    let b = this.peek();
    while (isSpace(b)) {
      this.pos += 1;
      b = this.peek();
    }
    return b;
  }

  private expect(b: number): void {
    if (this.skipSpace() !== b) throw corrupt('geojsonNotJson');
    this.pos += 1;
  }

  document(): unknown {
    if (this.peek() === 0xef) {
      // A UTF-8 byte order mark, which readers of GeoJSON files tolerate.
      for (const b of [0xef, 0xbb, 0xbf]) {
        if (this.peek() !== b) throw corrupt('geojsonNotJson');
        this.pos += 1;
      }
    }
    const root = this.value(0);
    if (this.skipSpace() !== -1) throw corrupt('geojsonNotJson');
    return root;
  }

  private value(depth: number): unknown {
    const b = this.skipSpace();
    if (b === 0x7b || b === 0x5b) {
      if (depth >= this.budget.maxDepth) throw tooLarge('geojsonDepth', { max: this.budget.maxDepth });
      this.pos += 1;
      return b === 0x7b ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (b === QUOTE) return this.string();
    if (b === 0x2d || isDigit(b)) return this.number();
    if (b === 0x74) return this.literal('true', true);
    if (b === 0x66) return this.literal('false', false);
    if (b === 0x6e) return this.literal('null', null);
    throw corrupt('geojsonNotJson');
  }

  private literal<T>(word: string, result: T): T {
    for (let i = 0; i < word.length; i += 1) {
      if (this.peek() !== word.charCodeAt(i)) throw corrupt('geojsonNotJson');
      this.pos += 1;
    }
    return result;
  }

  private array(depth: number): unknown[] {
    this.charge(TREE_COST.array);
    if (this.skipSpace() === 0x5d) {
      this.pos += 1;
      return [];
    }
    // Elements gather on one shared stack and leave it as an array of exactly their number:
    // growing each array by push would leave up to half its store unused (coordinate pairs
    // took three times their size that way).
    const { stack } = this;
    const start = stack.length;
    for (;;) {
      stack.push(this.value(depth));
      const b = this.skipSpace();
      this.pos += 1;
      if (b === 0x5d) {
        const items = stack.slice(start);
        stack.length = start;
        return items;
      }
      if (b !== 0x2c) throw corrupt('geojsonNotJson');
    }
  }

  private object(depth: number): Record<string, unknown> {
    this.charge(TREE_COST.object);
    const members: Record<string, unknown> = {};
    if (this.skipSpace() === 0x7d) {
      this.pos += 1;
      return members;
    }
    for (;;) {
      if (this.skipSpace() !== QUOTE) throw corrupt('geojsonNotJson');
      const key = this.string();
      this.expect(0x3a);
      this.charge(TREE_COST.member);
      const value = this.value(depth);
      // A "__proto__" member is data, as JSON.parse makes it, not a prototype; every other
      // member is assigned plainly, which keeps the object in V8's fast mode.
      if (key === '__proto__')
        Object.defineProperty(members, key, { value, writable: true, enumerable: true, configurable: true });
      else members[key] = value;
      const b = this.skipSpace();
      this.pos += 1;
      if (b === 0x7d) return members;
      if (b !== 0x2c) throw corrupt('geojsonNotJson');
    }
  }

  /** A string token at the cursor (on its opening quote). */
  private string(): string {
    this.pos += 1;
    this.charge(TREE_COST.string);
    let parts: Uint8Array[] | null = null;
    let escaped = false;
    // A backslash ended the previous chunk: the byte it escapes is taken as is, not as a quote.
    let carry = false;
    for (;;) {
      if (this.peek() === -1) throw corrupt('geojsonNotJson');
      const { buf } = this;
      const from = this.pos;
      let i = carry ? from + 1 : from;
      carry = false;
      let closed = false;
      while (i < buf.length) {
        const b = buf[i] ?? 0;
        if (b === QUOTE) {
          closed = true;
          break;
        }
        if (b < 0x20) throw corrupt('geojsonNotJson');
        if (b === BACKSLASH) {
          // JSON.parse judges the escape below; here it only must not end the string.
          escaped = true;
          if (i + 1 >= buf.length) carry = true;
          i += 1;
        }
        i += 1;
      }
      const end = Math.min(i, buf.length);
      this.charge((end - from) * TREE_COST.stringByte);
      if (closed && parts === null) {
        this.pos = end + 1;
        if (!escaped) return decode(buf.subarray(from, end));
        return unescape(decode(buf.subarray(from, end)));
      }
      parts ??= [];
      parts.push(buf.slice(from, end));
      this.pos = closed ? end + 1 : end;
      if (closed) break;
    }
    const raw = decode(concat(parts));
    return escaped ? unescape(raw) : raw;
  }

  /** A number token at the cursor, validated against JSON's grammar. */
  private number(): number {
    this.charge(TREE_COST.number);
    const { scratch } = this;
    let n = 0;
    let b = this.peek();
    while (b === 0x2d || b === 0x2b || b === 0x2e || b === 0x45 || b === 0x65 || isDigit(b)) {
      if (n >= scratch.length) throw corrupt('geojsonNotJson');
      scratch[n] = b;
      n += 1;
      this.pos += 1;
      b = this.peek();
    }
    return numberOf(scratch, n);
  }
}

/** The string a JSON string body with escapes stands for; JSON.parse knows the escape rules. */
function unescape(body: string): string {
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    throw corrupt('geojsonNotJson');
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/**
 * The value of `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?` in `s[0..n)`; corrupt when it does not
 * match. Up to 15 significant digits without exponent are computed exactly; the rest go to
 * Number(), which rounds as JSON.parse does.
 */
function numberOf(s: Uint8Array, n: number): number {
  let i = 0;
  const negative = s[0] === 0x2d;
  if (negative) i += 1;
  const intStart = i;
  while (i < n && isDigit(s[i] ?? 0)) i += 1;
  const intDigits = i - intStart;
  if (intDigits === 0 || (intDigits > 1 && s[intStart] === 0x30)) throw corrupt('geojsonNotJson');
  let fracDigits = 0;
  if (i < n && s[i] === 0x2e) {
    i += 1;
    const fracStart = i;
    while (i < n && isDigit(s[i] ?? 0)) i += 1;
    fracDigits = i - fracStart;
    if (fracDigits === 0) throw corrupt('geojsonNotJson');
  }
  let exponent = false;
  if (i < n && (s[i] === 0x65 || s[i] === 0x45)) {
    exponent = true;
    i += 1;
    if (i < n && (s[i] === 0x2b || s[i] === 0x2d)) i += 1;
    const expStart = i;
    while (i < n && isDigit(s[i] ?? 0)) i += 1;
    if (i === expStart) throw corrupt('geojsonNotJson');
  }
  if (i !== n) throw corrupt('geojsonNotJson');
  if (exponent || intDigits + fracDigits > MAX_FAST_DIGITS)
    return Number(String.fromCharCode(...s.subarray(0, n)));
  let mantissa = 0;
  for (let k = intStart; k < n; k += 1) {
    const d = s[k] ?? 0;
    if (d !== 0x2e) mantissa = mantissa * 10 + (d - 0x30);
  }
  const value = mantissa / (POW10[fracDigits] ?? 1);
  return negative ? -value : value;
}

/** Parses the JSON document `next` yields within `budget`; see BudgetedJsonReader. */
export function readBudgetedJson(next: ChunkReader, budget: JsonBudget): unknown {
  return new BudgetedJsonReader(next, budget).document();
}
