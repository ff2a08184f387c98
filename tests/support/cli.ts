import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './samples.js';

/** The CLI entry the integration tests run with node (bin/strata.js loads dist/main/cli.mjs). */
export const CLI = path.join(ROOT, 'bin', 'strata.js');

/** Fails a suite at once, saying what to do, when the CLI bundle has not been built. */
export function requireBuiltCli(): void {
  if (!existsSync(path.join(ROOT, 'dist', 'main', 'cli.mjs')))
    throw new Error('run "npm run build" before the integration tests');
}
