import type { ReadonlySql, SqlCell } from '../../ports/index.js';
import { corrupt } from '../format-error.js';

/** Deepest zoom level a tile matrix may name (the basemap grids' bound too). */
export const GPKG_MAX_ZOOM = 30;
/** Largest tile edge in pixels a GeoPackage may declare. */
export const GPKG_MAX_TILE_PIXELS = 4096;

/** One row of gpkg_tile_matrix: a zoom level's matrix size in tiles, tile size and pixel size. */
export interface TileMatrix {
  readonly zoom: number;
  readonly matrixWidth: number;
  readonly matrixHeight: number;
  readonly tileWidth: number;
  readonly tileHeight: number;
  /** CRS units per pixel along x and y (both > 0). */
  readonly pixelX: number;
  readonly pixelY: number;
}

/**
 * A tile table's gpkg_tile_matrix_set (its srs_id and bounds; the matrices' origin is the
 * bounds' top-left) and its gpkg_tile_matrix rows, coarse to fine (GeoPackage 1.3 §2.2.6-7).
 */
export interface TileMatrixSet {
  readonly table: string;
  readonly srsId: number | null;
  readonly bounds: readonly [number, number, number, number];
  readonly levels: readonly TileMatrix[];
}

export const num = (v: SqlCell | undefined): number | null =>
  typeof v === 'number'
    ? v
    : typeof v === 'bigint'
      ? Number(v)
      : typeof v === 'string' && v.trim() !== ''
        ? Number(v)
        : null;
const int = (v: SqlCell | undefined): number | null => {
  const n = num(v);
  return n !== null && Number.isInteger(n) ? n : null;
};

const shown = (name: string): string => name.slice(0, 80);

export function checkZoom(zoom: number | null): number {
  if (zoom === null || zoom < 0 || zoom > GPKG_MAX_ZOOM)
    throw corrupt('tileSetZoom', { zoom: String(zoom), max: GPKG_MAX_ZOOM });
  return zoom;
}

const within = (v: number | null, lo: number, hi: number): v is number => v !== null && v >= lo && v <= hi;
const positive = (v: number | null): v is number => v !== null && Number.isFinite(v) && v > 0;

/**
 * One matrix row checked: zoom in range, matrix and tile sizes within bounds, pixel sizes finite
 * and positive and finer than the level before, and the matrix wide and tall enough to cover the
 * set's bounds (to a pixel) — a level that cannot hold the set's tiles is inconsistent with it.
 */
function checkLevel(
  row: Readonly<Record<string, SqlCell>>,
  previous: TileMatrix | undefined,
  bounds: readonly [number, number, number, number],
): TileMatrix {
  const zoom = checkZoom(int(row['zoom_level']));
  const matrixWidth = int(row['matrix_width']);
  const matrixHeight = int(row['matrix_height']);
  const tileWidth = int(row['tile_width']);
  const tileHeight = int(row['tile_height']);
  const pixelX = num(row['pixel_x_size']);
  const pixelY = num(row['pixel_y_size']);
  const limit = 2 ** GPKG_MAX_ZOOM;
  const sane =
    within(matrixWidth, 1, limit) &&
    within(matrixHeight, 1, limit) &&
    within(tileWidth, 1, GPKG_MAX_TILE_PIXELS) &&
    within(tileHeight, 1, GPKG_MAX_TILE_PIXELS) &&
    positive(pixelX) &&
    positive(pixelY) &&
    (previous === undefined || (zoom > previous.zoom && pixelX < previous.pixelX));
  if (!sane) throw corrupt('tileSetMatrix', { zoom });
  const covers =
    matrixWidth * tileWidth * pixelX >= bounds[2] - bounds[0] - pixelX &&
    matrixHeight * tileHeight * pixelY >= bounds[3] - bounds[1] - pixelY;
  if (!covers) throw corrupt('gpkgTileMatrixBounds', { zoom });
  return { zoom, matrixWidth, matrixHeight, tileWidth, tileHeight, pixelX, pixelY };
}

/**
 * The tile matrix set and matrices of tile table `table` (its name as gpkg_contents gives it),
 * checked: both tables present, one set row with finite bounds, min < max, at least one matrix,
 * each level sane and consistent with the set (checkLevel). The one reader of these tables:
 * basemap tile sets and tile rasters both read through it. Throws FormatError.
 */
export async function readTileMatrixSet(
  db: ReadonlySql,
  table: string,
  isTable: (name: string) => boolean,
): Promise<TileMatrixSet> {
  for (const required of ['gpkg_tile_matrix_set', 'gpkg_tile_matrix'])
    if (!isTable(required)) throw corrupt('gpkgNoContents', { table: required });
  const [set] = await db.all(
    'SELECT srs_id, min_x, min_y, max_x, max_y FROM gpkg_tile_matrix_set WHERE table_name = ?',
    [table],
  );
  const values = [set?.['min_x'], set?.['min_y'], set?.['max_x'], set?.['max_y']].map((v) => num(v));
  const [minX = NaN, minY = NaN, maxX = NaN, maxY = NaN] = values.map((v) => v ?? NaN);
  if (
    set === undefined ||
    !values.every((v) => v !== null && Number.isFinite(v)) ||
    minX >= maxX ||
    minY >= maxY
  )
    throw corrupt('tileSetNoMatrix', { table: shown(table) });
  const bounds = [minX, minY, maxX, maxY] as const;
  const rows = await db.all(
    `SELECT zoom_level, matrix_width, matrix_height, tile_width, tile_height, pixel_x_size, pixel_y_size
       FROM gpkg_tile_matrix WHERE table_name = ? ORDER BY zoom_level LIMIT ?`,
    [table, GPKG_MAX_ZOOM + 2],
  );
  if (rows.length === 0) throw corrupt('tileSetNoMatrix', { table: shown(table) });
  const levels: TileMatrix[] = [];
  for (const row of rows) levels.push(checkLevel(row, levels.at(-1), bounds));
  return { table, srsId: int(set['srs_id']), bounds, levels };
}
