/** A DBF record flagged deleted: its bytes are still in the file, where any reader can undelete. */
export interface DeletedDbfRecord {
  readonly record: number;
  readonly offset: number;
}

export type DbfCheck =
  | { readonly ok: true; readonly deleted: readonly DeletedDbfRecord[] }
  | { readonly ok: false; readonly problem: 'dbfHeaderShort' | 'dbfLayout' };

/** Finds every record whose flag byte is '*' (0x2A); a header it cannot read is a refusal. */
export function deletedDbfRecords(bytes: Uint8Array): DbfCheck {
  if (bytes.length < 32) return { ok: false, problem: 'dbfHeaderShort' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (recordLength === 0 || headerLength < 33 || headerLength + count * recordLength > bytes.length) {
    return { ok: false, problem: 'dbfLayout' };
  }
  const deleted: DeletedDbfRecord[] = [];
  for (let r = 0; r < count; r++) {
    const offset = headerLength + r * recordLength;
    if (bytes[offset] === 0x2a) deleted.push({ record: r, offset });
  }
  return { ok: true, deleted };
}
