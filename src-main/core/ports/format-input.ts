import type { ByteSource } from './byte-source.js';

/**
 * One file of a deposit as a format module sees it: random access (`read`), the whole file within
 * a budget, a pull reader for streaming parsers, and the sidecars beside it. The host implements
 * it over the file system; every file a module reaches through it joins the dataset's file set, so
 * what is stored is exactly what was read.
 */
export interface FormatInput extends ByteSource {
  /**
   * The whole file; refused as too large, naming `part` (e.g. '.dbf', 'GeoJSON'), over `budget`
   * bytes, checked before any byte is read.
   */
  readAll(budget: number, part: string): Promise<Uint8Array>;
  /**
   * A reader of successive chunks of at most `chunkBytes` from the start, an empty one at the end;
   * refused like `readAll` over `budget`. The reader is synchronous because the streaming parsers
   * pull (they run in a parse worker, off every serving loop).
   */
  pullChunks(chunkBytes: number, budget: number, part: string): Promise<() => Uint8Array>;
  /**
   * The file beside this one with the same stem and extension `ext` (no dot), matched without
   * regard to case or Unicode normalisation; the exact-case one wins when both exist. Null if none.
   */
  sibling(ext: string): Promise<FormatInput | null>;
}
