// Vitest global setup: builds the resample worker from the current sources into a scratch folder
// (like parse-worker-setup.ts), so releases in tests never run a stale dist/.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { ROOT } from './samples.js';

declare module 'vitest' {
  export interface ProvidedContext {
    resampleWorkerUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cache = path.join(ROOT, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const outDir = await mkdtemp(path.join(cache, 'strata-resample-worker-'));
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      ssr: true,
      target: 'node20',
      outDir,
      emptyOutDir: false,
      rolldownOptions: {
        input: { 'resample-worker': path.join(ROOT, 'src-main/node/raster/resample-worker.ts') },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  project.provide('resampleWorkerUrl', pathToFileURL(path.join(outDir, 'resample-worker.mjs')).href);
  return () => rm(outDir, { recursive: true, force: true });
}
