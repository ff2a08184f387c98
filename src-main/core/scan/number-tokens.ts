/** Where a source coordinate's exact text was found in a text file: the character offset. */
export interface CoordinateHit {
  readonly offset: number;
}

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * Finds the source's exact coordinates among the numbers of a text stream (GeoJSON, XML, CSV):
 * each number token is looked up in the set as it is written and as the shortest decimal that
 * round-trips, so `108.1234560` and `1.081234560e2` are found as `108.123456`. Linear in the text,
 * whatever the number of coordinates. A token cut by a chunk boundary is carried to the next chunk.
 */
export class CoordinateScanner {
  private carry = '';
  private consumed = 0;
  readonly hits: CoordinateHit[] = [];

  constructor(private readonly coordinates: ReadonlySet<string>) {}

  push(text: string): void {
    const data = this.carry + text;
    const base = this.consumed - this.carry.length;
    // A number touching the end may go on in the next chunk: keep it back.
    const tail = /-?[\d.eE+-]*$/.exec(data)?.[0] ?? '';
    const body = data.slice(0, data.length - tail.length);
    this.scan(body, base);
    this.carry = tail;
    this.consumed += text.length;
  }

  /** Scans what is carried over at the end of the stream. */
  end(): void {
    this.scan(this.carry, this.consumed - this.carry.length);
    this.carry = '';
  }

  private scan(text: string, base: number): void {
    if (this.coordinates.size === 0) return;
    for (const match of text.matchAll(NUMBER)) {
      const token = match[0];
      if (this.coordinates.has(token) || this.coordinates.has(String(Number(token))))
        this.hits.push({ offset: base + match.index });
    }
  }
}

/**
 * Finds the source's exact coordinates stored as binary doubles (a shapefile's `.shp`, GeoPackage
 * geometry blobs, a TIFF tag): every 8-byte window is read as a little- and a big-endian float64
 * and looked up in the set — one lookup per byte and order, whatever the number of coordinates.
 * Seven bytes are carried across chunks so a value split by a boundary is still found.
 */
export class Float64Scanner {
  private carry = new Uint8Array(0);
  private consumed = 0;
  readonly hits: CoordinateHit[] = [];

  constructor(private readonly values: ReadonlySet<number>) {}

  push(chunk: Uint8Array): void {
    if (this.values.size === 0) return;
    const data = new Uint8Array(this.carry.length + chunk.length);
    data.set(this.carry, 0);
    data.set(chunk, this.carry.length);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const base = this.consumed - this.carry.length;
    for (let i = 0; i + 8 <= data.length; i++) {
      if (this.values.has(view.getFloat64(i, true)) || this.values.has(view.getFloat64(i, false)))
        this.hits.push({ offset: base + i });
    }
    this.consumed += chunk.length;
    this.carry = data.slice(Math.max(0, data.length - 7));
  }
}
