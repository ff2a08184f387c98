import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';

/** The repository root and the shared sample data beside it (../shared/data). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DATA = path.resolve(ROOT, '..', 'shared', 'data');

export const sample = (...parts: string[]): string => path.join(SHARED_DATA, ...parts);

/** A scratch directory removed by the returned cleanup. */
export async function tempDir(
  prefix = 'strata-test-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Copies a sample file or folder into `dir` (samples are read-only and never modified in place). */
export async function copySample(dir: string, ...parts: string[]): Promise<string> {
  const target = path.join(dir, path.basename(parts.at(-1) ?? 'sample'));
  await cp(sample(...parts), target, { recursive: true });
  return target;
}
