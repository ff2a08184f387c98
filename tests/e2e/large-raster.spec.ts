// A large striped DEM without overviews (the layout that never drew and took Chromium to 2.3 GB)
// draws from its display working copy (ADR 0125): the first paint reads overview tiles only, the
// map never has more Range requests in flight than the loader allows, a request that fails is
// retried and its tile still arrives, and the map says what it is still loading (ADR 0126).
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

test('a 6,000² striped DEM draws from its working copy, bounded, retried, with a loading line', async ({
  page,
  harness,
  shot,
  pageErrors,
}) => {
  // The import returns once the working copy is written and stored.
  const dem = await harness.importOne(fixture(LARGE_STRIPED_DEM));
  const watched = watchDisplayRequests(page);
  // The first requests for the display file fail as a refused connection does; each must be
  // retried. The others are slowed a little, so the loading line stays long enough to be read.
  let toFail = 3;
  await page.route(/\/files\/datasets\/[^/]+\/display/, async (route) => {
    if (toFail > 0) {
      toFail -= 1;
      await route.abort('failed');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });

  await openWorkstation(page, harness);
  const indicator = page.getByTestId('map-loading');
  await expect(indicator).toContainText(/正在加载 \d+ 块/);
  expect(Number(await indicator.getAttribute('data-tiles'))).toBeGreaterThan(0);
  await expect(indicator).toHaveAttribute('data-settled', 'true', { timeout: 120_000 });
  await expect(indicator).toBeHidden();
  await shot('large-striped-dem');

  // Drawn: the map with the DEM differs from the map without it, and holds far more detail.
  const map = page.getByTestId('map-container');
  const drawn = await map.screenshot();
  await page.getByTestId(`dataset-visible-${dem.id}`).click();
  await expect(async () => {
    const bare = await map.screenshot();
    expect(bare.equals(drawn)).toBe(false);
    expect(drawn.length).toBeGreaterThan(2 * bare.length);
  }).toPass();

  expect(watched.most).toBeLessThanOrEqual(MAX_IN_FLIGHT);
  expect(watched.failed.length).toBe(3);
  // Every failed range was asked again and answered.
  for (const failed of watched.failed) {
    const range = failed.headers()['range'];
    const again = watched.finished.filter((r) => r.headers()['range'] === range);
    expect(again.length, `retry of ${range ?? 'no range'}`).toBeGreaterThan(0);
    expect((await again[0]?.response())?.status()).toBe(206);
  }
  // Zoomed out, the first paint reads overview tiles: a small part of the file, not its 6,000² level.
  const contentRange = (await watched.finished[0]?.response())?.headers()['content-range'] ?? '';
  const total = Number(/\/(\d+)$/.exec(contentRange)?.[1]);
  const read = watched.finished.reduce((sum, r) => sum + rangeBytes(r), 0);
  expect(total).toBeGreaterThan(0);
  expect(read).toBeLessThan(total / 4);
  // Chromium logs each refused request; those three are this test's own doing, nothing else is.
  const refused = pageErrors.filter((e) => e.includes('net::ERR_FAILED'));
  expect(refused).toHaveLength(3);
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !refused.includes(e)));
});
