import type { PatternEncoding, SecretPattern } from './secret-patterns.js';
import type { SecretKind } from './secret-inventory.js';

/** Where a secret's bytes were found: the offset within the searched part, never the value. */
export interface ScanHit {
  readonly offset: number;
  readonly encoding: PatternEncoding;
  readonly kind: SecretKind;
  readonly secretIndex: number;
}

function matchesAt(data: Uint8Array, at: number, pattern: Uint8Array): boolean {
  for (let j = 0; j < pattern.length; j++) if (data[at + j] !== pattern[j]) return false;
  return true;
}

/**
 * Searches a stream of chunks for every pattern; carries the last (longest pattern - 1) bytes over
 * from one chunk to the next, so a value split across a chunk boundary is still found.
 */
export class ByteSearcher {
  private readonly byFirst = new Map<number, SecretPattern[]>();
  private readonly overlap: number;
  private carry = new Uint8Array(0);
  private consumed = 0;
  readonly hits: ScanHit[] = [];

  constructor(patterns: readonly SecretPattern[]) {
    let longest = 1;
    for (const p of patterns) {
      const first = p.bytes[0] ?? 0;
      const list = this.byFirst.get(first) ?? [];
      list.push(p);
      this.byFirst.set(first, list);
      longest = Math.max(longest, p.bytes.length);
    }
    this.overlap = longest - 1;
  }

  push(chunk: Uint8Array): void {
    const data = new Uint8Array(this.carry.length + chunk.length);
    data.set(this.carry, 0);
    data.set(chunk, this.carry.length);
    const base = this.consumed - this.carry.length;
    // A start in the carried bytes was already tried unless its match needed bytes from this chunk.
    for (let i = 0; i < data.length; i++) {
      const list = this.byFirst.get(data[i] ?? -1);
      if (list === undefined) continue;
      for (const p of list) {
        if (i + p.bytes.length > data.length) continue;
        if (i < this.carry.length && i + p.bytes.length <= this.carry.length) continue;
        if (matchesAt(data, i, p.bytes)) {
          this.hits.push({
            offset: base + i,
            encoding: p.encoding,
            kind: p.kind,
            secretIndex: p.secretIndex,
          });
        }
      }
    }
    this.consumed += chunk.length;
    this.carry = data.slice(Math.max(0, data.length - this.overlap));
  }
}

/** Searches one whole buffer. */
export function searchBytes(data: Uint8Array, patterns: readonly SecretPattern[]): ScanHit[] {
  const s = new ByteSearcher(patterns);
  s.push(data);
  return s.hits;
}
