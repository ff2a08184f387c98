import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { insertVersion1Raster, withTempDir } from '../fixtures.js';

describe('migration 0017-receipts', () => {
  it('adds an append-only receipt table: a refusal names its step, a receipt taken in none', async () => {
    await withTempDir(async (dir) => {
      const conn = await SqliteConnection.open(path.join(dir, 'c.sqlite'));
      try {
        await migrate(conn, 16);
        await insertVersion1Raster(conn, 1);
        const before = await conn.all('SELECT * FROM datasets');
        expect(await migrate(conn, 17)).toBe(17);
        expect(await schemaVersion(conn)).toBe(17);
        expect(await conn.all('SELECT * FROM datasets')).toEqual(before);
        const receipt = (
          ok: number,
          step: string | null,
          sha: string | null,
          provenance = 'null',
        ): Promise<unknown> =>
          conn.run(
            `INSERT INTO receipts (bag, tag_manifest_sha256, signer, ok, failed_step, checks, datasets,
               external_identifier, source_organization, provenance, received_by, received_at)
             VALUES ('DZ-1', ?, NULL, ?, ?, '[]', '[]', 'DZ-1-GK', '某馆', json(?), 'li.na', '2026-12-03T00:00:00.000Z')`,
            [sha, ok, step, provenance],
          );
        await expect(receipt(1, 'signature', 'ab'.repeat(32))).rejects.toThrow(/CHECK/);
        await expect(receipt(0, null, null)).rejects.toThrow(/CHECK/);
        await expect(receipt(1, null, 'ab')).rejects.toThrow(/CHECK/);
        await receipt(0, 'signature', null);
        await receipt(1, null, 'ab'.repeat(32), '{"identifier":"ds_1"}');
        await expect(conn.run('UPDATE receipts SET ok = 1')).rejects.toThrow(/append-only/);
        await expect(conn.run('DELETE FROM receipts')).rejects.toThrow(/append-only/);
        expect(await conn.all('SELECT seq, ok, failed_step FROM receipts ORDER BY seq')).toEqual([
          { seq: 1, ok: 0, failed_step: 'signature' },
          { seq: 2, ok: 1, failed_step: null },
        ]);
      } finally {
        await conn.close();
      }
    });
  });
});
