import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../../src-main/node/store/catalogue.js';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { asReviewId } from '../../../../src-main/core/model/ids.js';
import { idOf, insertVersion1Raster, withTempDir } from '../fixtures.js';

describe('migration 0007-review-profile-hash', () => {
  it('keeps a version-6 review as it was (no hash known), checks the columns, and stores what judged a new one', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      const conn = await SqliteConnection.open(file);
      try {
        await migrate(conn, 6);
        await insertVersion1Raster(conn, 1);
        await conn.run(
          `INSERT INTO reviews (id, dataset_id, profile_id, profile_version, profile_name, findings, content_sha256, reviewer, created_at)
           VALUES ('rv_0000000000000001', ?, 'cn-default', 1, '默认', '[]', ?, 'li.na', '2024-06-01T00:00:00.000Z')`,
          [idOf(1), 'cd'.repeat(32)],
        );
        const before = await conn.all<Record<string, unknown>>('SELECT * FROM reviews');
        expect(await migrate(conn, 7)).toBe(7);
        expect(await schemaVersion(conn)).toBe(7);
        expect(await conn.all('SELECT * FROM reviews')).toEqual(
          before.map((r) => ({ ...r, profile_sha256: null, rules: null })),
        );
        await expect(conn.run("UPDATE reviews SET profile_sha256 = 'not-a-hash'")).rejects.toThrow(/CHECK/);
        await expect(conn.run("UPDATE reviews SET rules = '{}'")).rejects.toThrow(/CHECK/);
      } finally {
        await conn.close();
      }
      const store = await openCatalogue(file);
      try {
        const old = await store.latestReview(idOf(1));
        if (old === null) throw new Error('the version-6 review is gone');
        expect(old).toMatchObject({ profileSha256: null, rules: null });
        const rules = [{ id: 'raster-resolution', version: 1 }];
        const review = {
          ...old,
          id: asReviewId('rv_0000000000000002'),
          profileSha256: 'ab'.repeat(32),
          rules,
        };
        await store.write((tx) => tx.insertReview(review));
        expect(await store.latestReview(idOf(1))).toEqual(review);
      } finally {
        await store.close();
      }
    });
  });
});
