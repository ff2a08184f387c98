/**
 * Decodes a PackBits (TIFF compression 32773) stream into at most `expected` bytes (ADR 0013).
 * Output never grows past `expected`, whatever the stream claims; a stream that ends early gives
 * a shorter result, which the caller reports as a truncated block.
 */
export function packBitsDecode(input: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let i = 0;
  let o = 0;
  while (i < input.length && o < expected) {
    const header = input[i] ?? 0;
    i += 1;
    if (header < 128) {
      // 0..127: the next header + 1 bytes are literal.
      const n = Math.min(header + 1, expected - o, input.length - i);
      out.set(input.subarray(i, i + n), o);
      i += header + 1;
      o += n;
    } else if (header > 128) {
      // 129..255 (-127..-1 signed): the next byte repeated 257 - header times.
      if (i >= input.length) break;
      const n = Math.min(257 - header, expected - o);
      out.fill(input[i] ?? 0, o, o + n);
      i += 1;
      o += n;
    }
    // 128 (-128) is a no-op by the TIFF 6.0 specification.
  }
  return o === expected ? out : out.subarray(0, o);
}
