// Vitest global setup: builds the worker-thread entries from the current sources into a scratch
// folder, so tests that parse or resample through workers never run a stale dist/ (nor race
// `npm run build`). The aliases in vitest.config.ts point the sources' worker URLs at this build.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { ROOT } from './samples.js';

/** Each worker entry by its bundle name (as build/build.mjs names them in dist/main). */
const WORKERS = {
  'parse-worker': 'src-main/node/isolation/parse-worker.ts',
  'resample-worker': 'src-main/node/raster/resample-worker.ts',
  'working-copy-worker': 'src-main/node/raster/working-copy-worker.ts',
} as const;

export type WorkerName = keyof typeof WORKERS;

declare module 'vitest' {
  export interface ProvidedContext {
    workerUrls: Record<WorkerName, string>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Inside the repository so the bundles' bare imports (proj4, iconv-lite) resolve.
  const cache = path.join(ROOT, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const outDir = await mkdtemp(path.join(cache, 'strata-workers-'));
  const names = Object.keys(WORKERS) as WorkerName[];
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
        input: Object.fromEntries(names.map((name) => [name, path.join(ROOT, WORKERS[name])])),
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  const url = (name: WorkerName): string => pathToFileURL(path.join(outDir, `${name}.mjs`)).href;
  project.provide('workerUrls', {
    'parse-worker': url('parse-worker'),
    'resample-worker': url('resample-worker'),
    'working-copy-worker': url('working-copy-worker'),
  });
  return () => rm(outDir, { recursive: true, force: true });
}
