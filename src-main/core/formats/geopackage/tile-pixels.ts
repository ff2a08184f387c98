import type { ReadonlySql } from '../../ports/index.js';
import { FormatError, corrupt, tooLarge, unsupported } from '../format-error.js';
import type { InflatePort, JpegPort } from '../geotiff/index.js';
import { decodeScan } from '../worldfile/decode-scan.js';
import { readImageHeader } from '../worldfile/image-header.js';
import { quoteIdent } from './read.js';
import { num } from './tile-matrix.js';
import type { TileGrid } from './tile-raster.js';

/** Largest tile read; tile sets hold 256 or 512 px images of tens of kilobytes. */
export const MAX_TILE_BYTES = 2 * 1024 * 1024;

/** A tile's image type, from its first bytes. */
export function tileImageType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'image/webp' | null {
  const at = (i: number): number => bytes[i] ?? -1;
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return 'image/png';
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  const ascii = (from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** Where a tile is, for messages. */
export interface TilePlace {
  readonly zoom: number;
  readonly column: number;
  readonly row: number;
}

/** The codecs a tile decode needs: the same ones the PNG/JPEG scans and TIFF blocks use. */
export interface TileCodecs {
  readonly inflate: InflatePort;
  readonly jpeg: JpegPort;
}

/**
 * One tile decoded by its content (PNG or JPEG; WebP is refused, no decoder being shipped) into
 * `bandCount` interleaved Byte samples, as GDAL maps tiles onto a GeoPackage raster's bands: grey
 * is repeated as red, green and blue, a palette expanded, alpha 255 where the tile has none; one
 * band keeps the first, two keep the first and alpha, three drop alpha. The tile must be the
 * matrix's tile size and 8-bit. Throws FormatError naming the tile.
 */
export async function decodeTile(
  bytes: Uint8Array,
  grid: TileGrid,
  place: TilePlace,
  codecs: TileCodecs,
): Promise<Uint8Array> {
  const type = tileImageType(bytes);
  if (type === 'image/webp') throw unsupported('gpkgTileWebp', { ...place });
  if (type === null) throw corrupt('gpkgTileNotImage', { ...place });
  const { tileWidth: tw, tileHeight: th } = grid.level;
  let decoded: Awaited<ReturnType<typeof decodeScan>>;
  try {
    const header = readImageHeader(bytes);
    if (header.width !== tw || header.height !== th)
      throw corrupt('gpkgTileSize', { ...place, width: header.width, height: header.height });
    if (header.bits !== 8) throw unsupported('gpkgTileDepth', { ...place, bits: header.bits });
    decoded = await decodeScan(bytes, header, codecs.inflate, codecs.jpeg);
  } catch (err) {
    if (err instanceof FormatError && err.problem.startsWith('gpkgTile')) throw err;
    throw corrupt('gpkgTileNotImage', { ...place });
  }
  const { samples, palette, header } = decoded;
  const inBands = header.bandCount;
  const out = new Uint8Array(tw * th * grid.bandCount);
  const pick = bandPicker(grid.bandCount);
  const rgba = [0, 0, 0, 255];
  for (let p = 0; p < tw * th; p += 1) {
    const s = p * inBands;
    if (palette !== null) {
      const i = (samples[s] ?? 0) * 3;
      rgba[0] = palette[i] ?? 0;
      rgba[1] = palette[i + 1] ?? 0;
      rgba[2] = palette[i + 2] ?? 0;
      rgba[3] = 255;
    } else if (inBands <= 2) {
      const grey = samples[s] ?? 0;
      rgba[0] = grey;
      rgba[1] = grey;
      rgba[2] = grey;
      rgba[3] = inBands === 2 ? (samples[s + 1] ?? 0) : 255;
    } else {
      rgba[0] = samples[s] ?? 0;
      rgba[1] = samples[s + 1] ?? 0;
      rgba[2] = samples[s + 2] ?? 0;
      rgba[3] = inBands === 4 ? (samples[s + 3] ?? 0) : 255;
    }
    for (let b = 0; b < pick.length; b += 1) out[p * pick.length + b] = rgba[pick[b] ?? 0] ?? 0;
  }
  return out;
}

/** Which of R, G, B, A each of a raster's `bandCount` bands takes. */
const bandPicker = (bandCount: number): readonly number[] =>
  bandCount === 1 ? [0] : bandCount === 2 ? [0, 3] : bandCount === 3 ? [0, 1, 2] : [0, 1, 2, 3];

/** The tile rows of the finest level the raster spans, top to bottom. */
export function tileRowRange(grid: TileGrid): { first: number; last: number } {
  const th = grid.level.tileHeight;
  return { first: Math.floor(grid.shiftY / th), last: Math.floor((grid.shiftY + grid.height - 1) / th) };
}

/** Raster rows `y0` … `y0 + rows - 1`, interleaved samples of every band. */
export interface RasterRows {
  readonly y0: number;
  readonly rows: number;
  readonly samples: Uint8Array;
}

/**
 * The raster rows one row of tiles of the finest level covers, cropped to the raster: every tile
 * of the row decoded (decodeTile) and placed; a missing tile leaves its pixels 0 in every band
 * (transparent), as GDAL reads it. A tile over MAX_TILE_BYTES is refused before its bytes are read.
 */
export async function readTileRow(
  db: ReadonlySql,
  grid: TileGrid,
  tileRow: number,
  codecs: TileCodecs,
): Promise<RasterRows> {
  const { tileWidth: tw, tileHeight: th, zoom } = grid.level;
  const bands = grid.bandCount;
  const top = Math.max(0, tileRow * th - grid.shiftY);
  const bottom = Math.min(grid.height, (tileRow + 1) * th - grid.shiftY);
  const rows = bottom - top;
  const samples = new Uint8Array(rows * grid.width * bands);
  const firstColumn = Math.floor(grid.shiftX / tw);
  const lastColumn = Math.floor((grid.shiftX + grid.width - 1) / tw);
  const tiles = await db.all(
    `SELECT tile_column, CASE WHEN length(tile_data) <= ? THEN tile_data END AS data, length(tile_data) AS n
       FROM ${quoteIdent(grid.table)}
      WHERE zoom_level = ? AND tile_row = ? AND tile_column BETWEEN ? AND ? ORDER BY tile_column`,
    [
      MAX_TILE_BYTES,
      zoom,
      tileRow,
      Math.max(0, firstColumn),
      Math.min(grid.level.matrixWidth - 1, lastColumn),
    ],
  );
  let previous = -1;
  for (const tile of tiles) {
    const column = num(tile['tile_column']) ?? -1;
    if (column === previous) continue;
    previous = column;
    const place = { zoom, column, row: tileRow };
    const data = tile['data'];
    if (!(data instanceof Uint8Array)) {
      if ((num(tile['n']) ?? 0) > MAX_TILE_BYTES)
        throw tooLarge('tileTooLarge', { ...place, maxMb: MAX_TILE_BYTES / 1024 / 1024 });
      throw corrupt('gpkgTileNotImage', place);
    }
    const pixels = await decodeTile(data, grid, place, codecs);
    const x0 = column * tw - grid.shiftX;
    const from = Math.max(0, -x0);
    const to = Math.min(tw, grid.width - x0);
    if (to <= from) continue;
    for (let y = top; y < bottom; y += 1) {
      const inTile = y + grid.shiftY - tileRow * th;
      const src = (inTile * tw + from) * bands;
      samples.set(
        pixels.subarray(src, src + (to - from) * bands),
        ((y - top) * grid.width + x0 + from) * bands,
      );
    }
  }
  return { y0: top, rows, samples };
}
