import { randomUUID } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { StrataError } from '../../api/errors.js';
import {
  TAG,
  blockPlace,
  decodeProblem,
  readTiffDirectory,
  type GeoTiffHeader,
  type SampleArray,
  type TagValue,
  type TiffImage,
  placementTags,
} from '../../core/formats/geotiff/index.js';
import { COMPRESSION } from '../../core/formats/geotiff/tiff-tags.js';
import type { ByteSource, JobOptions, RasterPlacement } from '../../core/ports/index.js';
import { fileSink, syncDirectory } from './file-sink.js';
import { readBlock, withGeoTiff } from './geotiff-file.js';
import { nativeDeflate } from './native-codecs.js';
import { Level } from './pyramid-level.js';
import { writeNorthUpPyramid } from './north-up-copy.js';
import { isScanImage, writeScanPyramid } from './scan-copy.js';
import { writeTilePyramid } from './tile-copy.js';
import {
  COPIED_TAGS,
  COPY_TILE,
  copiedSamples,
  PyramidTiffWriter,
  SMALLEST_LEVEL,
  type PyramidSpec,
} from '../../core/formats/geotiff/pyramid-writer.js';

/** Source blocks decoded per batch (the next batch inflates on the threadpool meanwhile). */
const BATCH_BLOCKS = 48;
const BATCH_BYTES = 32 * 1024 * 1024;
const MIN_IS_BLACK = 1;
const RGB = 2;
const PALETTE = 3;
const YCBCR = 6;

/** Why an image is shown as it is, without a working copy; null when it gets one. */
export type NoCopyReason = 'hasOverviews' | 'small' | 'notLossless' | 'undecodable' | 'tooLarge';

/** What writeWorkingCopy did: written with `levels` IFDs (1 + overviews), or why not. */
export type WorkingCopyOutcome =
  | { readonly written: true; readonly levels: number }
  | { readonly written: false; readonly reason: NoCopyReason };

/**
 * Whether the image needs a display copy, and whether this writer can give it one without changing
 * a pixel: JPEG is re-encoded by no one (its decoders differ by a grey level), and palette or
 * other photometric interpretations keep their original (ADR 0125).
 */
export function noCopyReason(header: GeoTiffHeader): NoCopyReason | null {
  const { image } = header;
  if (header.overviews.length > 0) return 'hasOverviews';
  if (Math.max(image.width, image.height) <= SMALLEST_LEVEL) return 'small';
  if (decodeProblem(image) !== null) return 'undecodable';
  if (image.compression === COMPRESSION.jpeg) return 'notLossless';
  if (image.photometric !== MIN_IS_BLACK && image.photometric !== RGB) return 'notLossless';
  return null;
}

/**
 * A scan (placed from outside its file) always needs a copy, the map reading only GeoTIFF: what
 * can stop it is only what the reader cannot decode, or a photometric the writer cannot keep.
 * JPEG-compressed TIFF scans are copied from their decoded pixels (YCbCr as RGB).
 */
function scanCopyReason(header: GeoTiffHeader): NoCopyReason | null {
  const { image } = header;
  if (decodeProblem(image) !== null) return 'undecodable';
  return [MIN_IS_BLACK, RGB, PALETTE, YCBCR].includes(image.photometric) ? null : 'notLossless';
}

/**
 * Writes a display copy of the raster at `srcPath` to `destPath`: the same pixels, tiled 512,
 * DEFLATE with predictor, with internal overviews (2 × 2 averages, nodata ignored) down to
 * ≤ 256 px. A GeoTIFF's georeferencing and nodata tags are copied verbatim and no other tag; a
 * scan's (`placement`: a PNG or JPEG decoded whole, or a plain TIFF) are written from the
 * placement (ADR 0136), as are a GeoPackage tile table's (its tiles decoded, ADR 0181); a rotated, sheared or south-up grid is resampled north-up (ADR 0173). Streams a TIFF source by block rows (strips or tiles), never holding the
 * whole raster unless one strip is the whole raster. Writes a temp name, fsyncs, renames.
 * Progress in source blocks (rows for a PNG/JPEG). CANCELLED on abort, leaving nothing behind; a
 * raster that does not need or cannot take a copy writes nothing.
 */
export async function writeWorkingCopy(
  srcPath: string,
  destPath: string,
  opts: JobOptions = {},
  placement?: RasterPlacement,
): Promise<WorkingCopyOutcome> {
  const tmp = `${destPath}.${randomUUID()}.tmp`;
  try {
    const outcome =
      placement?.tileTable !== undefined
        ? await writeTilePyramid(srcPath, tmp, placement.tileTable, placement, opts)
        : placement !== undefined && (await isScanImage(srcPath))
          ? await writeScanPyramid(srcPath, tmp, placement, opts)
          : await withGeoTiff(srcPath, async (source, header): Promise<WorkingCopyOutcome> => {
              if (placement === undefined && header.info.geoTransform !== undefined)
                return writeNorthUpPyramid(source, header, tmp, opts);
              const reason = placement === undefined ? noCopyReason(header) : scanCopyReason(header);
              if (reason !== null) return { written: false, reason };
              const dir = await readTiffDirectory(source);
              let writer: PyramidTiffWriter;
              try {
                writer = new PyramidTiffWriter(
                  pyramidSpec(header.image, dir.ifds[0]?.tags, placement),
                  nativeDeflate,
                );
              } catch (err) {
                if (!(err instanceof RangeError)) throw err;
                return { written: false, reason: 'tooLarge' };
              }
              const out = await open(tmp, 'wx');
              try {
                await copyInto(source, header, writer.attach(fileSink(out)), opts);
                await out.sync();
              } finally {
                await out.close();
              }
              return { written: true, levels: writer.levels.length };
            });
    if (!outcome.written) return outcome;
    if (opts.signal?.aborted === true) throw new StrataError('CANCELLED');
    await rename(tmp, destPath);
    await syncDirectory(destPath);
    return outcome;
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

function pyramidSpec(
  image: TiffImage,
  tags: ReadonlyMap<number, TagValue> | undefined,
  placement: RasterPlacement | undefined,
): PyramidSpec {
  const geoTags =
    placement === undefined
      ? new Map<number, TagValue>()
      : placementTags(placement.geoTransform, placement.crs);
  for (const tag of placement === undefined ? COPIED_TAGS : [TAG.GdalNodata]) {
    const value = tags?.get(tag);
    if (value !== undefined) geoTags.set(tag, value);
  }
  const extra = tags?.get(TAG.ExtraSamples);
  return {
    width: image.width,
    height: image.height,
    ...copiedSamples(image),
    extraSamples: Array.isArray(extra) ? extra : null,
    geoTags,
  };
}

async function copyInto(
  source: ByteSource,
  header: GeoTiffHeader,
  writer: PyramidTiffWriter,
  opts: JobOptions,
): Promise<void> {
  const { image } = header;
  const nodata = header.info.nodata;
  const spp = image.samplesPerPixel;
  const top = new Level(writer, 0, spp, image.dataType, nodata, image.photometric === PALETTE);
  await writer.begin();
  const fill = nodata ?? 0;
  const batches = blockRowBatches(image);
  const decode = (rows: readonly number[]): Promise<SampleArray[]> => {
    const blocks = Promise.all(
      rows.flatMap((r) => rowBlocks(image, r)).map((index) => readBlock(source, header, image, index, fill)),
    );
    // Marked handled now: a prefetch abandoned by an earlier failure must not crash the process.
    void blocks.catch(() => undefined);
    return blocks;
  };
  let pending = batches[0] === undefined ? null : decode(batches[0]);
  let done = 0;
  const total = image.offsets.length;
  for (let b = 0; b < batches.length; b += 1) {
    if (opts.signal?.aborted === true) throw new StrataError('CANCELLED');
    const rows = batches[b] ?? [];
    const blocks = await (pending ?? decode(rows));
    const following = batches[b + 1];
    pending = following === undefined ? null : decode(following);
    const perRow = blocks.length / Math.max(1, rows.length);
    for (const [i, r] of rows.entries()) {
      await copyBlockRow(image, rowBlocks(image, r), blocks.slice(i * perRow, (i + 1) * perRow), top);
    }
    done += blocks.length;
    opts.onProgress?.(done, total);
  }
  await writer.finish();
}

/** Every block of source block row `r`, all planes, left to right. */
function rowBlocks(image: TiffImage, r: number): number[] {
  const planes = image.planar === 2 ? image.samplesPerPixel : 1;
  const perPlane = image.blocksAcross * image.blocksDown;
  const out: number[] = [];
  for (let p = 0; p < planes; p += 1) {
    for (let c = 0; c < image.blocksAcross; c += 1) out.push(p * perPlane + r * image.blocksAcross + c);
  }
  return out;
}

/** Source block rows grouped so a batch holds about BATCH_BLOCKS blocks or BATCH_BYTES bytes. */
function blockRowBatches(image: TiffImage): number[][] {
  const planes = image.planar === 2 ? image.samplesPerPixel : 1;
  const rowBlocksCount = image.blocksAcross * planes;
  const blockBytes =
    image.blockWidth * image.blockHeight * image.bytesPerSample * (planes === 1 ? image.samplesPerPixel : 1);
  const perBatch = Math.max(
    1,
    Math.min(
      Math.floor(BATCH_BLOCKS / rowBlocksCount),
      Math.floor(BATCH_BYTES / (blockBytes * rowBlocksCount)),
    ),
  );
  const batches: number[][] = [];
  for (let r = 0; r < image.blocksDown; r += perBatch) {
    const batch: number[] = [];
    for (let k = r; k < Math.min(image.blocksDown, r + perBatch); k += 1) batch.push(k);
    batches.push(batch);
  }
  return batches;
}

/**
 * Copies one decoded source block row into the full-resolution level, row by row of the output
 * band, emitting bands as they fill (a strip taller than a band fills several).
 */
async function copyBlockRow(
  image: TiffImage,
  indices: readonly number[],
  blocks: readonly SampleArray[],
  level: Level,
): Promise<void> {
  const spp = image.samplesPerPixel;
  const planar = image.planar === 2;
  const width = image.width;
  const stride = image.blockWidth * (planar ? 1 : spp);
  const places = indices.map((index) => blockPlace(image, index));
  const first = places[0];
  if (first === undefined) return;
  let y = first.y0;
  const end = first.y0 + first.height;
  while (y < end) {
    const { band, rows } = level.target;
    const count = Math.min(end - y, COPY_TILE - rows);
    for (const [i, block] of blocks.entries()) {
      const place = places[i] ?? first;
      for (let k = 0; k < count; k += 1) {
        const inBlock = (y - first.y0 + k) * stride;
        const outRow = (rows + k) * width * spp;
        if (!planar) {
          band.set(block.subarray(inBlock, inBlock + place.width * spp), outRow + place.x0 * spp);
        } else {
          const base = outRow + place.x0 * spp + place.band;
          for (let x = 0; x < place.width; x += 1) band[base + x * spp] = block[inBlock + x] ?? 0;
        }
      }
    }
    y += count;
    await level.filled(count);
  }
}
