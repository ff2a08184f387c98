import type { AttributeValue, FieldInfo } from '../../model/index.js';
import { corrupt, tooLarge } from '../format-error.js';
import { chooseEncoding, decodeText, type DbfEncoding } from './encoding.js';

interface DbfField {
  readonly name: string;
  readonly type: string;
  readonly offset: number;
  readonly length: number;
}

export interface DbfContent {
  readonly fields: FieldInfo[];
  /** One entry per record in file order; null for a record flagged deleted ('*'). */
  readonly records: (Record<string, AttributeValue> | null)[];
  /** The records flagged deleted, decoded, when asked for (`DbfLimits.deleted`); else empty. */
  readonly deleted: readonly DeletedDbfRecord[];
  readonly encoding: DbfEncoding;
}

/** A record flagged deleted but still in the file until the table is packed. */
export interface DeletedDbfRecord {
  /** 1..N in file order. */
  readonly record: number;
  readonly values: Readonly<Record<string, AttributeValue>>;
}

export interface DbfLimits {
  readonly maxRecords: number;
  /** Decode the records flagged deleted too (the hidden-content inventory); never for features. */
  readonly deleted?: boolean;
}

const FIELD_TYPES: Readonly<Record<string, FieldInfo['type']>> = {
  C: 'string',
  N: 'number',
  F: 'number',
  L: 'boolean',
  D: 'date',
};

function ascii(bytes: Uint8Array): string | null {
  let s = '';
  for (const b of bytes) {
    if (b > 0x7f) return null;
    s += String.fromCharCode(b);
  }
  return s;
}

const text = (bytes: Uint8Array, enc: DbfEncoding): string => ascii(bytes) ?? decodeText(bytes, enc);

/** Trailing blanks and NULs are padding in dBASE character fields. */
function trimEnd(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end -= 1;
  return bytes.subarray(0, end);
}

function value(raw: Uint8Array, field: DbfField, enc: DbfEncoding): AttributeValue {
  const trimmed = trimEnd(raw);
  switch (field.type) {
    case 'N':
    case 'F': {
      const s = (ascii(trimmed) ?? '').trim();
      if (s === '' || /^[*?]+$/.test(s)) return null;
      const n = Number(s);
      return Number.isFinite(n) ? n : null;
    }
    case 'L': {
      const c = String.fromCharCode(trimmed[0] ?? 0x3f).toUpperCase();
      return c === 'T' || c === 'Y' ? true : c === 'F' || c === 'N' ? false : null;
    }
    case 'D': {
      const s = ascii(trimmed)?.trim() ?? '';
      return /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : null;
    }
    default:
      return trimmed.length === 0 ? null : text(trimmed, enc);
  }
}

/**
 * Reads a dBASE III/IV table. Trusts the header's record count and length (junk after the last
 * record is ignored) after checking count × length fits the file. Deleted records ('*' flag)
 * come back as null so their values never reach a feature; only the hidden-content inventory asks
 * for them (`limits.deleted`), in `deleted`. `cpg` is the .cpg sidecar, if any.
 */
export function readDbf(bytes: Uint8Array, cpg: Uint8Array | null, limits: DbfLimits): DbfContent {
  if (bytes.length < 32) throw corrupt('dbfShorterThanHeader');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (count > limits.maxRecords) throw tooLarge('dbfTooManyRecords', { count });
  if (headerLength < 33 || headerLength > bytes.length) throw corrupt('dbfHeaderLength');
  if (count > 0 && (recordLength < 1 || headerLength + count * recordLength > bytes.length)) {
    throw corrupt('dbfShorterThanRecords');
  }
  const rawFields: { nameBytes: Uint8Array; type: string; offset: number; length: number }[] = [];
  let offset = 1;
  for (let at = 32; at + 32 <= headerLength && bytes[at] !== 0x0d; at += 32) {
    const nameRaw = bytes.subarray(at, at + 11);
    const nul = nameRaw.indexOf(0);
    const length = bytes[at + 16] ?? 0;
    rawFields.push({
      nameBytes: nul >= 0 ? nameRaw.subarray(0, nul) : nameRaw,
      type: String.fromCharCode(bytes[at + 11] ?? 0x43).toUpperCase(),
      offset,
      length,
    });
    offset += length;
  }
  if (count > 0 && offset > recordLength) throw corrupt('dbfFieldsTooWide');
  const sample: number[] = [];
  for (const f of rawFields) sample.push(...f.nameBytes, 0x20);
  const charFields = rawFields.filter((f) => f.type === 'C');
  for (let r = 0; r < count && sample.length < 1 << 20; r += 1) {
    const base = headerLength + r * recordLength;
    for (const f of charFields)
      sample.push(...trimEnd(bytes.subarray(base + f.offset, base + f.offset + f.length)), 0x20);
  }
  const encoding = chooseEncoding(cpg, bytes[29] ?? 0, Uint8Array.from(sample));
  const used = new Set<string>();
  const fields: DbfField[] = rawFields.map((f) => {
    const base = text(f.nameBytes, encoding).trim() || 'FIELD';
    let name = base;
    for (let n = 2; used.has(name); n += 1) name = `${base}_${String(n)}`;
    used.add(name);
    return { name, type: f.type, offset: f.offset, length: f.length };
  });
  const records: (Record<string, AttributeValue> | null)[] = [];
  const deleted: DeletedDbfRecord[] = [];
  for (let r = 0; r < count; r += 1) {
    const base = headerLength + r * recordLength;
    const flagged = bytes[base] === 0x2a;
    if (flagged && limits.deleted !== true) {
      records.push(null);
      continue;
    }
    const props: Record<string, AttributeValue> = {};
    for (const f of fields)
      props[f.name] = value(bytes.subarray(base + f.offset, base + f.offset + f.length), f, encoding);
    records.push(flagged ? null : props);
    if (flagged) deleted.push({ record: r + 1, values: props });
  }
  return {
    fields: fields.map((f) => ({ name: f.name, type: FIELD_TYPES[f.type] ?? 'other' })),
    records,
    deleted,
    encoding,
  };
}
