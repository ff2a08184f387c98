// A large striped DEM without overviews (the layout that never drew and took Chromium to 2.3 GB)
// draws from its display working copy (ADR 0125): the first paint reads overview tiles only, the
// map never has more Range requests in flight than the loader allows, and the map says what it is
// still loading (ADR 0126). Retries are the loader's unit test's.
import type { Page, Request } from '@playwright/test';
import { fixture } from '../fixtures/index.js';
import { LARGE_STRIPED_DEM } from '../fixtures/large-rasters.js';
import { MAX_IN_FLIGHT } from '../../src-renderer/map/raster-source.js';
import { expect, openWorkstation, test } from './harness-fixture.js';

/** Requests the page made for a dataset's display file, with the most in flight at once. */
function watchDisplayRequests(page: Page) {
  const state = { inFlight: 0, most: 0, finished: [] as Request[], failed: [] as Request[] };
  const isDisplay = (r: Request): boolean => /\/files\/datasets\/[^/]+\/display/.test(r.url());
  page.on('request', (r) => {
    if (!isDisplay(r)) return;
    state.inFlight += 1;
    state.most = Math.max(state.most, state.inFlight);
  });
  page.on('requestfinished', (r) => {
    if (!isDisplay(r)) return;
    state.inFlight -= 1;
    state.finished.push(r);
  });
  page.on('requestfailed', (r) => {
    if (!isDisplay(r)) return;
    state.inFlight -= 1;
    state.failed.push(r);
  });
  return state;
}

/** Bytes a Range request asked for ("bytes=a-b"), or Infinity for a request without a range. */
function rangeBytes(r: Request): number {
  const match = /^bytes=(\d+)-(\d+)$/.exec(r.headers()['range'] ?? '');
  return match ? Number(match[2]) - Number(match[1]) + 1 : Infinity;
}

test('a 6,000² striped DEM draws from its working copy, bounded, with a loading line', async ({
  page,
  harness,
  shot,
}) => {
  // The import returns once the working copy is written and stored.
  const dem = await harness.importOne(fixture(LARGE_STRIPED_DEM));
  const watched = watchDisplayRequests(page);
  // Requests are slowed a little, so the loading line stays long enough to be read. Retries are
  // the loader's unit test's.
  await page.route(/\/files\/datasets\/[^/]+\/display/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });

  await openWorkstation(page, harness);
  const indicator = page.getByTestId('map-loading');
  // Some tiles are counted while they load (read from the text itself: by the time an attribute
  // is read apart from it, an idle machine may have loaded them all).
  await expect(indicator).toContainText(/正在加载 [1-9]\d* 块/);
  await expect(indicator).toHaveAttribute('data-settled', 'true', { timeout: 120_000 });
  await expect(indicator).toBeHidden();
  await shot('large-striped-dem');

  // Drawn: the map with the DEM differs from the map without it, and holds far more detail.
  const map = page.getByTestId('map-container');
  const drawn = await map.screenshot();
  await page.getByTestId(`layer-visible-${dem.id}`).click();
  await expect(async () => {
    const bare = await map.screenshot();
    expect(bare.equals(drawn)).toBe(false);
    expect(drawn.length).toBeGreaterThan(2 * bare.length);
  }).toPass();

  expect(watched.most).toBeLessThanOrEqual(MAX_IN_FLIGHT);
  // Zoomed out, the first paint reads overview tiles: a small part of the file, not its 6,000² level.
  const contentRange = (await watched.finished[0]?.response())?.headers()['content-range'] ?? '';
  const total = Number(/\/(\d+)$/.exec(contentRange)?.[1]);
  const read = watched.finished.reduce((sum, r) => sum + rangeBytes(r), 0);
  expect(total).toBeGreaterThan(0);
  expect(read).toBeLessThan(total / 4);
});
