import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { insertVersion1Raster, withTempDir } from '../fixtures.js';

const insert = `INSERT INTO accounts (name, display_name, roles, disabled, password, public_key, wrapped_key,
    revision, created_at, created_by, certificate)
  VALUES (?, '王审查', ?, 0, '{}', 'PEM', '{}', 1, '2026-12-04T00:00:00.000Z', 'admin1', 'sig')`;

describe('migration 0012-accounts', () => {
  it('adds an empty accounts table and an audit index by subject, changing no row', async () => {
    await withTempDir(async (dir) => {
      const conn = await SqliteConnection.open(path.join(dir, 'c.sqlite'));
      try {
        await migrate(conn, 11);
        await insertVersion1Raster(conn, 1);
        const before = await conn.all('SELECT * FROM datasets');
        expect(await migrate(conn, 12)).toBe(12);
        expect(await schemaVersion(conn)).toBe(12);
        expect(await conn.all('SELECT * FROM datasets')).toEqual(before);
        expect(await conn.all('SELECT * FROM accounts')).toEqual([]);
        const plan = await conn.all<{ detail: string }>(
          "EXPLAIN QUERY PLAN SELECT * FROM audit WHERE subject = 'account:wang' ORDER BY seq DESC LIMIT 1",
        );
        expect(plan.map((p) => p.detail).join(' ')).toMatch(/audit_subject/);

        await conn.run(insert, ['wang.shen', '["reviewer"]']);
        const row = await conn.get<{ failed_attempts: number; locked_until: string | null }>(
          'SELECT failed_attempts, locked_until FROM accounts',
        );
        expect(row).toEqual({ failed_attempts: 0, locked_until: null });
        await expect(conn.run(insert, ['wang.shen', '["reviewer"]'])).rejects.toThrow(/UNIQUE/);
        await expect(conn.run(insert, ['Wang', '["reviewer"]'])).rejects.toThrow(/CHECK/);
        await expect(conn.run(insert, ['li.na', '"reviewer"'])).rejects.toThrow(/CHECK/);
        await expect(conn.run('UPDATE accounts SET disabled = 2')).rejects.toThrow(/CHECK/);
        await expect(conn.run('UPDATE accounts SET revision = 0')).rejects.toThrow(/CHECK/);
      } finally {
        await conn.close();
      }
    });
  });
});
