import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../../../src-main/core/formats/format-error.js';
import { inflateEntry, readZip } from '../../../../../src-main/core/formats/zip/archive.js';
import { zipEntryInput } from '../../../../../src-main/core/formats/zip/zip-input.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const MTIME = new Date('2024-01-01T00:00:00Z');
const zip = (files: Record<string, Uint8Array>, level: 0 | 6 = 6): Uint8Array =>
  zipSync(files, { level, mtime: MTIME });

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof FormatError) return `${e.kind}:${e.problem}`;
    throw e;
  }
  return 'none';
}

describe('safe in-memory unzip', () => {
  it('reads stored and deflated entries, checking their CRC', () => {
    const archive = readZip(zip({ 'a.txt': text('hello'), 'dir/b.txt': text('x'.repeat(5000)) }));
    expect(archive.entries.map((e) => e.name)).toEqual(['a.txt', 'dir/b.txt']);
    const [a, b] = archive.entries;
    if (a === undefined || b === undefined) throw new Error('entries');
    expect(new TextDecoder().decode(inflateEntry(archive, a))).toBe('hello');
    expect(inflateEntry(archive, b)).toHaveLength(5000);
  });

  it.each([
    ['../x.shp', 'zipNameParent'],
    ['a/../../x.shp', 'zipNameParent'],
    ['/etc/x.shp', 'zipNameAbsolute'],
    ['C:/x.shp', 'zipNameDrive'],
    ['a\\x.shp', 'zipNameBackslash'],
    ['a\u0001.shp', 'zipNameControl'],
    ['CON.shp', 'zipNameReserved'],
    ['a//x.shp', 'zipNameEmpty'],
  ])('refuses the entry name %j (%s)', (name, problem) => {
    expect(problemOf(() => readZip(zip({ [name]: text('x') })))).toBe(`unsupported:${problem}`);
  });

  it('refuses names that collide ignoring case or Unicode normalisation', () => {
    expect(problemOf(() => readZip(zip({ 'A.shp': text('1'), 'a.SHP': text('2') })))).toBe(
      'unsupported:zipDuplicateName',
    );
    expect(problemOf(() => readZip(zip({ 'caf\u00e9.shp': text('1'), 'cafe\u0301.shp': text('2') })))).toBe(
      'unsupported:zipDuplicateName',
    );
  });

  it('refuses by the directory, before inflating: entry count, total size, ratio', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${String(i)}.txt`, text('x')]));
    const limits = { maxEntries: 10, maxTotalBytes: 1000, maxRatio: 10, ratioFloorBytes: 100 };
    expect(problemOf(() => readZip(zip(many), limits))).toBe('too-large:zipEntries');
    expect(problemOf(() => readZip(zip({ a: new Uint8Array(2000) }, 0), limits))).toBe('too-large:zipTotal');
    expect(problemOf(() => readZip(zip({ a: new Uint8Array(900) }), limits))).toBe('too-large:zipRatio');
  });

  it('stops an entry that inflates beyond its declared size (a lying directory)', () => {
    const bytes = zip({ 'a.bin': new Uint8Array(100_000) });
    const archive = readZip(bytes);
    const entry = archive.entries[0];
    if (entry === undefined) throw new Error('entry');
    const lying = { ...entry, size: 1000 };
    expect(problemOf(() => inflateEntry({ ...archive, entries: [lying] }, lying))).toBe(
      'corrupt:zipEntryData',
    );
  });

  it('refuses a damaged entry (CRC) and a truncated archive', () => {
    const bytes = zip({ 'a.txt': text('hello world') }, 0);
    const damaged = bytes.slice();
    const at = damaged.indexOf(0x68); // the stored "h"
    damaged[at] = 0x48;
    const archive = readZip(damaged);
    const entry = archive.entries[0];
    if (entry === undefined) throw new Error('entry');
    expect(problemOf(() => inflateEntry(archive, entry))).toBe('corrupt:zipEntryData');
    expect(problemOf(() => readZip(bytes.subarray(0, bytes.length - 10)))).toBe('corrupt:zipNoDirectory');
  });

  it('gives entries as inputs whose siblings are the same stem in the same folder', async () => {
    const archive = readZip(zip({ 'a/p.shp': text('1'), 'a/P.DBF': text('2'), 'b/p.prj': text('4') }));
    const shp = archive.entries[0];
    if (shp === undefined) throw new Error('entry');
    const input = zipEntryInput(archive, shp);
    expect(input.name).toBe('p.shp');
    const dbf = await input.sibling('dbf');
    expect(dbf?.name).toBe('P.DBF');
    expect(new TextDecoder().decode(await dbf?.readAll(10, '.dbf'))).toBe('2');
    expect(await input.sibling('prj')).toBeNull();
    await expect(input.readAll(0, '.shp')).rejects.toMatchObject({ problem: 'zipEntryOverBudget' });
  });
});
