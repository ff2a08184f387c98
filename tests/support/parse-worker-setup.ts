// Vitest global setup: builds the parse worker from the current sources into a scratch folder, so
// tests that parse through worker threads never run a stale dist/ (nor race `npm run build`).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { ROOT } from './samples.js';

declare module 'vitest' {
  export interface ProvidedContext {
    parseWorkerUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Inside the repository so the bundle's bare imports (proj4, iconv-lite) resolve.
  const cache = path.join(ROOT, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const outDir = await mkdtemp(path.join(cache, 'strata-parse-worker-'));
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
        input: { 'parse-worker': path.join(ROOT, 'src-main/node/isolation/parse-worker.ts') },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  project.provide('parseWorkerUrl', pathToFileURL(path.join(outDir, 'parse-worker.mjs')).href);
  return () => rm(outDir, { recursive: true, force: true });
}
