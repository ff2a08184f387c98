#!/usr/bin/env node
// The `strata` command: runs the built CLI bundle (npm run build produces dist/main/cli.mjs).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/main/cli.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('strata: the CLI is not built yet; run "npm run build" first\n');
  process.exit(1);
}
await import(bundle);
