import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { idOf, insertVersion1Raster, withTempDir } from '../fixtures.js';

describe('migration 0014-review-verdicts', () => {
  it('adds an append-only verdict table: one verdict per review, a return needs a comment', async () => {
    await withTempDir(async (dir) => {
      const conn = await SqliteConnection.open(path.join(dir, 'c.sqlite'));
      try {
        await migrate(conn, 13);
        await insertVersion1Raster(conn, 1);
        for (const id of ['rv_0000000000000001', 'rv_0000000000000002'])
          await conn.run(
            `INSERT INTO reviews (id, dataset_id, profile_id, profile_version, profile_name, findings, content_sha256, reviewer, created_at)
             VALUES (?, ?, 'cn-default', 2, '默认', '[]', ?, 'li.na', '2026-12-01T00:00:00.000Z')`,
            [id, idOf(1), 'cd'.repeat(32)],
          );
        const before = await conn.all('SELECT * FROM reviews');
        expect(await migrate(conn, 14)).toBe(14);
        expect(await schemaVersion(conn)).toBe(14);
        expect(await conn.all('SELECT * FROM reviews')).toEqual(before);
        const verdict = (
          review: string,
          kind: string,
          comment: string,
          sha = 'cd'.repeat(32),
        ): Promise<unknown> =>
          conn.run(
            `INSERT INTO review_verdicts (review_id, verdict, comment, content_sha256, decided_by, decided_at)
             VALUES (?, ?, ?, ?, 'wang.shen', '2026-12-02T00:00:00.000Z')`,
            [review, kind, comment, sha],
          );
        await expect(verdict('rv_0000000000000002', 'return', ' ')).rejects.toThrow(/CHECK/);
        await expect(verdict('rv_0000000000000002', 'reject', 'x')).rejects.toThrow(/CHECK/);
        await expect(verdict('rv_0000000000000002', 'approve', '', 'ab')).rejects.toThrow(/CHECK/);
        await verdict('rv_0000000000000001', 'approve', '');
        await expect(verdict('rv_0000000000000001', 'return', '补充说明')).rejects.toThrow(/UNIQUE/);
        await verdict('rv_0000000000000002', 'return', '请先降低精度');
        await expect(conn.run("UPDATE review_verdicts SET verdict = 'approve'")).rejects.toThrow(
          /append-only/,
        );
        await expect(conn.run('DELETE FROM review_verdicts')).rejects.toThrow(/append-only/);
        expect(await conn.all('SELECT review_id, verdict FROM review_verdicts ORDER BY pk')).toEqual([
          { review_id: 'rv_0000000000000001', verdict: 'approve' },
          { review_id: 'rv_0000000000000002', verdict: 'return' },
        ]);
      } finally {
        await conn.close();
      }
    });
  });
});
