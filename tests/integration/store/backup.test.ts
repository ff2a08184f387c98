import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupCatalogue } from '../../../src-main/node/store/backup.js';
import { openCatalogue } from '../../../src-main/node/store/catalogue.js';
import { SqliteConnection } from '../../../src-main/node/store/sqlite.js';
import { firstRecord, idOf, rasterRow, withTempDir } from './fixtures.js';

describe('catalogue backup', () => {
  it('copies a live catalogue into one self-contained file that opens with the same data and a valid chain', async () => {
    await withTempDir(async (dir) => {
      const store = await openCatalogue(path.join(dir, 'catalogue.sqlite'));
      try {
        for (let i = 1; i <= 20; i += 1) {
          await store.write(async (tx) => {
            await tx.insertDataset(rasterRow(i), firstRecord(`图 ${String(i)}`));
            await tx.appendAudit({ actor: 'u', action: 'dataset.import', subject: idOf(i), details: {} });
          });
        }
        const backupDir = path.join(dir, 'backups');
        await mkdir(backupDir);
        const dest = path.join(backupDir, 'catalogue-2024-06-01.sqlite');
        // A write racing the backup must not corrupt it.
        await Promise.all([
          backupCatalogue(store, dest),
          store.write((tx) => tx.appendAudit({ actor: 'u', action: 'x', subject: null, details: {} })),
        ]);
        expect(await readdir(backupDir)).toEqual(['catalogue-2024-06-01.sqlite']);
        const raw = await SqliteConnection.open(dest, { readOnly: true });
        expect((await raw.get<{ journal_mode: string }>('PRAGMA journal_mode'))?.journal_mode).toBe('delete');
        await raw.close();
        const copy = await openCatalogue(dest, { readOnly: true });
        try {
          expect(await copy.listDatasets()).toHaveLength(20);
          const verified = await copy.auditVerify();
          expect(verified.ok).toBe(true);
          expect([20, 21]).toContain(verified.entries);
        } finally {
          await copy.close();
        }
      } finally {
        await store.close();
      }
    });
  });
});
