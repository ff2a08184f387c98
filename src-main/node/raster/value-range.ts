import { blockPlace, canDecode, type TiffImage } from '../../core/formats/geotiff/index.js';
import type { RasterInfo } from '../../core/model/index.js';
import { readBlock, withGeoTiff } from './geotiff-file.js';

/** Pixels decoded at most for a display range (an overview or an even spread of blocks). */
const BUDGET_PIXELS = 4_000_000;
const CONCURRENCY = 8;

/**
 * Display value range `[min, max]` of band 1 ignoring nodata and NaN, for single-band non-Byte
 * rasters (DEMs); null for other rasters, unsupported compression or no valid pixel. Large
 * rasters read the largest overview within budget, or else an evenly spread subset of blocks,
 * so the range is a display range, not exact statistics. Throws StrataError on a bad file.
 */
export async function rasterValueRange(path: string, info: RasterInfo): Promise<[number, number] | null> {
  if (info.bandCount !== 1 || info.dataType === 'Byte') return null;
  return withGeoTiff(path, async (source, header) => {
    const image = header.overviews.find((o) => o.width * o.height <= BUDGET_PIXELS) ?? header.image;
    if (!canDecode(image)) return null;
    const nd = header.info.nodata;
    const nodata = nd === null ? Number.NaN : image.dataType === 'Float32' ? Math.fround(nd) : nd;
    let min = Infinity;
    let max = -Infinity;
    const indices = spreadBlocks(image);
    for (let i = 0; i < indices.length; i += CONCURRENCY) {
      const batch = indices.slice(i, i + CONCURRENCY);
      const blocks = await Promise.all(
        batch.map((index) => readBlock(source, header, image, index, Number.NaN)),
      );
      blocks.forEach((samples, k) => {
        // Edge tiles are padded past the image: only the valid rectangle counts.
        const { width, height } = blockPlace(image, batch[k] ?? 0);
        for (let y = 0; y < height; y += 1) {
          const row = y * image.blockWidth;
          for (let x = row; x < row + width; x += 1) {
            const v = samples[x] ?? Number.NaN;
            if (v === nodata || v !== v) continue;
            if (v < min) min = v;
            if (v > max) max = v;
          }
        }
      });
    }
    return min <= max ? [min, max] : null;
  });
}

/** Every block when within budget, else a regular grid of blocks (every step-th row and column). */
function spreadBlocks(image: TiffImage): number[] {
  const total = image.blocksAcross * image.blocksDown;
  const allowed = Math.max(1, Math.floor(BUDGET_PIXELS / (image.blockWidth * image.blockHeight)));
  const step = total <= allowed ? 1 : Math.ceil(Math.sqrt(total / allowed));
  const stepAcross = image.blocksAcross === 1 ? 1 : step;
  const stepDown = image.blocksAcross === 1 ? Math.ceil(total / allowed) : step;
  const out: number[] = [];
  for (let r = 0; r < image.blocksDown; r += Math.max(1, stepDown)) {
    for (let c = 0; c < image.blocksAcross; c += stepAcross) out.push(r * image.blocksAcross + c);
  }
  return out;
}
