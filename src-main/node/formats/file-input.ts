import { closeSync, openSync, readSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { StrataError } from '../../api/errors.js';
import type { FormatInput } from '../../core/ports/index.js';
import { openFileSource, type ClosableByteSource } from '../fs/file-source.js';
import { openReadonlySqlite } from './readonly-sqlite.js';

/** A FormatInput over files on disk, and the files it reached (the set to store), main file first. */
export interface FileInputs {
  readonly input: FormatInput;
  /** Absolute paths of every file opened through the inputs, in the order first reached. */
  readonly files: () => readonly string[];
  /** Closes every file still open. */
  readonly close: () => Promise<void>;
}

const stemOf = (name: string): string =>
  path.basename(name, path.extname(name)).normalize('NFC').toLowerCase();

/** `ext` may hold dots ('tif.aux.xml'): the sibling is `<stem>.<ext>`, matched as a whole name. */
async function findSibling(file: string, ext: string): Promise<string | null> {
  const dir = path.dirname(file);
  const wanted = `${stemOf(file)}.${ext.normalize('NFC').toLowerCase()}`;
  let found: string | null = null;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name.normalize('NFC').toLowerCase() !== wanted) continue;
    // The exact-case sibling wins when both `a.dbf` and `a.DBF` exist.
    if (found === null || entry.name.endsWith(`.${ext}`)) found = path.join(dir, entry.name);
  }
  return found;
}

function tooLarge(file: string, part: string, budget: number): StrataError {
  return new StrataError('TOO_LARGE', {
    file: path.basename(file),
    problem: 'problem.partOverBudget',
    part,
    bytes: budget,
  });
}

/**
 * Opens `main` as a FormatInput. Sidecars are opened lazily on first use, and every file opened
 * joins `files()`: what a format module read is what the importer stores.
 */
export async function openFileInputs(main: string): Promise<FileInputs> {
  const opened = new Map<string, ClosableByteSource>();
  // The set's order is the order files were asked for, not the order their opens finished.
  const asked: string[] = [main];
  const syncHandles: number[] = [];

  async function inputFor(file: string): Promise<FormatInput> {
    const source = opened.get(file) ?? (await openFileSource(file));
    opened.set(file, source);
    return {
      name: source.name,
      size: source.size,
      read: (offset, length) => source.read(offset, length),
      // Both checked against the size the open handle saw. readFile rather than a read into a fresh
      // array: that measured ~500 MB more resident memory on a 900 MB part (parse-budgets.test.ts).
      async readAll(budget, part) {
        if (source.size > budget) throw tooLarge(file, part, budget);
        const buf = await readFile(file);
        return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      },
      pullChunks(chunkBytes, budget, part) {
        if (source.size > budget) return Promise.reject(tooLarge(file, part, budget));
        const fd = openSync(file, 'r');
        syncHandles.push(fd);
        const chunk = new Uint8Array(chunkBytes);
        return Promise.resolve(() => chunk.subarray(0, readSync(fd, chunk, 0, chunk.length, null)));
      },
      async sibling(ext) {
        const slot = asked.length;
        asked.push('');
        const found = await findSibling(file, ext);
        if (found === null) return null;
        asked[slot] = found;
        return inputFor(found);
      },
      openSqlite: () => openReadonlySqlite(file),
    };
  }

  const input = await inputFor(main);
  return {
    input,
    files: () => asked.filter((f, i) => opened.has(f) && asked.indexOf(f) === i),
    async close() {
      for (const fd of syncHandles.splice(0)) closeSync(fd);
      await Promise.all([...opened.values()].map((s) => s.close()));
      opened.clear();
    },
  };
}
