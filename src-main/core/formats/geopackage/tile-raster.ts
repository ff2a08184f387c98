import { gridExtent, type GeoTransform, type RasterInfo } from '../../model/index.js';
import type { ReadonlySql } from '../../ports/index.js';
import { corrupt, tooLarge, unsupported } from '../format-error.js';
import { quoteIdent, readCrs, type TilesEntry } from './read.js';
import { num, readTileMatrixSet, type TileMatrix } from './tile-matrix.js';
import { tileImageType } from './tile-pixels.js';

/**
 * Most pixels a tile raster may have at its finest level: 2^32 (65,536²). Its working copy is a
 * classic TIFF (under 4 GiB), written from it strip by strip; more than this is refused up front.
 */
export const TILE_RASTER_MAX_PIXELS = 2 ** 32;
/** Most bytes of one decoded row of tiles (the working copy's unit of work). */
export const TILE_ROW_MAX_BYTES = 2 ** 30;
/** Longest gpkg_metadata document read for the band count GDAL records there. */
const MAX_METADATA_CHARS = 1024 * 1024;

/**
 * A tile table as one raster, the way GDAL's GPKG driver exposes it: the finest zoom level that
 * holds tiles, the extent of gpkg_contents (else of the tile matrix set), `width` × `height` pixels
 * of that level, and where the raster's first pixel lies in the level's matrix (`shiftX`, `shiftY`
 * pixels from the matrix's top-left).
 */
export interface TileGrid {
  readonly table: string;
  readonly level: TileMatrix;
  readonly width: number;
  readonly height: number;
  readonly bandCount: number;
  readonly shiftX: number;
  readonly shiftY: number;
  readonly geoTransform: GeoTransform;
}

const shown = (name: string): string => name.slice(0, 80);

/**
 * The band count GDAL wrote for the table (IMAGE_STRUCTURE `BAND_COUNT` in its gpkg_metadata
 * document referenced by the table or the whole file); 4 (RGBA) without one, as GDAL opens it.
 */
async function bandCountOf(db: ReadonlySql, table: string, isTable: (n: string) => boolean): Promise<number> {
  if (!isTable('gpkg_metadata') || !isTable('gpkg_metadata_reference')) return 4;
  const rows = await db.all(
    `SELECT CASE WHEN length(md.metadata) <= ? THEN md.metadata END AS metadata
       FROM gpkg_metadata md JOIN gpkg_metadata_reference mdr ON md.id = mdr.md_file_id
      WHERE md.md_standard_uri = 'http://gdal.org' AND md.mime_type = 'text/xml'
        AND (mdr.reference_scope = 'geopackage'
             OR (mdr.reference_scope = 'table' AND lower(mdr.table_name) = lower(?)))
      ORDER BY md.id`,
    [MAX_METADATA_CHARS, table],
  );
  let count = 4;
  for (const row of rows) {
    const xml = row['metadata'];
    if (typeof xml !== 'string') continue;
    const domain = /<Metadata\s+domain="IMAGE_STRUCTURE"\s*>([\s\S]*?)<\/Metadata>/.exec(xml)?.[1] ?? '';
    const value = Number(/<MDI\s+key="BAND_COUNT"\s*>\s*(\d)\s*<\/MDI>/.exec(domain)?.[1]);
    if (value >= 1 && value <= 4) count = value;
  }
  return count;
}

/**
 * Tiles that no matrix of the table describes: at a zoom level gpkg_tile_matrix does not list,
 * or at a column or row outside that level's matrix. GDAL skips them silently; here they mean
 * the file's tables disagree, and it is refused naming the first such tile.
 */
async function checkTilePlaces(db: ReadonlySql, table: string, levels: readonly TileMatrix[]): Promise<void> {
  const from = quoteIdent(table);
  const [stray] = await db.all(
    `SELECT zoom_level FROM ${from} WHERE zoom_level NOT IN
       (SELECT zoom_level FROM gpkg_tile_matrix WHERE table_name = ?) LIMIT 1`,
    [table],
  );
  if (stray !== undefined) throw corrupt('gpkgTileZoomUnknown', { zoom: String(stray['zoom_level']) });
  for (const l of levels) {
    const [outside] = await db.all(
      `SELECT tile_column, tile_row FROM ${from} WHERE zoom_level = ?
          AND (tile_column < 0 OR tile_column >= ? OR tile_row < 0 OR tile_row >= ?) LIMIT 1`,
      [l.zoom, l.matrixWidth, l.matrixHeight],
    );
    if (outside !== undefined)
      throw corrupt('gpkgTileOutOfRange', {
        zoom: l.zoom,
        column: String(outside['tile_column']),
        row: String(outside['tile_row']),
      });
  }
}

/** The finest level that holds a tile (GDAL's choice), else the finest level. */
async function finestWithTiles(
  db: ReadonlySql,
  table: string,
  levels: readonly TileMatrix[],
): Promise<TileMatrix> {
  for (const level of [...levels].reverse()) {
    const [found] = await db.all(`SELECT 1 AS n FROM ${quoteIdent(table)} WHERE zoom_level = ? LIMIT 1`, [
      level.zoom,
    ]);
    if (found !== undefined) return level;
  }
  const last = levels.at(-1);
  if (last === undefined) throw new Error('unreachable: a matrix set has a level');
  return last;
}

/**
 * A table whose tiles are WebP (the gpkg_webp extension writes a whole table so) is refused at
 * open from its first tile's head, rather than when its copy is written: no WebP decoder is shipped.
 */
async function refuseWebp(db: ReadonlySql, table: string, zoom: number): Promise<void> {
  const [first] = await db.all(
    `SELECT tile_column, tile_row, substr(tile_data, 1, 12) AS head FROM ${quoteIdent(table)}
      WHERE zoom_level = ? LIMIT 1`,
    [zoom],
  );
  const head = first?.['head'];
  if (head instanceof Uint8Array && tileImageType(head) === 'image/webp')
    throw unsupported('gpkgTileWebp', {
      zoom,
      column: String(first?.['tile_column']),
      row: String(first?.['tile_row']),
    });
}

/**
 * Reads a tile table's grid and its RasterInfo as GDAL reports them (`gdalinfo GPKG:file:table`):
 * size at the finest zoom level with tiles over gpkg_contents' extent (else the matrix set's),
 * GDAL's band count (4 unless its metadata says), Byte samples, CRS from gpkg_spatial_ref_sys
 * (gpkg_contents' srs_id, as GDAL reads it).
 * The table's tile columns are checked (no generated column), and every tile's place against its
 * matrix. Throws FormatError.
 */
export async function readTileRaster(
  db: ReadonlySql,
  entry: TilesEntry,
  isTable: (name: string) => boolean,
): Promise<{ grid: TileGrid; info: RasterInfo }> {
  const { table } = entry;
  const columns = await db.all('SELECT hidden FROM pragma_table_xinfo(?)', [table]);
  if (columns.some((r) => num(r['hidden']) !== 0))
    throw corrupt('gpkgGeneratedColumn', { layer: shown(table) });
  const set = await readTileMatrixSet(db, table, isTable);
  await checkTilePlaces(db, table, set.levels);
  const level = await finestWithTiles(db, table, set.levels);
  await refuseWebp(db, table, level.zoom);
  const [minX, minY, maxX, maxY] = entry.bounds ?? set.bounds;
  const width = Math.max(1, Math.floor(0.5 + (maxX - minX) / level.pixelX));
  const height = Math.max(1, Math.floor(0.5 + (maxY - minY) / level.pixelY));
  const bandCount = await bandCountOf(db, table, isTable);
  if (width * height > TILE_RASTER_MAX_PIXELS || width * level.tileHeight * bandCount > TILE_ROW_MAX_BYTES)
    throw tooLarge('gpkgTileRasterSize', { layer: shown(table), width, height });
  const geoTransform: GeoTransform = [minX, level.pixelX, 0, maxY, 0, -level.pixelY];
  const grid: TileGrid = {
    table,
    level,
    width,
    height,
    bandCount,
    shiftX: Math.round((minX - set.bounds[0]) / level.pixelX),
    shiftY: Math.round((set.bounds[3] - maxY) / level.pixelY),
    geoTransform,
  };
  const info: RasterInfo = {
    kind: 'raster',
    width,
    height,
    bandCount,
    dataType: 'Byte',
    pixelSize: [level.pixelX, level.pixelY],
    origin: [minX, maxY],
    nodata: null,
    // gpkg_contents' srs_id, as GDAL takes it (the set's should be the same, and is when it has none).
    crs: await readCrs(db, entry.srsId ?? set.srsId),
    extent: gridExtent(geoTransform, width, height),
  };
  return { grid, info };
}
