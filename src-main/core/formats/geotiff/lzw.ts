import { corrupt } from '../format-error.js';

const CLEAR = 256;
const EOI = 257;
const TABLE = 4096;

/**
 * Decodes TIFF LZW (MSB-first codes, "early change" width switch) into at most `maxOutput`
 * bytes: the output is allocated from the header-derived block size, never from the stream, so a
 * crafted stream cannot grow memory. Throws FormatError on an impossible code.
 */
export function lzwDecode(input: Uint8Array, maxOutput: number): Uint8Array {
  const out = new Uint8Array(maxOutput);
  const prefix = new Uint16Array(TABLE);
  const suffix = new Uint8Array(TABLE);
  const first = new Uint8Array(TABLE);
  const length = new Uint16Array(TABLE);
  for (let i = 0; i < 256; i += 1) {
    suffix[i] = i;
    first[i] = i;
    length[i] = 1;
  }
  let next = 258;
  let width = 9;
  let prev = -1;
  let pos = 0;
  let inPos = 0;
  let buf = 0;
  let bits = 0;
  for (;;) {
    while (bits < width && inPos < input.length) {
      buf = ((buf << 8) | (input[inPos] ?? 0)) & 0xffffff;
      inPos += 1;
      bits += 8;
    }
    if (bits < width) break;
    const code = (buf >>> (bits - width)) & ((1 << width) - 1);
    bits -= width;
    if (code === EOI) break;
    if (code === CLEAR) {
      next = 258;
      width = 9;
      prev = -1;
      continue;
    }
    let emitCode: number;
    if (prev === -1) {
      if (code > 255) throw corrupt('lzwStart');
      emitCode = code;
    } else if (code < next) {
      emitCode = code;
      if (next < TABLE) addEntry(next++, prev, first[code] ?? 0);
    } else if (code === next && next < TABLE) {
      addEntry(next++, prev, first[prev] ?? 0);
      emitCode = code;
    } else {
      throw corrupt('lzwCode');
    }
    const len = length[emitCode] ?? 0;
    if (pos + len > maxOutput) break;
    let c = emitCode;
    for (let k = pos + len - 1; k >= pos; k -= 1) {
      out[k] = suffix[c] ?? 0;
      c = prefix[c] ?? 0;
    }
    pos += len;
    prev = code;
    if (next >= (1 << width) - 1 && width < 12) width += 1;
  }
  return out;

  function addEntry(at: number, before: number, ch: number): void {
    prefix[at] = before;
    suffix[at] = ch;
    first[at] = first[before] ?? 0;
    length[at] = (length[before] ?? 0) + 1;
  }
}
