import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../src-main/node/store/catalogue.js';
import { ledgerKey } from '../../../src-main/node/store/ledger-key.js';
import { SqliteConnection } from '../../../src-main/node/store/sqlite.js';
import { ROOT } from '../../support/samples.js';
import { firstRecord, idOf, rasterRow, withTempDir } from './fixtures.js';

/**
 * Kills a writer with SIGKILL this many times at random moments, 0-60 ms after it is ready (about
 * 0.35 s per round with the checks on a shared 2-core machine, so about 45 s in all), checking the
 * catalogue after each one.
 */
const KILLS = 120;

const secret = randomBytes(32);
const key = ledgerKey(secret);
let bundleDir = '';
let child = '';

beforeAll(async () => {
  // Inside the repository, so the bundle's bare import (sqlite3) resolves.
  const cache = path.join(ROOT, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  bundleDir = await mkdtemp(path.join(cache, 'strata-kill-'));
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      ssr: true,
      target: 'node20',
      outDir: bundleDir,
      emptyOutDir: false,
      rolldownOptions: {
        input: { 'kill-edits-child': path.join(ROOT, 'tests', 'support', 'kill-edits-child.ts') },
        output: { format: 'es', entryFileNames: '[name].mjs' },
      },
    },
  });
  child = path.join(bundleDir, 'kill-edits-child.mjs');
}, 60_000);
afterAll(async () => {
  await rm(bundleDir, { recursive: true, force: true });
});

/** Runs the child until `afterMs` past its `ready`, then SIGKILLs it; returns the edits it acknowledged. */
function runAndKill(home: string, start: number, afterMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, home, String(start), idOf(1)], {
      env: { ...process.env, STRATA_TEST_AUDIT_KEY: secret.toString('hex') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let scheduled = false;
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (!scheduled && out.startsWith('ready\n')) {
        scheduled = true;
        setTimeout(() => proc.kill('SIGKILL'), afterMs);
      }
    });
    proc.once('error', reject);
    proc.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') {
        reject(new Error(`child exited ${String(code)}: ${out.slice(0, 500)}`));
        return;
      }
      const acks = [...out.matchAll(/^ack (\d+)$/gm)].map((m) => Number(m[1]));
      resolve(acks);
    });
  });
}

describe('SIGKILL at random moments (SECURITY.md: catalogue durability)', () => {
  it(`after each of ${String(KILLS)} kills: integrity_check ok, every acknowledged edit present, the chains and the head verify`, async () => {
    await withTempDir(async (home) => {
      const file = path.join(home, 'catalogue.sqlite');
      const headFile = path.join(home, 'audit-head.json');
      const setup = await openCatalogue(file, { ledger: { key, headFile } });
      expect((await setup.auditVerify()).ok).toBe(true);
      await setup.write(async (tx) => {
        await tx.insertDataset(rasterRow(1), firstRecord('被反复中断的著录'));
        await tx.appendAudit({ actor: 'kill.test', action: 'dataset.import', subject: idOf(1), details: {} });
      });
      await setup.close();

      let next = 1;
      let acknowledged = 0;
      for (let round = 0; round < KILLS; round += 1) {
        const acks = await runAndKill(home, next, Math.floor(Math.random() * 60));
        acknowledged += acks.length;
        const raw = await SqliteConnection.open(file, { readOnly: true });
        try {
          expect(await raw.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
          const edits = await raw.all<{ n: number }>(
            `SELECT json_extract(details, '$.n') AS n FROM audit WHERE action = 'kill.edit' ORDER BY seq`,
          );
          const present = new Set(edits.map((e) => e.n));
          for (const n of acks)
            expect(present.has(n), `edit ${String(n)} of round ${String(round)}`).toBe(true);
          // Numbered in order with no gap: nothing half-written in between.
          expect(edits.map((e) => e.n)).toEqual(edits.map((_, i) => i + 1));
          next = edits.length + 1;
        } finally {
          await raw.close();
        }
        const store = await openCatalogue(file, { ledger: { key, headFile } });
        try {
          const check = await store.auditVerify();
          expect(check, `round ${String(round)}`).toMatchObject({ ok: true, problem: null });
          expect(check.versions.entries).toBe(next);
        } finally {
          await store.close();
        }
      }
      // The kills landed while edits were under way, not only before the first one.
      expect(acknowledged).toBeGreaterThan(KILLS);
    });
  }, 120_000);
});
