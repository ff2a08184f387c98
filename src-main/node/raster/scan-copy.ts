import { open, readFile, stat } from 'node:fs/promises';
import { StrataError } from '../../api/errors.js';
import { TAG, placementTags, type SampleArray } from '../../core/formats/geotiff/index.js';
import { COPY_TILE, PyramidTiffWriter } from '../../core/formats/geotiff/pyramid-writer.js';
import {
  IMAGE_HEADER_BYTES,
  checkScanBudget,
  decodeScan,
  isJpeg,
  isPng,
  readImageHeader,
} from '../../core/formats/worldfile/index.js';
import type { JobOptions, RasterPlacement } from '../../core/ports/index.js';
import { readHead } from '../fs/read-head.js';
import { formatFileError } from '../fs/format-errors.js';
import { fileSink } from './file-sink.js';
import { jsJpeg } from './jpeg-codec.js';
import { nativeDeflate, nativeInflate } from './native-codecs.js';
import { Level } from './pyramid-level.js';
import type { WorkingCopyOutcome } from './working-copy.js';

/** Whether the file at `path` is a PNG or JPEG (a scan decoded whole), by its first bytes. */
export async function isScanImage(path: string): Promise<boolean> {
  const head = await readHead(path);
  return isPng(head) || isJpeg(head);
}

/** TIFF ColorMap of a PNG palette: 256 entries (indices are unpacked to 8 bits), 8-bit × 257. */
function colorMapOf(palette: Uint8Array): number[] {
  const map = new Array<number>(3 * 256).fill(0);
  for (let i = 0; i < Math.min(256, Math.floor(palette.length / 3)); i += 1)
    for (let c = 0; c < 3; c += 1) map[c * 256 + i] = (palette[i * 3 + c] ?? 0) * 257;
  return map;
}

/**
 * Writes the working copy of a PNG or JPEG scan to `tmp` (ADR 0136): the image decoded at once
 * within the scan budget (SCAN_DECODE_BYTES, checked from the header before any pixel is
 * decoded), then fed to the pyramid row band by row band, georeferenced from `placement`.
 * Palette indices keep their palette (ColorMap) and are thinned, not averaged, in overviews;
 * an alpha band is marked as such; the placement's nodata (a PNG's tRNS) is written as GDAL_NODATA and given no
 * weight in overviews. Progress in rows. Throws StrataError naming the file.
 */
export async function writeScanPyramid(
  srcPath: string,
  tmp: string,
  placement: RasterPlacement,
  opts: JobOptions,
): Promise<WorkingCopyOutcome> {
  let decoded: Awaited<ReturnType<typeof decodeScan>>;
  try {
    const head = await readHead(srcPath);
    const header = readImageHeader(head.subarray(0, IMAGE_HEADER_BYTES));
    const { size } = await stat(srcPath);
    checkScanBudget(header, size);
    const bytes = new Uint8Array(await readFile(srcPath));
    decoded = await decodeScan(bytes, header, nativeInflate, jsJpeg);
  } catch (err) {
    throw formatFileError(err, srcPath);
  }
  const { header, samples, palette } = decoded;
  const { nodata } = placement;
  const { width, height, bandCount, dataType } = header;
  const colour = bandCount >= 3 ? 3 : 1;
  const geoTags = placementTags(placement.geoTransform, placement.crs);
  if (nodata !== null) geoTags.set(TAG.GdalNodata, String(nodata));
  let writer: PyramidTiffWriter;
  try {
    writer = new PyramidTiffWriter(
      {
        width,
        height,
        bandCount,
        dataType,
        photometric: palette !== null ? 3 : colour === 3 ? 2 : 1,
        colorMap: palette === null ? null : colorMapOf(palette),
        // Grey + alpha and RGBA: the last band is unassociated alpha (2), as GDAL reads PNG.
        extraSamples: bandCount > colour ? new Array<number>(bandCount - colour).fill(2) : null,
        geoTags,
      },
      nativeDeflate,
    );
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return { written: false, reason: 'tooLarge' };
  }
  const out = await open(tmp, 'wx');
  try {
    writer.attach(fileSink(out));
    await feedRows(
      writer,
      samples,
      width,
      height,
      bandCount,
      new Level(writer, 0, bandCount, dataType, nodata, palette !== null),
      opts,
    );
    await writer.finish();
    await out.sync();
  } finally {
    await out.close();
  }
  return { written: true, levels: writer.levels.length };
}

/** Hands the decoded rows to the full-resolution level, a band of up to 512 rows at a time. */
async function feedRows(
  writer: PyramidTiffWriter,
  all: SampleArray,
  w: number,
  h: number,
  bands: number,
  top: Level,
  options: JobOptions,
): Promise<void> {
  await writer.begin();
  const rowSamples = w * bands;
  let y = 0;
  while (y < h) {
    if (options.signal?.aborted === true) throw new StrataError('CANCELLED');
    const { band, rows } = top.target;
    const count = Math.min(h - y, COPY_TILE - rows);
    band.set(all.subarray(y * rowSamples, (y + count) * rowSamples), rows * rowSamples);
    y += count;
    await top.filled(count);
    options.onProgress?.(y, h);
  }
}
