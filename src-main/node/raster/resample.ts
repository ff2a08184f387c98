import { randomUUID } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { StrataError } from '../../api/errors.js';
import {
  GeoTiffTileWriter,
  allocSamples,
  blockPlace,
  decodeProblem,
  expandPalette,
  paletteRgb,
  type GeoTiffHeader,
  type GeoTiffSpec,
  type SampleArray,
  type TiffImage,
} from '../../core/formats/geotiff/index.js';
import type { RasterInfo } from '../../core/model/index.js';
import type { ByteSource, JobOptions } from '../../core/ports/index.js';
import { BlockAverager } from '../../core/release/raster-block-average.js';
import { fileSink, syncDirectory } from './file-sink.js';
import { readBlock, readRasterInfo, withGeoTiff } from './geotiff-file.js';
import { nativeDeflate } from './native-codecs.js';
import { TileRowAssembler } from './tile-row-assembler.js';

/** Source blocks decoded per batch (the next batch inflates on the threadpool meanwhile). */
const BATCH_BLOCKS = 48;
const BATCH_BYTES = 32 * 1024 * 1024;
const RGB = 2;
const PALETTE = 3;
const YCBCR = 6;

/**
 * Writes a new GeoTIFF at `destPath` whose pixels are the area-weighted block average of
 * `srcPath` on a grid of `target` = [x, y] pixel size (CRS units) anchored at the source's
 * upper-left corner. Same CRS, data type, band count and nodata; tiled 256, DEFLATE, allow-listed
 * tags only. Reads uncompressed, LZW, DEFLATE, PackBits and JPEG sources; YCbCr JPEG is averaged
 * as RGB and a palette image as its colours (3 Byte bands, Photometric RGB), as GDAL shows them.
 * Streams source blocks (never the whole raster), writes to a temp name, fsyncs, then renames.
 * Throws StrataError (CANCELLED on abort, leaving nothing behind).
 */
export async function resampleToPublic(
  srcPath: string,
  destPath: string,
  target: readonly [number, number],
  opts: JobOptions = {},
): Promise<RasterInfo> {
  const file = basename(srcPath);
  const tmp = `${destPath}.${randomUUID()}.tmp`;
  try {
    await withGeoTiff(srcPath, async (source, header) => {
      const spec = outputSpec(header, target, file);
      const out = await open(tmp, 'wx');
      try {
        await averageInto(source, header, spec, out, opts);
        await out.sync();
      } finally {
        await out.close();
      }
    });
    if (opts.signal?.aborted === true) throw new StrataError('CANCELLED');
    await rename(tmp, destPath);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await syncDirectory(destPath);
  return readRasterInfo(destPath);
}

/** How source samples become output bands: as stored, or palette indices expanded to RGB. */
interface Bands {
  readonly count: number;
  readonly dataType: RasterInfo['dataType'];
  readonly nodata: number | null;
  readonly photometric: 1 | 2;
  /** RGB triplet per palette index, or null when samples are averaged as stored. */
  readonly palette: Uint8Array | null;
}

function outputBands(image: TiffImage, info: RasterInfo): Bands {
  if (image.photometric === PALETTE && image.colorMap !== null) {
    const nd = info.nodata;
    // Nodata survives expansion only when it is a Byte value (it then marks all three bands).
    const nodata = nd !== null && Number.isInteger(nd) && nd >= 0 && nd <= 255 ? nd : null;
    return { count: 3, dataType: 'Byte', nodata, photometric: 2, palette: paletteRgb(image.colorMap) };
  }
  const colour = image.photometric === RGB || image.photometric === YCBCR;
  const rgb = info.bandCount === 3 && info.dataType === 'Byte' && colour;
  return {
    count: info.bandCount,
    dataType: info.dataType,
    nodata: info.nodata,
    photometric: rgb ? 2 : 1,
    palette: null,
  };
}

function outputSpec(header: GeoTiffHeader, target: readonly [number, number], file: string): GeoTiffSpec {
  const { image, info } = header;
  const problem = decodeProblem(image);
  if (problem !== null)
    throw new StrataError('UNSUPPORTED_FORMAT', {
      file,
      problem: `problem.${problem.problem}`,
      ...problem.params,
    });
  if (info.crs === null || info.extent === null) throw new StrataError('CRS_UNKNOWN', { file });
  // The block average and the writer lay out a north-up grid only (ADR 0132).
  if (info.geoTransform !== undefined)
    throw new StrataError('UNSUPPORTED_FORMAT', { file, problem: 'problem.resampleNotNorthUp' });
  const [tx, ty] = target;
  const [px, py] = info.pixelSize;
  const ok = (t: number, p: number): boolean => Number.isFinite(t) && t >= p * (1 - 1e-9);
  if (!ok(tx, px) || !ok(ty, py))
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.targetPixelSize' });
  const bands = outputBands(image, info);
  return {
    width: Math.max(1, Math.ceil((info.width * px) / tx - 1e-6)),
    height: Math.max(1, Math.ceil((info.height * py) / ty - 1e-6)),
    bandCount: bands.count,
    dataType: bands.dataType,
    pixelSize: [tx, ty],
    origin: info.origin,
    crs: info.crs,
    nodata: bands.nodata,
    predictor: bands.dataType.startsWith('Float') ? 3 : 2,
    photometric: bands.photometric,
  };
}

async function averageInto(
  source: ByteSource,
  header: GeoTiffHeader,
  spec: GeoTiffSpec,
  out: FileHandle,
  opts: JobOptions,
): Promise<void> {
  const { image, info } = header;
  const { palette, nodata } = outputBands(image, info);
  const averager = new BlockAverager({
    srcWidth: info.width,
    srcHeight: info.height,
    srcPixel: info.pixelSize,
    target: spec.pixelSize,
    bands: spec.bandCount,
    dataType: spec.dataType,
    nodata: spec.nodata,
  });
  const writer = new GeoTiffTileWriter(spec, fileSink(out), nativeDeflate);
  const tiles = new TileRowAssembler(writer, spec, averager.outWidth);
  await writer.begin();
  const fill = info.nodata ?? Number.NaN;
  // A sparse block (byte count 0) whose fill value the averager ignores adds nothing: skipping it
  // keeps a mostly empty 100,000² file from decoding and averaging ten billion fill pixels.
  const skipEmpty = palette === null && fillIsIgnored(image.dataType, fill, info.nodata);
  const batches = blockBatches(image);
  const decode = (batch: readonly number[]): Promise<(SampleArray | null)[]> => {
    const blocks = Promise.all(
      batch.map((index) =>
        skipEmpty && (image.byteCounts[index] ?? 0) === 0
          ? Promise.resolve(null)
          : readBlock(source, header, image, index, fill),
      ),
    );
    // Marked handled now: a prefetch abandoned by an earlier failure must not crash the process.
    void blocks.catch(() => undefined);
    return blocks;
  };
  let pending = batches[0] === undefined ? null : decode(batches[0]);
  let done = 0;
  for (let b = 0; b < batches.length; b += 1) {
    if (opts.signal?.aborted === true) throw new StrataError('CANCELLED');
    const batch = batches[b] ?? [];
    const blocks = await (pending ?? decode(batch));
    const following = batches[b + 1];
    pending = following === undefined ? null : decode(following);
    let rowsDone = 0;
    blocks.forEach((stored, i) => {
      const place = blockPlace(image, batch[i] ?? 0);
      rowsDone = Math.max(rowsDone, place.y0 + place.height);
      if (stored === null) return;
      const samples = palette === null ? stored : expandPalette(stored, palette, nodata);
      const spp = palette === null ? (image.planar === 1 ? image.samplesPerPixel : 1) : 3;
      averager.add({
        samples,
        rowStride: image.blockWidth * spp,
        samplesPerPixel: spp,
        firstBand: place.band,
        x0: place.x0,
        y0: place.y0,
        width: place.width,
        height: place.height,
      });
    });
    if (endsBlockRow(image, batch)) {
      for (const row of averager.takeRows(rowsDone)) await tiles.push(row.values);
    }
    done += batch.length;
    opts.onProgress?.(done, image.offsets.length);
  }
  await tiles.flush();
  await writer.finish();
}

/** True when `fill`, stored in a block of `dataType`, is a value the averager gives no weight. */
function fillIsIgnored(dataType: TiffImage['dataType'], fill: number, nodata: number | null): boolean {
  const stored = allocSamples(dataType, 1).fill(fill)[0] ?? Number.NaN;
  if (Number.isNaN(stored)) return true;
  return nodata !== null && stored === (dataType === 'Float32' ? Math.fround(nodata) : nodata);
}

/**
 * Block indices in file order of rows, grouped so one batch holds whole block rows (all planes)
 * when they are small, or a slice of one block row when it is large.
 */
function blockBatches(image: TiffImage): number[][] {
  const planes = image.planar === 2 ? image.samplesPerPixel : 1;
  const perPlane = image.blocksAcross * image.blocksDown;
  const blockBytes =
    image.blockWidth * image.blockHeight * image.bytesPerSample * (planes === 1 ? image.samplesPerPixel : 1);
  const maxBlocks = Math.max(1, Math.min(BATCH_BLOCKS, Math.floor(BATCH_BYTES / blockBytes)));
  const batches: number[][] = [];
  let current: number[] = [];
  for (let r = 0; r < image.blocksDown; r += 1) {
    const row: number[] = [];
    for (let p = 0; p < planes; p += 1) {
      for (let c = 0; c < image.blocksAcross; c += 1) row.push(p * perPlane + r * image.blocksAcross + c);
    }
    if (current.length > 0 && current.length + row.length > maxBlocks) {
      batches.push(current);
      current = [];
    }
    for (const index of row) {
      current.push(index);
      if (current.length >= maxBlocks && row.length > maxBlocks) {
        batches.push(current);
        current = [];
      }
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** True when the batch's last block is the last block of its block row (in the last plane). */
function endsBlockRow(image: TiffImage, batch: readonly number[]): boolean {
  const last = batch[batch.length - 1];
  if (last === undefined) return false;
  const planes = image.planar === 2 ? image.samplesPerPixel : 1;
  const perPlane = image.blocksAcross * image.blocksDown;
  return (
    Math.floor(last / perPlane) === planes - 1 &&
    (last % perPlane) % image.blocksAcross === image.blocksAcross - 1
  );
}
