import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../../src-main/node/store/catalogue.js';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { insertVersion1Raster, withTempDir } from '../fixtures.js';

describe('migration 0006-settings', () => {
  it('adds an empty settings table to a version-5 catalogue with data, changing no row', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      const conn = await SqliteConnection.open(file);
      try {
        await migrate(conn, 5);
        await insertVersion1Raster(conn, 1);
        const before = await conn.all('SELECT * FROM datasets');
        expect(await migrate(conn, 6)).toBe(6);
        expect(await schemaVersion(conn)).toBe(6);
        expect(await conn.all('SELECT * FROM datasets')).toEqual(before);
        expect(await conn.all('SELECT * FROM settings')).toEqual([]);
        const insert =
          "INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, '2026-01-01', 'a')";
        await expect(conn.run(insert, ['basemaps', 'not json'])).rejects.toThrow(/CHECK/);
        await expect(conn.run(insert, ['', '[]'])).rejects.toThrow(/CHECK/);
        await conn.run(insert, ['basemaps', '[]']);
        await expect(conn.run(insert, ['basemaps', '[]'])).rejects.toThrow(/UNIQUE/);
      } finally {
        await conn.close();
      }
    });
  });

  it('stores a setting with who set it, replaces it on the next put, and rolls back with its transaction', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      const at = new Date('2026-12-02T08:00:00.000Z');
      const store = await openCatalogue(file, { now: () => at });
      try {
        expect(await store.getSetting('basemaps')).toBeNull();
        const first = [
          { id: 'a', kind: 'mbtiles', name: '底图', attribution: 'GS(2026)1号', path: '/srv/a.mbtiles' },
        ];
        await store.write((tx) => tx.putSetting('basemaps', first, 'admin1'));
        expect(await store.getSetting('basemaps')).toEqual(first);
        await store.write((tx) => tx.putSetting('basemaps', [], 'admin2'));
        expect(await store.getSetting('basemaps')).toEqual([]);
        await expect(
          store.write(async (tx) => {
            await tx.putSetting('basemaps', first, 'admin3');
            throw new Error('audit failed');
          }),
        ).rejects.toThrow('audit failed');
        expect(await store.getSetting('basemaps')).toEqual([]);
        const rows = await store.reader.all('SELECT key, updated_at, updated_by FROM settings');
        expect(rows).toEqual([{ key: 'basemaps', updated_at: at.toISOString(), updated_by: 'admin2' }]);
      } finally {
        await store.close();
      }
    });
  });
});
