import { fromUrl, type GeoTIFF } from 'geotiff';
import type { SourceGrid } from '../../../src-main/api/types.js';

/** One band's value at the clicked pixel; null where the pixel is the raster's nodata. */
export type BandValue = number | null;

export interface PixelValues {
  /** Zero-based column and row of the pixel in the dataset's own full-resolution grid. */
  readonly column: number;
  readonly row: number;
  readonly values: readonly BandValue[];
}

/**
 * The pixel of a north-up grid that holds (x, y), in the grid's own CRS; null outside it.
 * `origin` is the top-left corner, `resolution` the pixel size with y negative for north-up.
 */
export function pixelAt(
  [x, y]: readonly [number, number],
  origin: readonly number[],
  resolution: readonly number[],
  size: readonly [number, number],
): { readonly column: number; readonly row: number } | null {
  const [ox = 0, oy = 0] = origin;
  const [rx = 0, ry = 0] = resolution;
  if (rx === 0 || ry === 0) return null;
  const column = Math.floor((x - ox) / rx);
  const row = Math.floor((y - oy) / ry);
  if (column < 0 || row < 0 || column >= size[0] || row >= size[1]) return null;
  return { column, row };
}

/**
 * The pixel of any affine grid (rotated, sheared, south-up) that holds (x, y): the transform
 * inverted at the point. Null outside the grid or when the transform is degenerate.
 */
export function gridPixelAt(
  [x, y]: readonly [number, number],
  { transform: [x0, a, b, y0, d, e], width, height }: SourceGrid,
): { readonly column: number; readonly row: number } | null {
  const det = a * e - b * d;
  if (det === 0) return null;
  const dx = x - x0;
  const dy = y - y0;
  const column = Math.floor((e * dx - b * dy) / det);
  const row = Math.floor((a * dy - d * dx) / det);
  if (column < 0 || row < 0 || column >= width || row >= height) return null;
  return { column, row };
}

/** Centre of pixel (column, row) of an affine grid, in its CRS. */
function pixelCentre(
  { transform: [x0, a, b, y0, d, e] }: SourceGrid,
  column: number,
  row: number,
): [number, number] {
  const c = column + 0.5;
  const r = row + 0.5;
  return [x0 + c * a + r * b, y0 + c * d + r * e];
}

/** Same test GDAL applies: equal, or both NaN when the nodata value is NaN. */
export function isNodata(value: number, nodata: number | null): boolean {
  if (nodata === null) return false;
  return Number.isNaN(nodata) ? Number.isNaN(value) : value === nodata;
}

/**
 * The shortest decimal that reads back as the same float32 (359.81, not 359.809997558594):
 * what the file holds, written as a person would write it.
 */
export function shortestFloat32(value: number): number {
  if (!Number.isFinite(value)) return value;
  for (let digits = 1; digits < 9; digits += 1) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) return candidate;
  }
  return value;
}

// One opened file per URL: the header (IFDs) is read once, later clicks only fetch their tile.
const opened = new Map<string, Promise<GeoTIFF>>();

function open(url: string): Promise<GeoTIFF> {
  let tiff = opened.get(url);
  if (!tiff) {
    tiff = fromUrl(url, { credentials: 'same-origin' } as never);
    tiff.catch(() => opened.delete(url));
    opened.set(url, tiff);
  }
  return tiff;
}

/**
 * Every band's value at a point (in the raster's CRS), read by HTTP Range through geotiff.js from
 * the file the map draws, at full resolution: the numbers gdallocationinfo prints for that pixel.
 * `nodata` is the host's value (the file's own GDAL_NODATA when the host has none). Null outside.
 * With `sourceGrid` (a north-up copy of a rotated grid) the column and row are the source's, and
 * the values are read from the copy at that source pixel's centre.
 */
export async function readPixelValues(
  url: string,
  point: readonly [number, number],
  nodata: number | null,
  sourceGrid: SourceGrid | null,
): Promise<PixelValues | null> {
  const source = sourceGrid ? gridPixelAt(point, sourceGrid) : null;
  if (sourceGrid && !source) return null;
  const at = sourceGrid && source ? pixelCentre(sourceGrid, source.column, source.row) : point;
  const image = await (await open(url)).getImage(0);
  const pixel = pixelAt(at, image.getOrigin(), image.getResolution(), [image.getWidth(), image.getHeight()]);
  if (!pixel) return null;
  const { column, row } = pixel;
  const bands = await image.readRasters({ window: [column, row, column + 1, row + 1], interleave: false });
  const missing = nodata ?? image.getGDALNoData();
  const values = Array.from(bands, (band) => {
    const value = Number(band[0]);
    if (isNodata(value, missing)) return null;
    return band instanceof Float32Array ? shortestFloat32(value) : value;
  });
  return { ...(source ?? { column, row }), values };
}
