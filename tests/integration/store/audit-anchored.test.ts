import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditChainCheck } from '../../../src-main/core/ports/index.js';
import { auditHash, canonicalDetails } from '../../../src-main/node/store/audit-hash.js';
import { backupCatalogue } from '../../../src-main/node/store/backup.js';
import { openCatalogue, type Catalogue } from '../../../src-main/node/store/catalogue.js';
import { ledgerKey } from '../../../src-main/node/store/ledger-key.js';
import { SqliteConnection } from '../../../src-main/node/store/sqlite.js';
import { firstRecord, idOf, rasterRow, withTempDir } from './fixtures.js';

const key = ledgerKey(randomBytes(32));

interface Home {
  readonly file: string;
  readonly headFile: string;
}

const homeIn = (dir: string): Home => ({
  file: path.join(dir, 'catalogue.sqlite'),
  headFile: path.join(dir, 'audit-head.json'),
});

const openKeyed = (home: Home): Promise<Catalogue> =>
  openCatalogue(home.file, { ledger: { key, headFile: home.headFile } });

/** Three datasets, each with an import entry, and dataset 1 edited twice: 5 entries, 5 versions. */
async function filled(home: Home, entries = 3): Promise<void> {
  const store = await openKeyed(home);
  try {
    expect((await store.auditVerify()).ok).toBe(true);
    for (let i = 1; i <= entries; i += 1) {
      await store.write(async (tx) => {
        await tx.insertDataset(rasterRow(i), firstRecord(`图 ${String(i)}`));
        await tx.appendAudit({ actor: 'li.na', action: 'dataset.import', subject: idOf(i), details: {} });
      });
    }
    for (const base of [1, 2]) {
      await store.write(async (tx) => {
        await tx.appendRecordVersion(idOf(1), base, firstRecord(`图 1 第${String(base + 1)}版`), 'li.na');
        await tx.appendAudit({
          actor: 'li.na',
          action: 'catalogue.save',
          subject: idOf(1),
          details: { version: base + 1 },
        });
      });
    }
  } finally {
    await store.close();
  }
}

async function tamper(home: Home, sql: string, params: readonly (string | number)[] = []): Promise<void> {
  const raw = await SqliteConnection.open(home.file);
  try {
    await raw.exec(`DROP TRIGGER IF EXISTS audit_no_delete; DROP TRIGGER IF EXISTS audit_no_update;
      DROP TRIGGER IF EXISTS audit_keys_no_delete; DROP TRIGGER IF EXISTS audit_append_at_tail;
      DROP TRIGGER IF EXISTS record_versions_no_delete; DROP TRIGGER IF EXISTS record_versions_immutable; DROP TRIGGER IF EXISTS version_chain_no_delete;`);
    await raw.run(sql, params);
  } finally {
    await raw.close();
  }
}

async function checked(home: Home): Promise<AuditChainCheck> {
  const store = await openKeyed(home);
  try {
    return await store.auditVerify();
  } finally {
    await store.close();
  }
}

/** Re-hashes every entry from `from` on, as a tamperer with SQL (but without the key) can. */
async function rechain(home: Home, from: number): Promise<void> {
  const raw = await SqliteConnection.open(home.file);
  try {
    await raw.exec('DROP TRIGGER IF EXISTS audit_no_update');
    const rows = await raw.all<{
      seq: number;
      at: string;
      actor: string;
      action: string;
      subject: string | null;
      details: string;
    }>('SELECT seq, at, actor, action, subject, details FROM audit WHERE seq >= ? ORDER BY seq', [from]);
    let prev =
      (await raw.get<{ hash: string }>('SELECT hash FROM audit WHERE seq = ?', [from - 1]))?.hash ??
      '0'.repeat(64);
    for (const r of rows) {
      const details = JSON.parse(r.details) as Record<string, string | number>;
      const hash = auditHash({ ...r, details, prevHash: prev });
      await raw.run('UPDATE audit SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?', [
        canonicalDetails(details),
        prev,
        hash,
        r.seq,
      ]);
      prev = hash;
    }
  } finally {
    await raw.close();
  }
}

describe('keyed and anchored audit log (ADR 0185)', () => {
  it('an untouched catalogue verifies: every entry keyed, the head file at the tail of both chains', async () => {
    await withTempDir(async (dir) => {
      const home = homeIn(dir);
      await filled(home);
      const check = await checked(home);
      expect(check).toMatchObject({
        ok: true,
        problem: null,
        entries: 5,
        versions: { entries: 5, brokenAt: null },
      });
      expect(check.anchor).toEqual({
        audit: { seq: 5, hash: check.head },
        versions: { seq: 5, hash: check.versions.head },
      });
      const raw = await SqliteConnection.open(home.file, { readOnly: true });
      expect(await raw.get('SELECT count(*) AS n FROM audit_keys')).toEqual({ n: 5 });
      await raw.close();
    });
  });

  it('catches a truncated tail', async () => {
    await withTempDir(async (dir) => {
      const home = homeIn(dir);
      await filled(home);
      await tamper(home, 'DELETE FROM audit_keys WHERE seq >= 4');
      await tamper(home, 'DELETE FROM audit WHERE seq >= 4');
      expect(await checked(home)).toMatchObject({ ok: false, problem: 'anchor', brokenAt: 4, entries: 3 });
    });
  });

  it('catches every row deleted', async () => {
    await withTempDir(async (dir) => {
      const home = homeIn(dir);
      await filled(home);
      await tamper(home, 'DELETE FROM audit_keys');
      await tamper(home, 'DELETE FROM audit');
      expect(await checked(home)).toMatchObject({ ok: false, problem: 'anchor', brokenAt: 1, entries: 0 });
    });
  });

  it('catches an entry edited with the chain recomputed behind it', async () => {
    await withTempDir(async (dir) => {
      const home = homeIn(dir);
      await filled(home);
      await tamper(home, `UPDATE audit SET actor = 'wang.fang' WHERE seq = 2`);
      await rechain(home, 2);
      expect(await checked(home)).toMatchObject({ ok: false, problem: 'key', brokenAt: 2 });
    });
  });

  it('catches a forged entry appended onto the head, with or without a made-up key', async () => {
    await withTempDir(async (dir) => {
      const home = homeIn(dir);
      await filled(home);
      const raw = await SqliteConnection.open(home.file, { readOnly: true });
      const head = await raw.get<{ hash: string; at: string }>('SELECT hash, at FROM audit WHERE seq = 5');
      await raw.close();
      const forged = {
        seq: 6,
        at: head?.at ?? '',
        actor: 'admin',
        action: 'release.approve',
        subject: idOf(2),
        details: {},
        prevHash: head?.hash ?? '',
      };
      await tamper(
        home,
        'INSERT INTO audit (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [6, forged.at, forged.actor, forged.action, idOf(2), '{}', forged.prevHash, auditHash(forged)],
      );
      expect(await checked(home)).toMatchObject({ ok: false, problem: 'key', brokenAt: 6, entries: 6 });
      await tamper(home, 'INSERT INTO audit_keys (seq, mac) VALUES (6, ?)', ['ab'.repeat(32)]);
      expect(await checked(home)).toMatchObject({ ok: false, problem: 'key', brokenAt: 6 });
    });
  });

  it('catches a record version deleted, edited, or deleted with its link at the tail', async () => {
    await withTempDir(async (dir) => {
      const home = homeIn(dir);
      await filled(home);
      const copy = homeIn(path.join(dir, 'copy'));
      await mkdir(path.dirname(copy.file));
      const store = await openKeyed(home);
      await backupCatalogue(store, copy.file);
      await store.close();
      await copyFile(home.headFile, copy.headFile);

      await tamper(home, 'DELETE FROM record_versions WHERE dataset_id = ? AND version = 2', [idOf(1)]);
      expect(await checked(home)).toMatchObject({
        ok: false,
        problem: 'version',
        versions: { brokenAt: { datasetId: idOf(1), version: 2 } },
      });

      await tamper(copy, `UPDATE record_versions SET title = '改过' WHERE dataset_id = ? AND version = 1`, [
        idOf(3),
      ]);
      expect(await checked(copy)).toMatchObject({
        ok: false,
        problem: 'version',
        versions: { brokenAt: { datasetId: idOf(3), version: 1 } },
      });
    });
    await withTempDir(async (dir) => {
      const home = homeIn(dir);
      await filled(home);
      await tamper(home, 'DELETE FROM record_versions WHERE dataset_id = ? AND version = 3', [idOf(1)]);
      await tamper(home, 'DELETE FROM version_chain WHERE seq = 5');
      expect(await checked(home)).toMatchObject({
        ok: false,
        problem: 'anchor',
        brokenAt: null,
        versions: { entries: 4 },
      });
    });
  });

  it('catches the whole catalogue rolled back to an older copy', async () => {
    await withTempDir(async (dir) => {
      const home = homeIn(dir);
      await filled(home, 1);
      const older = path.join(dir, 'older.sqlite');
      const store = await openKeyed(home);
      expect((await store.auditVerify()).ok).toBe(true);
      await backupCatalogue(store, older);
      await store.write(async (tx) => {
        await tx.insertDataset(rasterRow(9), firstRecord('后来的'));
        await tx.appendAudit({ actor: 'li.na', action: 'dataset.import', subject: idOf(9), details: {} });
      });
      await store.close();
      await rm(`${home.file}-wal`, { force: true });
      await rm(`${home.file}-shm`, { force: true });
      await copyFile(older, home.file);
      expect(await checked(home)).toMatchObject({ ok: false, problem: 'anchor', brokenAt: 4, entries: 3 });
    });
  });

  it('a missing or edited head file is reported, and a failed check freezes it', async () => {
    await withTempDir(async (dir) => {
      const home = homeIn(dir);
      await filled(home);
      const text = await readFile(home.headFile, 'utf8');
      await writeFile(home.headFile, text.replace('"seq":5', '"seq":4'));
      expect(await checked(home)).toMatchObject({ ok: false, problem: 'anchorMissing', anchor: null });
      await rm(home.headFile);
      const store = await openKeyed(home);
      try {
        expect(await store.auditVerify()).toMatchObject({ ok: false, problem: 'anchorMissing' });
        await store.write((tx) => tx.appendAudit({ actor: 'x', action: 'x', subject: null, details: {} }));
        await expect(readFile(home.headFile)).rejects.toThrow(/ENOENT/);
      } finally {
        await store.close();
      }
    });
  });

  it('a head behind the chain (a crash after commit) is caught up; an older catalogue is keyed once', async () => {
    await withTempDir(async (dir) => {
      const home = homeIn(dir);
      const legacy = await openCatalogue(home.file);
      await legacy.write(async (tx) => {
        await tx.insertDataset(rasterRow(1), firstRecord('旧'));
        await tx.appendAudit({ actor: 'li.na', action: 'dataset.import', subject: idOf(1), details: {} });
      });
      await legacy.close();
      await tamper(home, 'DELETE FROM version_chain');
      let store = await openKeyed(home);
      expect(await store.auditVerify()).toMatchObject({ ok: true, entries: 2, versions: { entries: 1 } });
      expect((await store.auditList(1))[0]).toMatchObject({
        action: 'audit.keyed',
        details: { entries: 1, versions: 1 },
      });
      const lagging = await readFile(home.headFile, 'utf8');
      await store.write((tx) => tx.appendAudit({ actor: 'x', action: 'x', subject: null, details: {} }));
      await store.close();
      await writeFile(home.headFile, lagging);
      store = await openKeyed(home);
      expect(await store.auditVerify()).toMatchObject({ ok: true, entries: 3 });
      await store.close();
      expect(JSON.parse(await readFile(home.headFile, 'utf8'))).toMatchObject({ audit: { seq: 3 } });
    });
  });
});
