import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { insertVersion1Raster, withTempDir } from '../fixtures.js';

const HEX = (c: string): string => c.repeat(64);

describe('migration 0018-audit-keys', () => {
  it('adds append-only audit keys and a version chain that appends only at its tail; versions can no longer be deleted', async () => {
    await withTempDir(async (dir) => {
      const conn = await SqliteConnection.open(path.join(dir, 'c.sqlite'));
      try {
        await migrate(conn, 17);
        const ds = await insertVersion1Raster(conn, 1);
        await conn.run(
          `INSERT INTO record_versions (dataset_id, version, title, abstract, level, period, author, created_at)
           VALUES (?, 1, '图', '', '内部', '长期', 'li.na', '2024-05-01T08:00:00.000Z')`,
          [ds.id],
        );
        const before = await conn.all('SELECT * FROM record_versions');
        expect(await migrate(conn, 18)).toBe(18);
        expect(await schemaVersion(conn)).toBe(18);
        expect(await conn.all('SELECT * FROM record_versions')).toEqual(before);

        await conn.run(
          `INSERT INTO audit (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (1, 't', 'a', 'x', NULL, '{}', ?, ?)`,
          [HEX('0'), HEX('1')],
        );
        await expect(conn.run('INSERT INTO audit_keys (seq, mac) VALUES (1, ?)', ['ab'])).rejects.toThrow(
          /CHECK/,
        );
        await conn.run('INSERT INTO audit_keys (seq, mac) VALUES (1, ?)', [HEX('a')]);
        await expect(conn.run('UPDATE audit_keys SET mac = ?', [HEX('b')])).rejects.toThrow(/append-only/);
        await expect(conn.run('DELETE FROM audit_keys')).rejects.toThrow(/append-only/);

        const link = (seq: number, prev: string, hash: string): Promise<unknown> =>
          conn.run(
            `INSERT INTO version_chain (seq, dataset_id, version, version_hash, prev_hash, hash, mac)
             VALUES (?, 'ds_1', ?, ?, ?, ?, NULL)`,
            [seq, seq, HEX('c'), prev, hash],
          );
        await expect(link(2, HEX('0'), HEX('d'))).rejects.toThrow(/tail/);
        await expect(link(1, HEX('e'), HEX('d'))).rejects.toThrow(/tail/);
        await link(1, HEX('0'), HEX('d'));
        await link(2, HEX('d'), HEX('f'));
        await expect(conn.run('UPDATE version_chain SET mac = NULL')).rejects.toThrow(/append-only/);
        await expect(conn.run('DELETE FROM version_chain')).rejects.toThrow(/append-only/);
        await expect(conn.run('DELETE FROM record_versions')).rejects.toThrow(/append-only/);
      } finally {
        await conn.close();
      }
    });
  });
});
