// Builds the three bundles with Vite: the renderer (browser), the main-process entries (Node/Electron,
// ESM) and the sandboxed preload (CommonJS, as Electron requires for sandboxed preloads).
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { rm } from 'node:fs/promises';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = (p) => path.join(root, 'dist', p);
const only = process.argv[2];

for (const part of only ? [only] : ['renderer', 'main', 'preload']) {
  await rm(out(part), { recursive: true, force: true });
}

const mainEntries = {
  cli: 'src-main/cli/main.ts',
  harness: 'src-main/harness/main.ts',
  'electron-main': 'src-main/electron/main.ts',
  // Untrusted files are parsed in worker threads started from this file (ADR 0080).
  'parse-worker': 'src-main/node/isolation/parse-worker.ts',
};

if (!only || only === 'renderer') {
  await build({
    configFile: false,
    root: path.join(root, 'src-renderer'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: out('renderer'), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 4000 },
  });
}

if (only === 'bench') {
  // Benchmarks are bundled like the main process so they time the same code the app runs.
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: true,
      target: 'node20',
      outDir: out('bench'),
      emptyOutDir: true,
      rolldownOptions: {
        input: { run: path.join(root, 'tests/bench/run.ts') },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  });
}

if (!only || only === 'main') {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: true,
      target: 'node20',
      outDir: out('main'),
      emptyOutDir: false,
      sourcemap: true,
      rolldownOptions: {
        input: Object.fromEntries(Object.entries(mainEntries).map(([k, v]) => [k, path.join(root, v)])),
        // Chunks sit beside the entries so `new URL('./parse-worker.mjs', import.meta.url)` resolves
        // from whichever file the parse client lands in.
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: true,
      target: 'node20',
      outDir: out('preload'),
      emptyOutDir: false,
      rolldownOptions: {
        input: { preload: path.join(root, 'src-main/preload/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  });
}
