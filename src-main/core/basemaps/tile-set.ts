import { corrupt, tooLarge, unsupported } from '../formats/format-error.js';
import { readContents, readCrs } from '../formats/geopackage/read.js';
import { checkZoom, num, readTileMatrixSet } from '../formats/geopackage/tile-matrix.js';
import { MAX_TILE_BYTES, tileImageType } from '../formats/geopackage/tile-pixels.js';
import type { ReadonlySql, SqlCell } from '../ports/index.js';
import { MAX_ZOOM } from './config.js';

/** One zoom level of a tile set: its resolution (CRS units per pixel) and matrix size in tiles. */
export interface TileLevel {
  readonly zoom: number;
  readonly resolution: number;
  readonly matrixWidth: number;
  readonly matrixHeight: number;
}

/**
 * A local tile set as the map needs it: the grid (CRS, top-left origin, tile size, levels from
 * coarse to fine) and the extent its tiles cover, in the grid's CRS. Tiles are addressed
 * `zoom/column/row` with rows counted from the top, whatever the file stores.
 */
export interface TileSetInfo {
  readonly kind: 'mbtiles' | 'gpkg-tiles';
  /** The table holding the tiles (`tiles` in MBTiles, the GeoPackage tile table). */
  readonly table: string;
  readonly crs: { readonly code: string | null; readonly proj4: string };
  readonly origin: readonly [number, number];
  readonly tileWidth: number;
  readonly tileHeight: number;
  readonly levels: readonly TileLevel[];
  readonly extent: readonly [number, number, number, number];
  /** MBTiles written as mbutil does: a `tiles` view over `map` and `images`, read through them. */
  readonly mapImages?: boolean;
}

const WEB_MERCATOR_HALF = 20037508.342789244;
const WEB_MERCATOR_PROJ4 =
  '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs';
/** Web Mercator's latitude limit: the square world of the XYZ quadtree. */
const MERCATOR_MAX_LAT = 85.0511287798066;

const text = (v: SqlCell | undefined): string | null => (typeof v === 'string' ? v : null);
const int = (v: SqlCell | undefined): number | null => {
  const n = num(v);
  return n !== null && Number.isInteger(n) ? n : null;
};

async function tableKinds(db: ReadonlySql): Promise<Map<string, string>> {
  const rows = await db.all(
    "SELECT type, lower(name) AS name, sql FROM sqlite_master WHERE type IN ('table', 'view')",
  );
  return new Map(
    rows.flatMap((r) => {
      const name = text(r['name']);
      if (name === null) return [];
      // A virtual table runs its module's code on every read: never read as a table.
      const virtual = /^\s*CREATE\s+VIRTUAL\b/i.test(text(r['sql']) ?? '');
      return [[name, virtual ? 'virtual' : (text(r['type']) ?? '')]];
    }),
  );
}

const lonToX = (lon: number): number => (lon * WEB_MERCATOR_HALF) / 180;
const latToY = (lat: number): number => {
  const clamped = Math.max(-MERCATOR_MAX_LAT, Math.min(MERCATOR_MAX_LAT, lat));
  return (Math.log(Math.tan(((90 + clamped) * Math.PI) / 360)) * WEB_MERCATOR_HALF) / Math.PI;
};

/** MBTiles `bounds` (`west,south,east,north` in degrees) as a Web Mercator extent; the world if absent. */
function mercatorBounds(bounds: string | null): [number, number, number, number] {
  if (bounds === null) return [-WEB_MERCATOR_HALF, -WEB_MERCATOR_HALF, WEB_MERCATOR_HALF, WEB_MERCATOR_HALF];
  const parts = bounds.split(',').map((s) => Number(s.trim()));
  const [w = NaN, s = NaN, e = NaN, n = NaN] = parts;
  const valid =
    parts.length === 4 &&
    parts.every(Number.isFinite) &&
    w >= -180 &&
    e <= 180 &&
    w < e &&
    s >= -90 &&
    n <= 90 &&
    s < n;
  if (!valid) throw corrupt('tileSetBounds');
  return [lonToX(w), latToY(s), lonToX(e), latToY(n)];
}

/**
 * An MBTiles file (spec 1.3): the Web Mercator quadtree, rows stored bottom-up (TMS). Zoom range
 * from `metadata` (minzoom/maxzoom), else from the tiles themselves; `bounds` gives the extent.
 */
export async function readMbtilesInfo(db: ReadonlySql): Promise<TileSetInfo> {
  const kinds = await tableKinds(db);
  const tiles = kinds.get('tiles');
  const mapImages = tiles === 'view' && kinds.get('map') === 'table' && kinds.get('images') === 'table';
  if (tiles !== 'table' && !mapImages) throw corrupt('tileSetNoTiles', { table: 'tiles' });
  const metadata = new Map<string, string>();
  if (kinds.get('metadata') === 'table')
    for (const row of await db.all('SELECT name, value FROM metadata')) {
      const name = text(row['name']);
      const value = text(row['value']) ?? (num(row['value']) === null ? null : String(num(row['value'])));
      if (name !== null && value !== null) metadata.set(name.toLowerCase(), value);
    }
  let minZoom = int(metadata.get('minzoom') ?? null);
  let maxZoom = int(metadata.get('maxzoom') ?? null);
  if (minZoom === null || maxZoom === null) {
    const [range] = await db.all(
      `SELECT min(zoom_level) AS lo, max(zoom_level) AS hi FROM ${mapImages ? 'map' : 'tiles'}`,
    );
    if (range?.['lo'] === null || range?.['lo'] === undefined) throw corrupt('tileSetEmpty');
    minZoom ??= int(range['lo']);
    maxZoom ??= int(range['hi']);
  }
  const lo = checkZoom(minZoom);
  const hi = checkZoom(maxZoom);
  if (lo > hi) throw corrupt('tileSetZoom', { zoom: `${String(lo)}-${String(hi)}`, max: MAX_ZOOM });
  const format = metadata.get('format');
  if (format !== undefined && !['png', 'jpg', 'jpeg', 'webp'].includes(format.toLowerCase()))
    throw unsupported('tileImageType', { type: format.slice(0, 40) });
  const levels: TileLevel[] = [];
  for (let zoom = lo; zoom <= hi; zoom++) {
    const n = 2 ** zoom;
    levels.push({ zoom, resolution: (2 * WEB_MERCATOR_HALF) / 256 / n, matrixWidth: n, matrixHeight: n });
  }
  return {
    kind: 'mbtiles',
    table: 'tiles',
    crs: { code: 'EPSG:3857', proj4: WEB_MERCATOR_PROJ4 },
    origin: [-WEB_MERCATOR_HALF, WEB_MERCATOR_HALF],
    tileWidth: 256,
    tileHeight: 256,
    levels,
    extent: mercatorBounds(metadata.get('bounds') ?? null),
    ...(mapImages ? { mapImages: true } : {}),
  };
}

/**
 * A GeoPackage tile table (GeoPackage 1.3 §2.2) as a basemap: its tile matrix set and matrices
 * (read by the GeoPackage module's one reader of them), rows counted from the top. OpenLayers'
 * grids need one tile size and square pixels at every level. `table` picks one of several tile
 * tables; without it the first in gpkg_contents.
 */
export async function readGpkgTilesInfo(db: ReadonlySql, table?: string): Promise<TileSetInfo> {
  const kinds = await tableKinds(db);
  // A file without tile matrices is no tile set, whatever its contents list says.
  for (const required of ['gpkg_tile_matrix_set', 'gpkg_tile_matrix'])
    if (kinds.get(required) !== 'table') throw corrupt('gpkgNoContents', { table: required });
  const { tiles, isTable } = await readContents(db);
  const chosen = table === undefined ? tiles[0] : tiles.find((t) => t.table === table);
  if (chosen === undefined) throw corrupt('tileSetNoTiles', { table: table ?? 'gpkg_contents' });
  const set = await readTileMatrixSet(db, chosen.table, isTable);
  const crs = await readCrs(db, set.srsId);
  if (crs === null) throw unsupported('tileSetCrs', { table: chosen.table.slice(0, 80) });
  const first = set.levels[0];
  const levels: TileLevel[] = set.levels.map((l) => {
    if (first !== undefined && (l.tileWidth !== first.tileWidth || l.tileHeight !== first.tileHeight))
      throw unsupported('tileSetTileSizes', { zoom: l.zoom });
    if (Math.abs(l.pixelX - l.pixelY) > l.pixelX * 1e-9)
      throw unsupported('tileSetPixelNotSquare', { zoom: l.zoom });
    return { zoom: l.zoom, resolution: l.pixelX, matrixWidth: l.matrixWidth, matrixHeight: l.matrixHeight };
  });
  const [minX, minY, maxX, maxY] = set.bounds;
  return {
    kind: 'gpkg-tiles',
    table: chosen.table,
    crs: { code: crs.code, proj4: crs.proj4 },
    origin: [minX, maxY],
    tileWidth: first?.tileWidth ?? 256,
    tileHeight: first?.tileHeight ?? 256,
    levels,
    extent: [minX, minY, maxX, maxY],
  };
}

export interface Tile {
  readonly bytes: Uint8Array;
  readonly contentType: 'image/png' | 'image/jpeg' | 'image/webp';
}

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * The stored tile at `zoom`/`column`/`row` (row from the top), or null outside the set or where it
 * has none. A tile over MAX_TILE_BYTES is refused before its bytes are read; a tile that is not a
 * PNG, JPEG or WebP image is refused too.
 */
export async function readTile(
  db: ReadonlySql,
  info: TileSetInfo,
  zoom: number,
  column: number,
  row: number,
): Promise<Tile | null> {
  const level = info.levels.find((l) => l.zoom === zoom);
  if (!level || column < 0 || row < 0 || column >= level.matrixWidth || row >= level.matrixHeight)
    return null;
  const storedRow = info.kind === 'mbtiles' ? level.matrixHeight - 1 - row : row;
  const from = info.mapImages ? 'map JOIN images ON images.tile_id = map.tile_id' : quoted(info.table);
  const data = info.mapImages ? 'images.tile_data' : 'tile_data';
  const where = info.mapImages
    ? 'map.zoom_level = ? AND map.tile_column = ? AND map.tile_row = ?'
    : 'zoom_level = ? AND tile_column = ? AND tile_row = ?';
  const [found] = await db.all(
    `SELECT CASE WHEN length(${data}) <= ? THEN ${data} END AS data, length(${data}) AS n FROM ${from} WHERE ${where} LIMIT 1`,
    [MAX_TILE_BYTES, zoom, column, storedRow],
  );
  if (found === undefined) return null;
  const bytes = found['data'];
  if (!(bytes instanceof Uint8Array)) {
    if (num(found['n']) !== null && (num(found['n']) ?? 0) > MAX_TILE_BYTES)
      throw tooLarge('tileTooLarge', { zoom, column, row, maxMb: MAX_TILE_BYTES / 1024 / 1024 });
    throw corrupt('tileImageType', { type: typeof bytes });
  }
  const contentType = tileImageType(bytes);
  if (contentType === null) throw unsupported('tileImageType', { type: 'unknown' });
  return { bytes, contentType };
}
