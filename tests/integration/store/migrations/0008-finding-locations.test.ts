import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../../src-main/node/store/catalogue.js';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { idOf, insertVersion1Raster, withTempDir } from '../fixtures.js';

const finding = (where: unknown, action: string | null): Record<string, unknown> => ({
  ruleId: 'raster-resolution',
  ruleVersion: 1,
  severity: 'blocking',
  messageKey: 'finding.demResolution',
  params: { resolution: 5, threshold: 100 },
  where,
  action,
});

describe('migration 0008-finding-locations', () => {
  it('rewrites the places and actions of version-7 findings, in order, and leaves the rest of the review alone', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      const conn = await SqliteConnection.open(file);
      try {
        await migrate(conn, 7);
        await insertVersion1Raster(conn, 1);
        const old = [
          finding('band 1', 'resample-block-average'),
          finding('dataset', 'degrade-coordinates'),
          finding('dataset', null),
          finding('品位', null),
          finding({ band: 2 }, 'resample'),
        ];
        const insert = (id: string, findings: string): Promise<unknown> =>
          conn.run(
            `INSERT INTO reviews (id, dataset_id, profile_id, profile_version, profile_name, findings, content_sha256, reviewer, created_at)
             VALUES (?, ?, 'cn-default', 2, '默认', ?, ?, 'li.na', '2024-06-01T00:00:00.000Z')`,
            [id, idOf(1), findings, 'cd'.repeat(32)],
          );
        await insert('rv_0000000000000001', '[]');
        await insert('rv_0000000000000002', JSON.stringify(old));
        const before = await conn.all<Record<string, unknown>>('SELECT * FROM reviews ORDER BY id');
        expect(await migrate(conn, 8)).toBe(8);
        expect(await schemaVersion(conn)).toBe(8);
        const after = await conn.all<Record<string, unknown>>('SELECT * FROM reviews ORDER BY id');
        expect(after.map((r) => ({ ...r, findings: null }))).toEqual(
          before.map((r) => ({ ...r, findings: null })),
        );
        expect(JSON.parse(String(after[1]?.['findings']))).toEqual([
          finding({ band: 1 }, 'resample'),
          finding({}, 'degrade-coordinates'),
          finding({}, null),
          finding({ field: '品位' }, null),
          finding({ band: 2 }, 'resample'),
        ]);
        expect(after[0]?.['findings']).toBe('[]');
      } finally {
        await conn.close();
      }
      const store = await openCatalogue(file);
      try {
        const review = await store.latestReview(idOf(1));
        expect(review?.findings.map((f) => f.where)).toEqual([
          { band: 1 },
          {},
          {},
          { field: '品位' },
          { band: 2 },
        ]);
      } finally {
        await store.close();
      }
    });
  });
});
