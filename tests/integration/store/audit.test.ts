import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, auditHash, canonicalAuditText } from '../../../src-main/node/store/audit-hash.js';
import { openCatalogue } from '../../../src-main/node/store/catalogue.js';
import { SqliteConnection } from '../../../src-main/node/store/sqlite.js';
import { withTempDir } from './fixtures.js';
import { createHash } from 'node:crypto';

async function storeWithEntries(file: string, n: number): Promise<void> {
  const store = await openCatalogue(file, { now: () => new Date('2024-05-01T08:00:00.000Z') });
  try {
    for (let i = 1; i <= n; i += 1) {
      await store.write((tx) =>
        tx.appendAudit({
          actor: 'li.na',
          action: 'catalogue.save',
          subject: `ds_${String(i)}`,
          details: { version: i, level: '秘密' },
        }),
      );
    }
  } finally {
    await store.close();
  }
}

describe('audit log', () => {
  it('chains each entry to the previous hash, starting from 64 zeros, over a documented canonical text', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      await storeWithEntries(file, 3);
      const store = await openCatalogue(file);
      try {
        const [third, second, first] = await store.auditList(10);
        expect(first?.prevHash).toBe(GENESIS_HASH);
        expect(second?.prevHash).toBe(first?.hash);
        expect(third?.prevHash).toBe(second?.hash);
        // Independent recomputation from the ADR's canonical form.
        const text = `{"action":"catalogue.save","actor":"li.na","at":"2024-05-01T08:00:00.000Z","details":{"level":"秘密","version":1},"prevHash":"${GENESIS_HASH}","seq":1,"subject":"ds_1","v":1}`;
        expect(first && canonicalAuditText(first)).toBe(text);
        expect(first?.hash).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
        expect(await store.auditVerify()).toEqual({
          ok: true,
          entries: 3,
          head: third?.hash,
          brokenAt: null,
          problem: null,
          anchor: null,
          versions: { entries: 0, head: null, brokenAt: null },
        });
      } finally {
        await store.close();
      }
    });
  });

  it('refuses UPDATE and DELETE of audit rows, and inserts that do not extend the head', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      await storeWithEntries(file, 2);
      const raw = await SqliteConnection.open(file);
      try {
        await expect(raw.run("UPDATE audit SET actor = 'mallory' WHERE seq = 1")).rejects.toThrow(
          /append-only/,
        );
        await expect(raw.run('DELETE FROM audit WHERE seq = 2')).rejects.toThrow(/append-only/);
        const forged = auditHash({
          seq: 3,
          at: 'x',
          actor: 'm',
          action: 'a',
          subject: null,
          details: {},
          prevHash: GENESIS_HASH,
        });
        await expect(
          raw.run("INSERT INTO audit VALUES (3, 'x', 'm', 'a', NULL, '{}', ?, ?)", [GENESIS_HASH, forged]),
        ).rejects.toThrow(/tail of the chain/);
        await expect(
          raw.run("INSERT OR REPLACE INTO audit VALUES (1, 'x', 'm', 'a', NULL, '{}', ?, ?)", [
            GENESIS_HASH,
            forged,
          ]),
        ).rejects.toThrow(/tail of the chain/);
        expect((await raw.get<{ n: number }>('SELECT count(*) AS n FROM audit'))?.n).toBe(2);
      } finally {
        await raw.close();
      }
    });
  });

  it('detects an edited row (triggers dropped through a raw connection) at the edited seq', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      await storeWithEntries(file, 5);
      const raw = await SqliteConnection.open(file);
      try {
        await raw.exec('DROP TRIGGER audit_no_update');
        await raw.run(`UPDATE audit SET details = '{"level":"公开","version":3}' WHERE seq = 3`);
      } finally {
        await raw.close();
      }
      const store = await openCatalogue(file);
      try {
        const result = await store.auditVerify();
        expect(result.ok).toBe(false);
        expect(result.brokenAt).toBe(3);
        expect(result.entries).toBe(2);
      } finally {
        await store.close();
      }
    });
  });

  it('detects a row removed from the middle and a rehashed row whose successor no longer links', async () => {
    await withTempDir(async (dir) => {
      const removed = path.join(dir, 'removed.sqlite');
      await storeWithEntries(removed, 5);
      let raw = await SqliteConnection.open(removed);
      await raw.exec('DROP TRIGGER audit_no_delete');
      await raw.run('DELETE FROM audit WHERE seq = 2');
      await raw.close();
      let store = await openCatalogue(removed);
      expect(await store.auditVerify()).toMatchObject({ ok: false, brokenAt: 3, entries: 1 });
      await store.close();

      // A tamperer who recomputes the edited row's hash still breaks the link from the next row.
      const rehashed = path.join(dir, 'rehashed.sqlite');
      await storeWithEntries(rehashed, 5);
      raw = await SqliteConnection.open(rehashed);
      const row = await raw.get<{ at: string; prev_hash: string }>(
        'SELECT at, prev_hash FROM audit WHERE seq = 2',
      );
      const details = { level: '公开', version: 2 };
      const hash = auditHash({
        seq: 2,
        at: row?.at ?? '',
        actor: 'li.na',
        action: 'catalogue.save',
        subject: 'ds_2',
        details,
        prevHash: row?.prev_hash ?? '',
      });
      await raw.exec('DROP TRIGGER audit_no_update');
      await raw.run('UPDATE audit SET details = ?, hash = ? WHERE seq = 2', [JSON.stringify(details), hash]);
      await raw.close();
      store = await openCatalogue(rehashed);
      expect(await store.auditVerify()).toMatchObject({ ok: false, brokenAt: 3, entries: 2 });
      await store.close();
    });
  });

  it('an empty log verifies with no head; an entry written in a failed transaction leaves no trace', async () => {
    await withTempDir(async (dir) => {
      const store = await openCatalogue(path.join(dir, 'c.sqlite'));
      try {
        expect(await store.auditVerify()).toEqual({
          ok: true,
          entries: 0,
          head: null,
          brokenAt: null,
          problem: null,
          anchor: null,
          versions: { entries: 0, head: null, brokenAt: null },
        });
        await expect(
          store.write(async (tx) => {
            await tx.appendAudit({ actor: 'u', action: 'release.create', subject: null, details: {} });
            throw new Error('release step failed');
          }),
        ).rejects.toThrow(/release step failed/);
        expect(await store.auditList(10)).toEqual([]);
        await expect(
          store.write((tx) =>
            tx.appendAudit({ actor: 'u', action: 'x', subject: null, details: { bad: Number.NaN } }),
          ),
        ).rejects.toThrow(/finite/);
      } finally {
        await store.close();
      }
    });
  });
});
