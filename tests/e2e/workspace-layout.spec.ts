import type { Locator, Page } from '@playwright/test';
import { expect, openWorkstation, selectDataset, test } from './harness-fixture.js';
import { demFile } from './inputs.js';
import { inside, overlaps, shapefileWithoutCrs, useLang, type Box, type Lang } from './workspace-support.js';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

// Long enough (near the 255-byte name limit) that the notice naming it is wider than the status bar at every size tested.
const LONG_STEM =
  '广西壮族自治区桂林市临桂区某某矿区一九八七年第三地质大队野外填图采样点位及钻孔编录资料汇总原始提交件无坐标系说明待补充桂林幅一比五万区域地质调查附图';

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return box;
}

/** The element at the middle of `locator` is it (or inside it): nothing covers it there. */
async function expectUncovered(page: Page, locator: Locator): Promise<void> {
  const box = await boxOf(locator);
  const hit = await locator.evaluate(
    (el, [x, y]) => {
      const top = document.elementFromPoint(x, y);
      return top !== null && (el === top || el.contains(top));
    },
    [box.x + box.width / 2, box.y + box.height / 2] as const,
  );
  expect(hit, 'the element is the topmost at its centre').toBe(true);
}

for (const size of SIZES) {
  for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
    test(`issue 6: at ${String(size.width)}×${String(size.height)} (${lang}) with a long notice the map keeps to its cell and the form is usable`, async ({
      page,
      harness,
      shot,
    }) => {
      await page.setViewportSize(size);
      const noCrs = await shapefileWithoutCrs(harness.scratch, LONG_STEM);
      const [dem, lost] = await harness.importFiles(demFile(), noCrs);
      if (!dem || !lost) throw new Error('two datasets expected');
      await openWorkstation(page, harness);
      await useLang(page, lang);
      await selectDataset(page, dem.id);

      // The layer without CRS puts its notice, naming it, in the status bar.
      const notice = page.getByTestId('map-notice');
      await expect(notice).toContainText(LONG_STEM);
      await expect(notice.getByRole('img', { name: 'warning' })).toBeVisible();
      const status = page.getByTestId('status-bar');
      // Laid out on one line, the notice would be wider than the whole status bar.
      const oneLine = await notice.evaluate((el) => {
        const probe = el.cloneNode(true) as HTMLElement;
        probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;width:auto';
        document.body.append(probe);
        const width = probe.getBoundingClientRect().width;
        probe.remove();
        return width;
      });
      expect(oneLine, 'the notice is longer than the status bar').toBeGreaterThan(
        (await boxOf(status)).width,
      );
      await expect(notice).toBeInViewport({ ratio: 1 });

      const map = await boxOf(page.getByTestId('map-container'));
      const panels = {
        layers: await boxOf(page.getByTestId('layer-panel')),
        catalogue: await boxOf(page.getByTestId('catalogue-panel')),
        detail: await boxOf(page.getByTestId('detail-panel')),
        status: await boxOf(status),
        attributes: await boxOf(page.getByTestId('attribute-panel')),
      };
      const all: Record<string, Box> = { map, ...panels };
      for (const [a, boxA] of Object.entries(all)) {
        for (const [b, boxB] of Object.entries(all)) {
          if (a < b) expect(overlaps(boxA, boxB), `${a} and ${b} overlap`).toBe(false);
        }
        expect(inside(boxA, { x: 0, y: 0, ...size }), `${a} is inside the window`).toBe(true);
      }
      // What OpenLayers paints (its canvases) stays inside the map's box.
      const canvases = page.getByTestId('map-container').locator('canvas');
      expect(await canvases.count()).toBeGreaterThan(0);
      for (const canvas of await canvases.all()) {
        expect(inside(await boxOf(canvas), map), 'a map canvas reaches outside the map').toBe(true);
      }
      expect(map.width, 'the map keeps a usable width').toBeGreaterThan(400);

      // The 著录 form: every input visible, uncovered, and taking input.
      for (const id of ['field-title', 'field-abstract', 'field-level', 'save-button']) {
        const field = page.getByTestId(id);
        await expect(field).toBeVisible();
        expect(inside(await boxOf(field), panels.detail), `${id} inside the right panel`).toBe(true);
        await expectUncovered(page, field);
      }
      const title = page.getByTestId('field-title');
      await title.click();
      await title.fill('版面测试 layout');
      await expect(title).toHaveValue('版面测试 layout');
      await page.getByTestId('field-abstract').click();
      await page.keyboard.type('abc');
      await expect(page.getByTestId('field-abstract')).toHaveValue('abc');

      await shot(`workspace-${String(size.width)}x${String(size.height)}-${lang}`);
    });
  }
}
