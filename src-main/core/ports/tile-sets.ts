import type { LocalBasemap } from '../basemaps/config.js';
import type { Tile, TileSetInfo } from '../basemaps/tile-set.js';

/**
 * Local basemap tile sets (MBTiles, GeoPackage tiles), opened read-only as untrusted SQLite files.
 * Failures are StrataErrors naming the file's base name and the problem.
 */
export interface TileSetReader {
  describe(basemap: LocalBasemap): Promise<TileSetInfo>;
  /** The stored tile (row counted from the top), or null outside the set or where it has none. */
  tile(basemap: LocalBasemap, zoom: number, column: number, row: number): Promise<Tile | null>;
}
