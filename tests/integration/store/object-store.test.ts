import { execFileSync } from 'node:child_process';
import { copyFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StrataError } from '../../../src-main/api/errors.js';
import { openObjectStore } from '../../../src-main/node/store/object-store.js';
import { withTempDir } from './fixtures.js';
import { fixture } from '../../fixtures/index.js';

const sha256sum = (file: string): string =>
  execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0] ?? '';

describe('object store', () => {
  it('stores a real GeoTIFF under its SHA-256 (as sha256sum computes it), read-only, byte-identical', async () => {
    await withTempDir(async (dir) => {
      const src = path.join(dir, 'guilin_dem.tif');
      await copyFile(fixture('chinese/raster/guilin_dem_xian80_gk40_5m.tif'), src);
      const store = await openObjectStore(path.join(dir, 'store'));
      const progress: number[] = [];
      const put = await store.putFile(src, { onProgress: (done) => progress.push(done) });
      const expected = sha256sum(src);
      expect(put).toEqual({ key: expected, sha256: expected, size: (await stat(src)).size });
      const stored = store.pathOf(put.key);
      expect(stored).toBe(path.join(dir, 'store', 'objects', expected.slice(0, 2), expected.slice(2)));
      expect(sha256sum(stored)).toBe(expected);
      expect((await stat(stored)).mode & 0o777).toBe(0o444);
      expect(await store.has(put.key)).toBe(true);
      expect(progress.at(-1)).toBe(put.size);
      expect(await readdir(path.join(dir, 'store', 'tmp'))).toEqual([]);
    });
  });

  it('deduplicates: the same content from two paths or as bytes is one object, never rewritten', async () => {
    await withTempDir(async (dir) => {
      const a = path.join(dir, 'a.tif');
      const b = path.join(dir, 'copy of a.tif');
      await copyFile(fixture('raster/elev.tif'), a);
      await copyFile(a, b);
      const store = await openObjectStore(path.join(dir, 'store'));
      const first = await store.putFile(a);
      const { mtimeMs, ino } = await stat(store.pathOf(first.key));
      const second = await store.putFile(b);
      const third = await store.putBytes(await readFile(a));
      expect(second).toEqual(first);
      expect(third).toEqual(first);
      const after = await stat(store.pathOf(first.key));
      expect([after.mtimeMs, after.ino]).toEqual([mtimeMs, ino]);
      const prefixes = await readdir(path.join(dir, 'store', 'objects'));
      expect(prefixes).toEqual([first.key.slice(0, 2)]);
      expect(await readdir(path.join(dir, 'store', 'objects', first.key.slice(0, 2)))).toEqual([
        first.key.slice(2),
      ]);
    });
  });

  it('putBytes stores derived bytes under their hash', async () => {
    await withTempDir(async (dir) => {
      const store = await openObjectStore(path.join(dir, 'store'));
      const bytes = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}');
      const put = await store.putBytes(bytes);
      await writeFile(path.join(dir, 'check.json'), bytes);
      expect(put.key).toBe(sha256sum(path.join(dir, 'check.json')));
      expect(new Uint8Array(await readFile(store.pathOf(put.key)))).toEqual(bytes);
    });
  });

  it('rejects keys that are not exactly 64 lower-case hex digits (no path tricks)', async () => {
    await withTempDir(async (dir) => {
      const store = await openObjectStore(path.join(dir, 'store'));
      const bad = [
        '../x',
        '..',
        '',
        'sha256:' + 'a'.repeat(64),
        'A'.repeat(64),
        'a'.repeat(63),
        'a'.repeat(65),
        `${'a'.repeat(62)}/.`,
        `${'a'.repeat(63)}\0`,
        `aa/../../${'a'.repeat(56)}`,
      ];
      for (const key of bad) {
        expect(() => store.pathOf(key)).toThrow(StrataError);
        expect(await store.has(key)).toBe(false);
      }
    });
  });

  it('a missing source gives FILE_NOT_FOUND; a cancelled copy leaves no object and no temp file', async () => {
    await withTempDir(async (dir) => {
      const store = await openObjectStore(path.join(dir, 'store'));
      await expect(store.putFile(path.join(dir, 'nope.tif'))).rejects.toMatchObject({
        code: 'FILE_NOT_FOUND',
        params: { file: 'nope.tif' },
      });
      const src = path.join(dir, 'big.bin');
      await writeFile(src, Buffer.alloc(8 << 20, 7));
      const controller = new AbortController();
      const put = store.putFile(src, {
        signal: controller.signal,
        onProgress: () => {
          controller.abort();
        },
      });
      await expect(put).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(await readdir(path.join(dir, 'store', 'objects'))).toEqual([]);
      expect(await readdir(path.join(dir, 'store', 'tmp'))).toEqual([]);
    });
  });
});
