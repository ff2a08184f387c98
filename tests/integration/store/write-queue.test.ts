import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../src-main/node/store/catalogue.js';
import { SqliteConnection } from '../../../src-main/node/store/sqlite.js';
import { firstRecord, idOf, rasterRow, withTempDir } from './fixtures.js';

describe('catalogue writes', () => {
  it('50 concurrent writes each commit as a unit, and the audit chain stays valid', async () => {
    await withTempDir(async (dir) => {
      const store = await openCatalogue(path.join(dir, 'c.sqlite'));
      try {
        await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            store.write(async (tx) => {
              await tx.insertDataset(rasterRow(i + 1), firstRecord(`地质图 ${String(i + 1)}`));
              await tx.appendAudit({
                actor: 'zhang.wei',
                action: 'dataset.import',
                subject: idOf(i + 1),
                details: { n: i + 1 },
              });
            }),
          ),
        );
        expect(await store.listDatasets()).toHaveLength(50);
        const audit = await store.auditList(1000);
        expect(audit).toHaveLength(50);
        // Each transaction's audit entry names its own dataset: no write joined another's transaction.
        for (const entry of audit) expect(entry.subject).toBe(idOf(Number(entry.details.n)));
        expect(await store.auditVerify()).toMatchObject({ ok: true, entries: 50, brokenAt: null });
      } finally {
        await store.close();
      }
    });
  });

  it('a failing write among concurrent ones rolls back only itself', async () => {
    await withTempDir(async (dir) => {
      const store = await openCatalogue(path.join(dir, 'c.sqlite'));
      try {
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            store.write(async (tx) => {
              await tx.insertDataset(rasterRow(i + 1), firstRecord(`t${String(i)}`));
              await tx.appendAudit({
                actor: 'u',
                action: 'dataset.import',
                subject: idOf(i + 1),
                details: {},
              });
              if (i === 10) throw new Error('validation failed half-way');
            }),
          ),
        );
        expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
        const ids = (await store.listDatasets()).map((d) => d.id);
        expect(ids).toHaveLength(19);
        expect(ids).not.toContain(idOf(11));
        expect(await store.auditVerify()).toMatchObject({ ok: true, entries: 19 });
      } finally {
        await store.close();
      }
    });
  });

  it("without the queue, one connection mixes transactions: a failure rolls back another caller's work", async () => {
    // The hazard the queue exists for, shown on a bare node-sqlite3 connection.
    await withTempDir(async (dir) => {
      const conn = await SqliteConnection.open(path.join(dir, 'raw.sqlite'));
      try {
        await conn.exec('CREATE TABLE t (who TEXT)');
        const unqueuedTx = async (who: string, fail: boolean, workMs: number): Promise<void> => {
          await conn.exec('BEGIN IMMEDIATE').catch(() => undefined); // "already in a transaction" for the second caller
          await conn.run('INSERT INTO t VALUES (?)', [who]);
          await new Promise((r) => setTimeout(r, workMs));
          if (fail) {
            await conn.rollbackQuietly();
            return;
          }
          await conn.exec('COMMIT').catch(() => undefined);
        };
        await Promise.all([unqueuedTx('failing', true, 5), unqueuedTx('innocent', false, 30)]);
        expect(await conn.all('SELECT who FROM t')).toEqual([]);
      } finally {
        await conn.close();
      }
    });
  });

  it('a transaction object used after its write() has finished refuses to write', async () => {
    await withTempDir(async (dir) => {
      const store = await openCatalogue(path.join(dir, 'c.sqlite'));
      try {
        const leaked = await store.write((tx) => Promise.resolve(tx));
        await expect(
          leaked.appendAudit({ actor: 'u', action: 'x', subject: null, details: {} }),
        ).rejects.toThrow(/finished/);
        expect(await store.auditList(10)).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });
});
