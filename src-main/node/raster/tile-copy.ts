import { open } from 'node:fs/promises';
import { StrataError } from '../../api/errors.js';
import { placementTags } from '../../core/formats/geotiff/index.js';
import { COPY_TILE, PyramidTiffWriter } from '../../core/formats/geotiff/pyramid-writer.js';
import { readContents } from '../../core/formats/geopackage/read.js';
import { readTileRow, tileRowRange, type TileCodecs } from '../../core/formats/geopackage/tile-pixels.js';
import { readTileRaster, type TileGrid } from '../../core/formats/geopackage/tile-raster.js';
import { corrupt } from '../../core/formats/format-error.js';
import type { JobOptions, RasterPlacement, ReadonlySql } from '../../core/ports/index.js';
import { formatFileError } from '../fs/format-errors.js';
import { openReadonlySqlite } from '../formats/readonly-sqlite.js';
import { fileSink } from './file-sink.js';
import { jsJpeg } from './jpeg-codec.js';
import { nativeDeflate, nativeInflate } from './native-codecs.js';
import { Level } from './pyramid-level.js';
import type { WorkingCopyOutcome } from './working-copy.js';

const CODECS: TileCodecs = { inflate: nativeInflate, jpeg: jsJpeg };

/**
 * Writes the working copy of GeoPackage tile table `table` (ADR 0181) to `tmp`: the grid read
 * again from the file (the same reader the import used), then the finest level's tiles decoded
 * one row of tiles at a time (PNG, JPEG) and fed to the pyramid, missing tiles transparent (0 in
 * every band), georeferenced from `placement`. The last band of a two- or four-band raster is
 * alpha. This copy is the only decoding of the tiles: display, identify, value range and release
 * all read it. Progress in rows of tiles; CANCELLED on abort. Throws StrataError naming the file.
 */
export async function writeTilePyramid(
  srcPath: string,
  tmp: string,
  table: string,
  placement: RasterPlacement,
  opts: JobOptions,
): Promise<WorkingCopyOutcome> {
  let db: ReadonlySql | null = null;
  try {
    db = await openReadonlySqlite(srcPath);
    const contents = await readContents(db);
    const entry = contents.tiles.find((t) => t.table === table);
    if (entry === undefined) throw corrupt('tileSetNoTiles', { table: table.slice(0, 80) });
    const { grid } = await readTileRaster(db, entry, contents.isTable);
    return await writeGrid(db, grid, tmp, placement, opts);
  } catch (err) {
    if (err instanceof StrataError) throw err;
    throw formatFileError(err, srcPath);
  } finally {
    await db?.close();
  }
}

async function writeGrid(
  db: ReadonlySql,
  grid: TileGrid,
  tmp: string,
  placement: RasterPlacement,
  opts: JobOptions,
): Promise<WorkingCopyOutcome> {
  const { width, height, bandCount } = grid;
  const colour = bandCount >= 3 ? 3 : 1;
  let writer: PyramidTiffWriter;
  try {
    writer = new PyramidTiffWriter(
      {
        width,
        height,
        bandCount,
        dataType: 'Byte',
        photometric: colour === 3 ? 2 : 1,
        colorMap: null,
        // Grey + alpha and RGBA: the last band is unassociated alpha (2), as GDAL exposes it.
        extraSamples: bandCount > colour ? [2] : null,
        geoTags: placementTags(placement.geoTransform, placement.crs),
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
    await writer.begin();
    const top = new Level(writer, 0, bandCount, 'Byte', null);
    const { first, last } = tileRowRange(grid);
    const rowSamples = width * bandCount;
    for (let r = first; r <= last; r += 1) {
      if (opts.signal?.aborted === true) throw new StrataError('CANCELLED');
      const { rows, samples } = await readTileRow(db, grid, r, CODECS);
      for (let y = 0; y < rows;) {
        const { band, rows: filled } = top.target;
        const count = Math.min(rows - y, COPY_TILE - filled);
        band.set(samples.subarray(y * rowSamples, (y + count) * rowSamples), filled * rowSamples);
        y += count;
        await top.filled(count);
      }
      opts.onProgress?.(r - first + 1, last - first + 1);
    }
    await writer.finish();
    await out.sync();
  } finally {
    await out.close();
  }
  return { written: true, levels: writer.levels.length };
}
