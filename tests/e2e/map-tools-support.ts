import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import { expect } from './harness-fixture.js';

const run = promisify(execFile);

export type XY = readonly [number, number];

/** Chooses a CRS by code in one of the status-bar CRS selectors (map or cursor). */
export async function chooseCrs(
  page: Page,
  select: 'map-crs-select' | 'cursor-crs-select',
  code: string,
): Promise<void> {
  await page.getByTestId(select).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${code}"]`).click();
  await expect(page.getByTestId(select)).toContainText(code);
}

/** The numbers of the cursor readout (metres, or decimal degrees), once it shows a position. */
export async function readCursor(page: Page): Promise<[number, number]> {
  const readout = page.getByTestId('status-cursor');
  await expect(readout).toContainText(/\d\.\d+°?, -?\d/);
  const numbers = (await readout.innerText()).match(/-?\d+\.\d+/g)?.map(Number) ?? [];
  return [numbers[0] ?? NaN, numbers[1] ?? NaN];
}

/** Moves the mouse onto the map at a page position and reads the cursor readout there. */
export async function cursorAt(page: Page, [px, py]: XY): Promise<[number, number]> {
  // Off the map first: the readout clears, so the next numbers are for the new position.
  await page.mouse.move(1, 1);
  await expect(page.getByTestId('status-cursor')).toHaveText('—');
  await page.mouse.move(px, py);
  return readCursor(page);
}

/**
 * The page position whose cursor readout (in the readout's CRS) is `target`, found as a person
 * would: by the readout alone. Linear from three probes, then refined twice (the map CRS may
 * differ from the readout's, so the relation is only locally linear).
 */
export async function positionOf(page: Page, target: XY): Promise<XY> {
  const box = await page.getByTestId('map-container').boundingBox();
  if (!box) throw new Error('the map has no box');
  const p0: XY = [box.x + box.width / 2, box.y + box.height / 2];
  const step = 60;
  const c0 = await cursorAt(page, p0);
  const cx = await cursorAt(page, [p0[0] + step, p0[1]]);
  const cy = await cursorAt(page, [p0[0], p0[1] + step]);
  // d(coords)/d(pixel) and its inverse.
  const [a, c] = [(cx[0] - c0[0]) / step, (cx[1] - c0[1]) / step];
  const [b, d] = [(cy[0] - c0[0]) / step, (cy[1] - c0[1]) / step];
  const det = a * d - b * c;
  const solve = (dx: number, dy: number): XY => [(d * dx - b * dy) / det, (-c * dx + a * dy) / det];
  let p: XY = p0;
  let at: XY = c0;
  for (let i = 0; i < 3; i += 1) {
    const [ux, uy] = solve(target[0] - at[0], target[1] - at[1]);
    p = [p[0] + ux, p[1] + uy];
    at = await cursorAt(page, p);
  }
  return p;
}

/** Runs a GDAL/PROJ tool; its stdout. */
export async function tool(cmd: string, args: readonly string[], input?: string): Promise<string> {
  const child = run(cmd, [...args], { maxBuffer: 64 * 1024 * 1024 });
  if (input !== undefined) child.child.stdin?.end(input);
  return (await child).stdout;
}

/** A point moved between CRSs by GDAL (x = easting/longitude first, as GDAL's tools write it). */
export async function gdalTransform(from: string, to: string, [x, y]: XY): Promise<[number, number]> {
  const out = await tool(
    'gdaltransform',
    ['-s_srs', from, '-t_srs', to, '-output_xy'],
    `${String(x)} ${String(y)}\n`,
  );
  const [tx = NaN, ty = NaN] = out.trim().split(/\s+/).map(Number);
  return [tx, ty];
}

/** Reads a DMS readout (`116°23′28.44″E, 39°54′25.64″N`) back into signed decimal degrees. */
export function parseDms(text: string): [number, number] {
  const parts = [...text.matchAll(/(\d+)°(\d+)′([\d.]+)″([EWNS])/g)].map((m) => {
    const value = Number(m[1]) + Number(m[2]) / 60 + Number(m[3]) / 3600;
    return m[4] === 'W' || m[4] === 'S' ? -value : value;
  });
  return [parts[0] ?? NaN, parts[1] ?? NaN];
}

/** A pixel of a raster, by column and row. */
export interface Pixel {
  readonly column: number;
  readonly row: number;
}

/** `gdallocationinfo -valonly FILE col row`: every band's value at a pixel, as GDAL reads it. */
export async function gdalValues(file: string, { column, row }: Pixel): Promise<number[]> {
  const out = await tool('gdallocationinfo', ['-valonly', file, String(column), String(row)]);
  return out.trim().split('\n').map(Number);
}

/** Centre of a pixel of a raster, from the geotransform GDAL reads (GeoTIFF tags or world file), rotation included. */
export async function pixelCentre(file: string, { column, row }: Pixel): Promise<XY> {
  const info = JSON.parse(await tool('gdalinfo', ['-json', file])) as { geoTransform: number[] };
  const [ox = 0, a = 0, b = 0, oy = 0, d = 0, e = 0] = info.geoTransform;
  const [c, r] = [column + 0.5, row + 0.5];
  return [ox + c * a + r * b, oy + c * d + r * e];
}

/**
 * Clicks the map on a pixel's centre, located through the cursor readout (set to the raster's
 * CRS beforehand), until the identify panel of dataset `id` names that very pixel; the panel.
 */
export async function identifyPixel(page: Page, id: string, file: string, pixel: Pixel): Promise<Locator> {
  const panel = page.getByTestId(`identify-raster-${id}`);
  await expect(async () => {
    await page.mouse.click(...(await positionOf(page, await pixelCentre(file, pixel))));
    const shown = panel.getByTestId('identify-pixel');
    await expect(shown).toHaveAttribute('data-column', String(pixel.column), { timeout: 3_000 });
    await expect(shown).toHaveAttribute('data-row', String(pixel.row), { timeout: 3_000 });
  }).toPass();
  return panel;
}
