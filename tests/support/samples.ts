import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { fixture } from '../fixtures/index.js';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A scratch directory removed by the returned cleanup. */
export async function tempDir(
  prefix = 'strata-test-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Copies a generated fixture file or folder into `dir` (the cached set is shared, never modified in place). */
export async function copyFixture(dir: string, ...parts: string[]): Promise<string> {
  const target = path.join(dir, path.basename(parts.at(-1) ?? 'fixture'));
  await cp(fixture(...parts), target, { recursive: true });
  return target;
}
