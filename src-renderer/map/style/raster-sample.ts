import { fromUrl, type GeoTIFF, type GeoTIFFImage } from 'geotiff';
import { bandStats } from './histogram.js';
import type { RasterTraits } from './model.js';
import type { RasterFacts } from './raster-expression.js';

/** RasterFacts plus where its statistics came from (shown beside the histogram). */
export interface RasterSample extends RasterFacts, RasterTraits {
  readonly nodata: number | null;
  /** Size of the image level the values were sampled from, pixels. */
  readonly level: { readonly width: number; readonly height: number; readonly overview: boolean };
  /** Pixels read per band. */
  readonly sampled: number;
}

/** A level at most this many pixels is read whole; a larger one (no overviews) in spread windows. */
const WHOLE_LEVEL_PIXELS = 1024 * 1024;
/** Windows per side and their size when sampling a large level: 64 reads of 64 × 64 pixels. */
const GRID = 8;
const WINDOW = 64;

const PHOTOMETRIC_PALETTE = 3;
const PHOTOMETRIC_YCBCR = 6;
const isMask = (image: GeoTIFFImage): boolean =>
  ((Number(image.fileDirectory.getValue('NewSubfileType')) || 0) & 4) === 4;

function dataTypeOf(image: GeoTIFFImage): string {
  const bits = image.getBitsPerSample(0);
  const format = image.getSampleFormat(0);
  if (format === 3) return bits === 64 ? 'Float64' : 'Float32';
  const signed = format === 2;
  if (bits <= 8) return signed ? 'Int8' : 'Byte';
  return `${signed ? 'Int' : 'UInt'}${String(bits)}`;
}

/** The colour table as RGBA 0..255 (TIFF stores 16-bit R, then G, then B planes). */
async function colourTable(image: GeoTIFFImage, nodata: number | null): Promise<RasterFacts['colourTable']> {
  if (Number(image.fileDirectory.getValue('PhotometricInterpretation')) !== PHOTOMETRIC_PALETTE) return null;
  const map = (await image.fileDirectory.loadValue('ColorMap')) as ArrayLike<number> | undefined;
  if (!map || map.length < 3) return null;
  const n = Math.floor(map.length / 3);
  return Array.from(
    { length: n },
    (_, i) =>
      [
        Math.round((map[i] ?? 0) / 257),
        Math.round((map[n + i] ?? 0) / 257),
        Math.round((map[2 * n + i] ?? 0) / 257),
        i === nodata ? 0 : 255,
      ] as const,
  );
}

type Bands = readonly ArrayLike<number>[];

async function readWindow(
  image: GeoTIFFImage,
  window: readonly [number, number, number, number],
): Promise<Bands> {
  const rgb =
    image.getSamplesPerPixel() === 3 &&
    Number(image.fileDirectory.getValue('PhotometricInterpretation')) === PHOTOMETRIC_YCBCR;
  const read = rgb
    ? await image.readRGB({ window: [...window], interleave: false })
    : await image.readRasters({ window: [...window], interleave: false });
  return Array.isArray(read) ? read : [];
}

/** Values of every band: the whole level when small, else a grid of windows spread over it. */
async function sampleValues(image: GeoTIFFImage): Promise<Bands> {
  const width = image.getWidth();
  const height = image.getHeight();
  if (width * height <= WHOLE_LEVEL_PIXELS) return readWindow(image, [0, 0, width, height]);
  const parts: Bands[] = [];
  for (let gy = 0; gy < GRID; gy++)
    for (let gx = 0; gx < GRID; gx++) {
      const x = Math.floor(((gx + 0.5) * width) / GRID - WINDOW / 2);
      const y = Math.floor(((gy + 0.5) * height) / GRID - WINDOW / 2);
      const x0 = Math.max(0, x);
      const y0 = Math.max(0, y);
      parts.push(
        await readWindow(image, [x0, y0, Math.min(width, x0 + WINDOW), Math.min(height, y0 + WINDOW)]),
      );
    }
  const bandCount = parts[0]?.length ?? 0;
  return Array.from({ length: bandCount }, (_, b) => {
    const pieces = parts.map((p) => p[b] ?? []);
    const out = new Float64Array(pieces.reduce((sum, p) => sum + p.length, 0));
    let at = 0;
    for (const p of pieces) {
      out.set(Array.from(p), at);
      at += p.length;
    }
    return out;
  });
}

/**
 * Header facts and value statistics of an opened GeoTIFF, read from its smallest overview (or a
 * sample of the full level when it has none): enough for stretches and the histogram, never a
 * full-resolution read of a large raster.
 */
export async function describeRaster(tiff: GeoTIFF): Promise<RasterSample> {
  const count = await tiff.getImageCount();
  const images: GeoTIFFImage[] = [];
  for (let i = 0; i < count; i++) images.push(await tiff.getImage(i));
  const full = images[0];
  if (!full) throw new Error('no image');
  const levels = images.filter((image) => !isMask(image));
  const smallest = levels.reduce(
    (a, b) => (b.getWidth() * b.getHeight() < a.getWidth() * a.getHeight() ? b : a),
    full,
  );
  const nodata = full.getGDALNoData();
  const values = await sampleValues(smallest);
  const extra = (full.fileDirectory.getValue('ExtraSamples') as ArrayLike<number> | undefined) ?? [];
  const bandCount = values.length;
  const alphaAt = Array.from(extra).findIndex((v) => v === 1 || v === 2);
  const dataType = dataTypeOf(full);
  const table = await colourTable(full, nodata);
  return {
    bandCount,
    dataType,
    hasColourTable: table !== null,
    nodata,
    colourTable: table,
    // Extra samples follow the colour samples: the first alpha is band (colour samples + index + 1).
    alpha:
      alphaAt >= 0 && bandCount > extra.length
        ? { band: bandCount - extra.length + alphaAt + 1, opaque: 2 ** full.getBitsPerSample(0) - 1 }
        : null,
    stats: values.map((band) => bandStats(band, nodata)),
    level: { width: smallest.getWidth(), height: smallest.getHeight(), overview: smallest !== full },
    sampled: values[0]?.length ?? 0,
  };
}

const cache = new Map<string, Promise<RasterSample>>();

/** The sample of the raster at `url`, read once per URL while the app runs. */
export function sampleRaster(url: string): Promise<RasterSample> {
  let found = cache.get(url);
  if (!found) {
    found = fromUrl(url).then(describeRaster);
    // A failed read is not kept: the next look (e.g. reopening the panel) tries again.
    found.catch(() => cache.delete(url));
    cache.set(url, found);
  }
  return found;
}
