import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import { createWorkingCopier } from '../../src-main/node/raster/index.js';
import { timed, type Report } from './bench-row.js';
import { writeSyntheticDem } from './synthetic-dem.js';

// Beside the other benches' data (git-ignored), not next to the bundle: dist/bench is rebuilt each run.
const DATA = join(process.cwd(), 'tests/bench/.data');
const SIZE = 10_000;
const DEM = join(DATA, `dem-${String(SIZE)}-float32-deflate-epsg4545.tif`);
/** The app's harness, as `npm run build` leaves it: the first-paint bench serves the UI with it. */
const HARNESS = join(process.cwd(), 'dist', 'main', 'harness.mjs');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * The display working copy of the 10k² float32 DEM (tiled DEFLATE, no overviews) as the app writes
 * it at import (a worker thread, ADR 0125) beside `gdal_translate -of COG` with the same choices:
 * DEFLATE with predictor, 512 tiles (its default), overviews by average. One run each.
 */
export async function bench(report: Report): Promise<void> {
  await writeSyntheticDem(DEM, SIZE);
  const ours = join(DATA, 'out-strata-working-copy.tif');
  const theirs = join(DATA, 'out-gdal-cog.tif');
  const run = promisify(execFile);
  const copier = createWorkingCopier();
  let strata: number;
  let gdal: number;
  try {
    await rm(ours, { force: true });
    strata = await timed(() => copier.writeWorkingCopy(DEM, ours));
    await rm(theirs, { force: true });
    gdal = await timed(() =>
      run('gdal_translate', [
        '-q',
        '-of',
        'COG',
        '-co',
        'COMPRESS=DEFLATE',
        '-co',
        'PREDICTOR=YES',
        '-co',
        'RESAMPLING=AVERAGE',
        DEM,
        theirs,
      ]),
    );
  } finally {
    await copier.close();
  }
  report({
    job: 'display working copy 10k x 10k float32 DEFLATE -> tiled 512 + overviews (worker thread)',
    strataSeconds: strata,
    peer: 'gdal_translate -of COG -co COMPRESS=DEFLATE -co PREDICTOR=YES -co RESAMPLING=AVERAGE',
    peerSeconds: gdal,
    notes: 'one run each; GDAL compresses on 1 thread (its default), ours on the libuv pool',
  });
  await firstPaint(report);
}

/** Starts the harness on a fresh home; resolves with its URL and a stop function. */
async function startHarness(home: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [HARNESS, '--home', home, '--user', 'curator'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /STRATA_HARNESS_URL=(\S+)/.exec(seen);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`harness exited (${String(code)}) before it was ready`));
    });
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => {
        resolve();
      });
    });
    child.kill('SIGTERM');
    await exited;
  };
  return { url, stop };
}

/**
 * First paint of the 10k² DEM in Chromium (Debian's, software WebGL): imported through the harness
 * (so it is shown from its working copy), then the page opened; timed in the page's clock from the
 * layer's first Range request (the layer was added and reads its header) to the first
 * rendercomplete with every tile in (the loading line's `data-settled`). No GDAL peer.
 */
async function firstPaint(report: Report): Promise<void> {
  if (!existsSync(HARNESS) || !existsSync(CHROMIUM)) {
    console.log(`first paint: skipped (needs ${HARNESS} from \`npm run build\` and Chromium at ${CHROMIUM})`);
    return;
  }
  const home = await mkdtemp(join(os.tmpdir(), 'strata-bench-paint-'));
  const harness = await startHarness(home);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const { origin, searchParams } = new URL(harness.url);
    const started = performance.now();
    const response = await fetch(`${origin}/rpc`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-strata-token': searchParams.get('token') ?? '',
        origin,
      },
      body: JSON.stringify({ method: 'datasets.import', args: { paths: [DEM] } }),
    });
    if (!response.ok) throw new Error(`import: HTTP ${String(response.status)}`);
    const importSeconds = (performance.now() - started) / 1000;
    const page = await browser.newPage({ viewport: { width: 1600, height: 960 } });
    await page.addInitScript(() => {
      const record = (): void => {
        const indicator = document.querySelector('[data-testid="map-loading"]');
        if (indicator?.getAttribute('data-settled') === 'true' && !('strataSettledAt' in window))
          Object.assign(window, { strataSettledAt: performance.now() });
      };
      new MutationObserver(record).observe(document, { subtree: true, attributes: true, childList: true });
    });
    let requests = 0;
    page.on('request', (r) => {
      if (r.url().includes('/display')) requests += 1;
    });
    await page.goto(harness.url);
    await page.waitForFunction(() => 'strataSettledAt' in window, undefined, { timeout: 300_000 });
    const seconds = await page.evaluate(() => {
      const first = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/display'))
        .reduce((min, e) => Math.min(min, e.startTime), Infinity);
      return ((window as unknown as { strataSettledAt: number }).strataSettledAt - first) / 1000;
    });
    report({
      job: 'first paint of the 10k x 10k DEM in Chromium (layer added -> rendercomplete, from its working copy)',
      strataSeconds: seconds,
      notes: `${String(requests)} range requests; the import before it (working copy included) took ${importSeconds.toFixed(2)} s`,
    });
  } finally {
    await browser.close();
    await harness.stop();
    await rm(home, { recursive: true, force: true });
  }
}
