import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { idOf, insertVersion1Raster, withTempDir } from '../fixtures.js';

describe('migration 0015-signed-approvals', () => {
  it('adds the signed statement and its signature to verdicts, both or neither; older verdicts keep neither', async () => {
    await withTempDir(async (dir) => {
      const conn = await SqliteConnection.open(path.join(dir, 'c.sqlite'));
      try {
        await migrate(conn, 14);
        await insertVersion1Raster(conn, 1);
        for (const id of ['rv_0000000000000001', 'rv_0000000000000002', 'rv_0000000000000003'])
          await conn.run(
            `INSERT INTO reviews (id, dataset_id, profile_id, profile_version, profile_name, findings, content_sha256, reviewer, created_at)
             VALUES (?, ?, 'cn-default', 2, '默认', '[]', ?, 'li.na', '2026-12-01T00:00:00.000Z')`,
            [id, idOf(1), 'cd'.repeat(32)],
          );
        await conn.run(
          `INSERT INTO review_verdicts (review_id, verdict, comment, content_sha256, decided_by, decided_at)
           VALUES ('rv_0000000000000001', 'approve', '', ?, 'wang.shen', '2026-12-02T00:00:00.000Z')`,
          ['cd'.repeat(32)],
        );
        const before = await conn.all('SELECT * FROM review_verdicts');
        expect(await migrate(conn, 15)).toBe(15);
        expect(await schemaVersion(conn)).toBe(15);
        expect(await conn.all('SELECT * FROM review_verdicts')).toEqual(
          before.map((row) => ({ ...(row as object), statement: null, signature: null })),
        );
        const verdict = (
          review: string,
          statement: string | null,
          signature: string | null,
        ): Promise<unknown> =>
          conn.run(
            `INSERT INTO review_verdicts (review_id, verdict, comment, content_sha256, decided_by, decided_at, statement, signature)
             VALUES (?, 'approve', '', ?, 'wang.shen', '2026-12-02T00:00:00.000Z', ?, ?)`,
            [review, 'cd'.repeat(32), statement, signature],
          );
        await expect(verdict('rv_0000000000000002', '{}', null)).rejects.toThrow(/CHECK/);
        await expect(verdict('rv_0000000000000002', null, 'c2ln')).rejects.toThrow(/CHECK/);
        await verdict('rv_0000000000000002', '{"reviewId":"rv_0000000000000002"}', 'c2ln');
        await verdict('rv_0000000000000003', null, null);
        await expect(conn.run("UPDATE review_verdicts SET signature = 'eA=='")).rejects.toThrow(
          /append-only/,
        );
      } finally {
        await conn.close();
      }
    });
  });
});
