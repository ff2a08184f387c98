import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { pointsFromCsv } from '../support/gdal.js';

/**
 * A point shapefile written by GDAL and copied under `stem` without its .prj: a dataset with no
 * CRS, which the map cannot place (its notice names it, so a long stem makes a long notice).
 */
export async function shapefileWithoutCrs(dir: string, stem: string): Promise<string> {
  const source = path.join(dir, `${stem}-full`);
  await mkdir(source, { recursive: true });
  const csv = path.join(source, 'points.csv');
  await writeFile(csv, 'id,名称,x,y\n1,一号孔,110.05,24.9\n2,二号孔,110.1,24.95\n');
  await pointsFromCsv(csv, path.join(source, 'points.shp'), { format: 'ESRI Shapefile', fields: 'id,名称' });
  const target = path.join(dir, stem);
  await mkdir(target, { recursive: true });
  for (const ext of ['shp', 'shx', 'dbf', 'cpg']) {
    await copyFile(path.join(source, `points.${ext}`), path.join(target, `${stem}.${ext}`));
  }
  return path.join(target, `${stem}.shp`);
}

export type Lang = 'zh-CN' | 'en';

/** Switches the UI language with the top bar's switch, as a user does. */
export async function useLang(page: Page, lang: Lang): Promise<void> {
  const label = lang === 'en' ? 'English' : '中文';
  await page.getByTestId('lang-switch').getByText(label, { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** True when two boxes share any area (touching edges do not count). */
export const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

/** True when `inner` lies within `outer` (half a pixel of rounding allowed). */
export const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

/** The map's pixels in a small square at its middle, as PNG bytes (what the user sees there). */
export async function mapMiddle(page: Page): Promise<Buffer> {
  const box = await page.getByTestId('map-container').boundingBox();
  if (!box) throw new Error('map has no box');
  return page.screenshot({
    clip: { x: box.x + box.width / 2 - 3, y: box.y + box.height / 2 - 3, width: 6, height: 6 },
    animations: 'disabled',
  });
}

/** Waits until the map's middle shows what `expected` holds (tiles keep arriving for a while). */
export async function expectMapMiddle(page: Page, expected: Buffer, same: boolean): Promise<void> {
  await expect.poll(async () => (await mapMiddle(page)).equals(expected), { timeout: 30_000 }).toBe(same);
}

/** The map's middle once the whole map has stopped changing (see mapIdle). */
export async function settledMapMiddle(page: Page): Promise<Buffer> {
  await mapIdle(page);
  return mapMiddle(page);
}

/** The layer tree's layer ids, top row first. */
export async function treeOrder(page: Page): Promise<string[]> {
  return page
    .getByTestId('layer-tree')
    .locator('[data-testid^="layer-row-"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-node') ?? ''));
}

/**
 * Waits until the whole map has stopped changing (three captures alike, the polls spaced out), so a
 * reading is of the finished drawing; and so no tile is in flight when the test ends, where the
 * harness stops and a refused request would be logged as a page error.
 */
export async function mapIdle(page: Page): Promise<void> {
  const map = page.getByTestId('map-container');
  const capture: { last: Buffer | null; alike: number } = { last: null, alike: 0 };
  await expect
    .poll(
      async () => {
        const next = await map.screenshot({ animations: 'disabled' });
        capture.alike = capture.last?.equals(next) === true ? capture.alike + 1 : 0;
        capture.last = next;
        return capture.alike >= 2;
      },
      { intervals: [250, 500, 500, 1000] },
    )
    .toBe(true);
}
