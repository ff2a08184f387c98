// The real-world corpus: public GIS files collected from other projects' test suites. It is not
// part of the repository; it lives at ../shared/data beside the checkout, or wherever
// STRATA_CORPUS names (a relative value is taken from the repository root). Only this suite reads it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the corpus is looked for. */
export function corpusLocation(): string {
  const named = process.env['STRATA_CORPUS'];
  return named !== undefined && named !== ''
    ? path.resolve(ROOT, named)
    : path.resolve(ROOT, '..', 'shared', 'data');
}

/** The corpus folder, or null when there is none. */
export function corpusRoot(): string | null {
  const dir = corpusLocation();
  return existsSync(dir) && statSync(dir).isDirectory() ? dir : null;
}

/** Files under `sub` of the corpus whose names match, sorted; empty without a corpus. */
export function corpusFiles(sub: string, pattern: RegExp): string[] {
  const root = corpusRoot();
  if (root === null || !existsSync(path.join(root, sub))) return [];
  return readdirSync(path.join(root, sub), { recursive: true, encoding: 'utf8' })
    .filter((f) => pattern.test(f))
    .map((f) => path.join(root, sub, f))
    .sort();
}

export const corpus = (...parts: string[]): string => path.join(corpusRoot() ?? corpusLocation(), ...parts);
