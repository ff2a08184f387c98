// A dense point layer (issue 6: "1,000,000 points pan and zoom smoothly", still open): its display
// copy is an indexed FlatGeobuf (ADR 0150) read by extent over HTTP Range, drawn by WebGL (50,000
// points and more). The map draws it, and a pan completes with a rendered frame within a bound
// (see PAN_FRAME_MS). At 300,000 points a pan took 14 to 64 s on the shared 2-core machine with
// software WebGL (ADR 0150): far from smooth, which is why the figure here is the WebGL threshold.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page, Request } from '@playwright/test';
import { expect, openWorkstation, test } from './harness-fixture.js';
import { mapPixels, shareNearColours } from './map-pixels.js';
import { mapIdle } from './workspace-support.js';

const run = promisify(execFile);
const POINTS = 60_000;
/** The first layer's colour (vector-style.ts PALETTE[0]). */
const LAYER_COLOUR = [217, 95, 2] as const;
/**
 * A keyboard pan, from the key press to the next complete frame, on the 2-core shared CI machine
 * (Chromium's software WebGL, no GPU; most of the time is OpenLayers rebuilding the WebGL buffers
 * of the points for the new view). 60 s guards that it completes at all with the machine shared;
 * it is far from smooth without a GPU (reported as the weakness it is).
 */
const PAN_FRAME_MS = 60_000;

/** A CSV of points on a jittered grid over southern China, written to a GeoPackage by GDAL. */
async function densePoints(dir: string): Promise<string> {
  const lines = ['id,name,depth,lon,lat'];
  const side = Math.ceil(Math.sqrt(POINTS));
  for (let i = 0; i < POINTS; i++) {
    const jitter = ((i * 7919) % 1000) / 1000;
    const lon = 105 + (10 * ((i % side) + jitter)) / side;
    const lat = 22 + (8 * (Math.floor(i / side) + jitter)) / side;
    lines.push(`${String(i + 1)},点${String(i + 1)},${String(i % 500)},${lon.toFixed(6)},${lat.toFixed(6)}`);
  }
  const csv = path.join(dir, 'dense.csv');
  await writeFile(csv, `${lines.join('\n')}\n`);
  const gpkg = path.join(dir, '密集点.gpkg');
  await run('ogr2ogr', [
    '-f',
    'GPKG',
    gpkg,
    csv,
    '-oo',
    'X_POSSIBLE_NAMES=lon',
    '-oo',
    'Y_POSSIBLE_NAMES=lat',
    '-oo',
    'AUTODETECT_TYPE=YES',
    '-a_srs',
    'EPSG:4490',
    '-nln',
    '密集点',
  ]);
  return gpkg;
}

function displayRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('requestfinished', (r) => {
    if (/\/files\/datasets\/[^/]+\/display/.test(r.url())) seen.push(r);
  });
  return seen;
}

test('issue 6: 60,000 points draw by WebGL from an indexed copy read over Range, and a pan renders its frame', async ({
  page,
  harness,
  shot,
}) => {
  test.setTimeout(400_000);
  const layer = await harness.importOne(await densePoints(harness.scratch));
  expect(layer.featureCount).toBe(POINTS);
  const requests = displayRequests(page);
  await openWorkstation(page, harness);
  const map = page.getByTestId('map-container');
  // The start-up view fits the layer: the first complete frame holds its points.
  await expect.poll(() => map.getAttribute('data-rendered'), { timeout: 120_000 }).not.toBeNull();
  await expect
    .poll(async () => shareNearColours(await mapPixels(page), [LAYER_COLOUR], 200), { timeout: 120_000 })
    .toBeGreaterThan(0.04);
  // Everything in view loaded and drawn (the frame counter only moves once no load is pending).
  await mapIdle(page);
  await shot('dense-points');

  // Every read of the copy is a Range request (the index, then the features it names).
  expect(requests.length).toBeGreaterThan(1);
  for (const r of requests) expect(r.headers()['range'] ?? '').toMatch(/^bytes=\d+-\d+$/);

  // A pan by the keyboard (the map pans by arrow keys once clicked): from the key to the next frame.
  await map.focus();
  const times: number[] = [];
  for (const key of ['ArrowLeft', 'ArrowRight']) {
    const started = Date.now();
    const before = Number(await map.getAttribute('data-rendered'));
    await page.keyboard.press(key);
    await expect
      .poll(async () => Number(await map.getAttribute('data-rendered')), { timeout: PAN_FRAME_MS })
      .toBeGreaterThan(before);
    times.push(Date.now() - started);
  }
  console.log(`dense points: pan to frame ${times.map(String).join(' ms, ')} ms`);
  for (const t of times) expect(t).toBeLessThan(PAN_FRAME_MS);
  // Still drawn after the pans.
  expect(shareNearColours(await mapPixels(page), [LAYER_COLOUR], 200)).toBeGreaterThan(0.04);
});
