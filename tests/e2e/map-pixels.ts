import type { Page } from '@playwright/test';
import { expect } from './harness-fixture.js';

/** The map's frame counter: it moves each time every layer has finished drawing in its style. */
const rendered = async (page: Page): Promise<number> =>
  Number((await page.getByTestId('map-container').getAttribute('data-rendered')) ?? '0');

/** Runs `change`, then waits until the map has drawn a complete frame after it. */
export async function afterRender(page: Page, change: () => Promise<void>): Promise<void> {
  const before = await rendered(page);
  await change();
  await expect.poll(() => rendered(page)).toBeGreaterThan(before);
}

/** Decoded RGBA pixels of a screenshot, row by row. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/**
 * The pixels of the map as shown (or of `png`, a screenshot of it), decoded by the page's own
 * image decoder: the WebGL canvas itself cannot be read back.
 */
export async function mapPixels(page: Page, png?: Buffer): Promise<Pixels> {
  const shot = png ?? (await page.getByTestId('map-container').screenshot({ animations: 'disabled' }));
  const decoded = await page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D context');
    context.drawImage(image, 0, 0);
    const bytes = context.getImageData(0, 0, image.width, image.height).data;
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      text += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 0x8000)));
    return { width: image.width, height: image.height, data: btoa(text) };
  }, shot.toString('base64'));
  return { width: decoded.width, height: decoded.height, data: Buffer.from(decoded.data, 'base64') };
}

const rgbKey = (r: number, g: number, b: number): number => (r << 16) | (g << 8) | b;

/** Share of the pixels whose RGB is exactly one of `colours`. */
export function shareInColours(pixels: Pixels, colours: readonly (readonly number[])[]): number {
  const known = new Set(colours.map(([r = 0, g = 0, b = 0]) => rgbKey(r, g, b)));
  const { data } = pixels;
  let inTable = 0;
  for (let i = 0; i < data.length; i += 4)
    if (known.has(rgbKey(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0))) inTable += 1;
  return inTable / (data.length / 4);
}

/** Share of the pixels whose RGB differs from one of `colours` by less than `within` (summed over R, G, B). */
export function shareNearColours(
  pixels: Pixels,
  colours: readonly (readonly number[])[],
  within: number,
): number {
  const { data } = pixels;
  let near = 0;
  for (let i = 0; i < data.length; i += 4)
    if (
      colours.some(
        ([r = 0, g = 0, b = 0]) =>
          Math.abs((data[i] ?? 0) - r) + Math.abs((data[i + 1] ?? 0) - g) + Math.abs((data[i + 2] ?? 0) - b) <
          within,
      )
    )
      near += 1;
  return near / (data.length / 4);
}
