import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { idOf, insertVersion1Raster, withTempDir } from '../fixtures.js';

describe('migration 0009-finding-decisions', () => {
  it('adds an append-only decision table that requires a reason to accept or to call a false positive', async () => {
    await withTempDir(async (dir) => {
      const conn = await SqliteConnection.open(path.join(dir, 'c.sqlite'));
      try {
        await migrate(conn, 8);
        await insertVersion1Raster(conn, 1);
        await conn.run(
          `INSERT INTO reviews (id, dataset_id, profile_id, profile_version, profile_name, findings, content_sha256, reviewer, created_at)
           VALUES ('rv_0000000000000001', ?, 'cn-default', 2, '默认', '[]', ?, 'li.na', '2024-06-01T00:00:00.000Z')`,
          [idOf(1), 'cd'.repeat(32)],
        );
        const before = await conn.all('SELECT * FROM reviews');
        expect(await migrate(conn, 9)).toBe(9);
        expect(await schemaVersion(conn)).toBe(9);
        expect(await conn.all('SELECT * FROM reviews')).toEqual(before);
        const decide = (finding: number, decision: string, reason: string): Promise<unknown> =>
          conn.run(
            `INSERT INTO finding_decisions (review_id, finding, decision, reason, decided_by, decided_at)
             VALUES ('rv_0000000000000001', ?, ?, ?, 'wang.shen', '2024-06-02T00:00:00.000Z')`,
            [finding, decision, reason],
          );
        await decide(1, 'must-fix', '');
        await decide(1, 'accept', '经批准');
        await expect(decide(1, 'accept', ' ')).rejects.toThrow(/CHECK/);
        await expect(decide(1, 'false-positive', '')).rejects.toThrow(/CHECK/);
        await expect(decide(0, 'must-fix', '')).rejects.toThrow(/CHECK/);
        await expect(decide(1, 'ignore', 'x')).rejects.toThrow(/CHECK/);
        await expect(conn.run("UPDATE finding_decisions SET reason = 'x'")).rejects.toThrow(/append-only/);
        await expect(conn.run('DELETE FROM finding_decisions')).rejects.toThrow(/append-only/);
        expect(await conn.all('SELECT finding, decision FROM finding_decisions ORDER BY pk')).toEqual([
          { finding: 1, decision: 'must-fix' },
          { finding: 1, decision: 'accept' },
        ]);
      } finally {
        await conn.close();
      }
    });
  });
});
