// Builds the bundles with Vite: the renderer (browser), the main-process entries (Node/Electron,
// ESM), the sandboxed preload (CommonJS, as Electron requires for sandboxed preloads) and, on
// request only, the benchmarks. Usage: node build/build.mjs [renderer|main|bench]
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { rm } from 'node:fs/promises';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = (part) => path.join(root, 'dist', part);
const only = process.argv[2];

/** One Node-side bundle (SSR build: dependencies stay external, loaded from node_modules). */
async function bundleNode(part, entries, { format = 'es', external = [], sourcemap = true } = {}) {
  await rm(out(part), { recursive: true, force: true });
  const extension = format === 'es' ? 'mjs' : 'cjs';
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: true,
      target: 'node20',
      outDir: out(part),
      emptyOutDir: true,
      sourcemap,
      rolldownOptions: {
        input: Object.fromEntries(
          Object.entries(entries).map(([name, file]) => [name, path.join(root, file)]),
        ),
        external,
        // Chunks sit beside the entries so `new URL('./parse-worker.mjs', import.meta.url)` resolves
        // from whichever file the parse client lands in.
        output: {
          format,
          entryFileNames: `[name].${extension}`,
          chunkFileNames: `[name]-[hash].${extension}`,
        },
      },
    },
  });
}

if (!only || only === 'renderer') {
  await rm(out('renderer'), { recursive: true, force: true });
  await build({
    configFile: false,
    root: path.join(root, 'src-renderer'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: out('renderer'), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 4000 },
  });
}

if (!only || only === 'main') {
  await bundleNode('main', {
    cli: 'src-main/cli/main.ts',
    harness: 'src-main/harness/main.ts',
    'electron-main': 'src-main/electron/main.ts',
    // Untrusted files are parsed in worker threads started from this file (ADR 0080).
    'parse-worker': 'src-main/node/isolation/parse-worker.ts',
    // Public-version pixel work runs in worker threads started from this file (ADR 0085).
    'resample-worker': 'src-main/node/raster/resample-worker.ts',
    // Display working copies are written in worker threads started from this file (ADR 0125).
    'working-copy-worker': 'src-main/node/raster/working-copy-worker.ts',
  });
  await bundleNode(
    'preload',
    { preload: 'src-main/preload/preload.ts' },
    { format: 'cjs', external: ['electron'], sourcemap: false },
  );
}

if (only === 'bench') {
  // Benchmarks are bundled like the main process so they time the same code the app runs.
  await bundleNode(
    'bench',
    {
      run: 'tests/bench/run.ts',
      'resample-worker': 'src-main/node/raster/resample-worker.ts',
      'parse-worker': 'src-main/node/isolation/parse-worker.ts',
      'working-copy-worker': 'src-main/node/raster/working-copy-worker.ts',
    },
    { sourcemap: false },
  );
}
