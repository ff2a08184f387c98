import type { RasterDataType } from '../../model/index.js';
import { TAG } from './tiff-tags.js';

/** TIFF field types the writers emit: BYTE, ASCII, SHORT, LONG, DOUBLE. */
export type FieldType = 1 | 2 | 3 | 4 | 12;

/** One IFD entry to write: numbers of its type, or ASCII text (written NUL-terminated). */
export interface IfdEntry {
  readonly tag: number;
  readonly type: FieldType;
  readonly values: readonly number[] | string;
}

/** SampleFormat of each pixel type: 1 unsigned, 2 signed, 3 IEEE float. */
export const SAMPLE_FORMAT: Readonly<Record<RasterDataType, number>> = {
  Byte: 1,
  UInt16: 1,
  UInt32: 1,
  Int8: 2,
  Int16: 2,
  Int32: 2,
  Float32: 3,
  Float64: 3,
};

const SIZE: Readonly<Record<FieldType, number>> = { 1: 1, 2: 1, 3: 2, 4: 4, 12: 8 };

function payload(entry: IfdEntry): Uint8Array {
  if (typeof entry.values === 'string') {
    const text = entry.values;
    const out = new Uint8Array(text.length + 1);
    for (let i = 0; i < text.length; i += 1) out[i] = text.charCodeAt(i) & 0x7f;
    return out;
  }
  const out = new Uint8Array(entry.values.length * SIZE[entry.type]);
  const view = new DataView(out.buffer);
  entry.values.forEach((v, i) => {
    if (entry.type === 3) view.setUint16(i * 2, v, true);
    else if (entry.type === 4) view.setUint32(i * 4, v, true);
    else if (entry.type === 12) view.setFloat64(i * 8, v, true);
    else out[i] = v;
  });
  return out;
}

/** Little-endian LONGs, as the tile offset and byte-count tables are patched in. */
export function longs(values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    view.setUint32(i * 4, v, true);
  });
  return out;
}

/** Where one written IFD's TileOffsets and TileByteCounts values sit in the file (patched at the end). */
export interface TileTables {
  readonly offsetsAt: number;
  readonly countsAt: number;
}

/**
 * The head of a classic little-endian TIFF: the 8-byte header, then each IFD (entries sorted by
 * tag by the caller) followed by its out-of-line values (word-aligned), each IFD chained to the
 * next. Pixel data goes after `bytes`. Returns where each IFD's tile tables sit.
 */
export function writeIfds(ifds: readonly (readonly IfdEntry[])[]): {
  readonly bytes: Uint8Array;
  readonly tables: readonly TileTables[];
} {
  const parts: { entries: readonly IfdEntry[]; payloads: Uint8Array[]; at: number }[] = [];
  let at = 8;
  for (const entries of ifds) {
    const payloads = entries.map(payload);
    const outOfLine = payloads.reduce(
      (sum, p) => sum + (p.byteLength > 4 ? p.byteLength + (p.byteLength % 2) : 0),
      0,
    );
    parts.push({ entries, payloads, at });
    at += 2 + entries.length * 12 + 4 + outOfLine;
  }
  const out = new Uint8Array(at);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49]);
  view.setUint16(2, 42, true);
  view.setUint32(4, 8, true);
  const tables = parts.map((part, index): TileTables => {
    const { entries, payloads } = part;
    const found = { offsetsAt: 0, countsAt: 0 };
    view.setUint16(part.at, entries.length, true);
    let valueAt = part.at + 2 + entries.length * 12 + 4;
    entries.forEach((entry, i) => {
      const e = part.at + 2 + i * 12;
      const bytes = payloads[i] ?? new Uint8Array(0);
      view.setUint16(e, entry.tag, true);
      view.setUint16(e + 2, entry.type, true);
      view.setUint32(e + 4, typeof entry.values === 'string' ? bytes.byteLength : entry.values.length, true);
      let where = e + 8;
      if (bytes.byteLength > 4) {
        where = valueAt;
        view.setUint32(e + 8, where, true);
        valueAt += bytes.byteLength + (bytes.byteLength % 2);
      }
      out.set(bytes, where);
      if (entry.tag === TAG.TileOffsets) found.offsetsAt = where;
      if (entry.tag === TAG.TileByteCounts) found.countsAt = where;
    });
    const next = parts[index + 1];
    view.setUint32(part.at + 2 + entries.length * 12, next === undefined ? 0 : next.at, true);
    return found;
  });
  return { bytes: out, tables };
}
