import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { ROOT } from '../support/samples.js';

export interface Harness {
  /** Page URL with the per-run token. */
  readonly url: string;
  /** Scratch directory for copies of sample files and export targets. */
  readonly scratch: string;
}

async function startHarness(home: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'dist', 'main', 'harness.mjs'), '--home', home, '--user', 'curator'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /STRATA_HARNESS_URL=(\S+)/.exec(seen);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`harness exited (${String(code)}) before it was ready`));
    });
  });
  return { child, url };
}

/** One harness (own data home) per test file, started from the built bundle like `npm run dev`. */
export const test = base.extend<object, { harness: Harness }>({
  harness: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures object pattern
    async ({}, use) => {
      const scratch = await mkdtemp(path.join(os.tmpdir(), 'strata-e2e-'));
      const { child, url } = await startHarness(path.join(scratch, 'home'));
      await use({ url, scratch });
      child.kill('SIGTERM');
      await rm(scratch, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
