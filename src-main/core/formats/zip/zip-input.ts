import type { FormatInput } from '../../ports/format-input.js';
import { tooLarge, unsupported } from '../format-error.js';
import { inflateEntry, type ZipArchive, type ZipEntry } from './archive.js';

const baseName = (name: string): string => name.slice(name.lastIndexOf('/') + 1);
const dirName = (name: string): string => name.slice(0, name.lastIndexOf('/') + 1);
const stemOf = (name: string): string => {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).normalize('NFC').toLowerCase();
};
const extOf = (name: string): string => {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1) : '';
};

/** The value of `work` as a promise; a throw becomes a rejection, as from the file input. */
const settle = <T>(work: () => T): Promise<T> =>
  new Promise((resolve) => {
    resolve(work());
  });

/**
 * An archive entry as a FormatInput, so a format module reads it as it reads a file on disk:
 * inflated once, on first use; `sibling(ext)` finds the entry beside it in the same folder of the
 * archive with the same stem and extension, case- and NFC-insensitively, like the file-system
 * input (readZip refuses archives where two names differ only so, so the match is unique). The module sees the entry's base name, never the archive's inner path.
 */
export function zipEntryInput(archive: ZipArchive, entry: ZipEntry): FormatInput {
  let inflated: Uint8Array | null = null;
  const bytes = (budget: number, part: string): Uint8Array => {
    if (entry.size > budget) throw tooLarge('zipEntryOverBudget', { part, bytes: budget });
    inflated ??= inflateEntry(archive, entry);
    return inflated;
  };
  return {
    name: baseName(entry.name),
    size: entry.size,
    read: (offset, length) =>
      settle(() => {
        const all = bytes(Number.MAX_SAFE_INTEGER, baseName(entry.name));
        return all.slice(offset, Math.min(all.length, offset + length));
      }),
    readAll: (budget, part) => settle(() => bytes(budget, part)),
    // SQLite reads pages from a file; an entry is bytes in memory.
    openSqlite: () => Promise.reject(unsupported('zipSqlite')),
    pullChunks: (chunkBytes, budget, part) =>
      settle(() => {
        const all = bytes(budget, part);
        let at = 0;
        return () => {
          const chunk = all.subarray(at, Math.min(all.length, at + chunkBytes));
          at += chunk.length;
          return chunk;
        };
      }),
    sibling: (ext) =>
      settle(() => {
        const dir = dirName(entry.name);
        const stem = stemOf(entry.name);
        const found =
          archive.entries.find(
            (other) =>
              other !== entry &&
              dirName(other.name) === dir &&
              stemOf(other.name) === stem &&
              extOf(other.name).toLowerCase() === ext,
          ) ?? null;
        return found === null ? null : zipEntryInput(archive, found);
      }),
  };
}

/** Entries whose base name ends in `.ext` (lower case, no dot), in archive order. */
export const entriesWithExtension = (archive: ZipArchive, ext: string): ZipEntry[] =>
  archive.entries.filter((e) => extOf(e.name).toLowerCase() === ext);

export { baseName as entryBaseName, stemOf as entryStem };
