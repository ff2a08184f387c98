import type { FileHead, FormatModule, LayerRead } from '../format-module.js';
import { unsupported } from '../format-error.js';
import { readContents, readLayer } from './read.js';
import { gpkgMetadataTexts, sqliteFreeSpaceTexts } from './hidden.js';
import { isSqlite } from './sqlite-header.js';

/** application_id values at header offset 68: 'GPKG' (1.2+) and 'GP10'/'GP11' (1.0/1.1). */
const APPLICATION_IDS = new Set(['GPKG', 'GP10', 'GP11']);

const ascii = (h: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...h.subarray(from, Math.min(to, h.length)));

/**
 * OGC GeoPackage: every vector table (gpkg_contents 'features', and 'attributes' tables as layers
 * without geometry, as GDAL lists them) is one layer named by its table. Tile tables are not read:
 * the raster side has no tile reader yet (ADR 0141), so they are left out with a notice, and a file
 * that holds only tiles is refused. A file named .gpkg that is no SQLite database is still claimed,
 * so that it is refused as a broken GeoPackage rather than as an unknown format.
 */
export const geopackageFormat: FormatModule = {
  id: 'GeoPackage',
  kind: 'mixed',
  extensions: ['gpkg'],
  label: { 'zh-CN': 'GeoPackage 数据库', en: 'GeoPackage database' },
  detect({ name, head }: FileHead) {
    if (isSqlite(head) && APPLICATION_IDS.has(ascii(head, 68, 72))) return 'content';
    return /\.gpkg$/i.test(name) ? 'name' : null;
  },
  async open(input) {
    const db = await input.openSqlite();
    try {
      const contents = await readContents(db);
      if (contents.vectors.length === 0 && contents.tiles.length > 0)
        throw unsupported('gpkgTilesOnly', { count: contents.tiles.length });
      const layers: LayerRead[] = [];
      for (const entry of contents.vectors) {
        const read = await readLayer(db, entry);
        // The tiles left out are told once, with the file's first layer.
        const notices =
          layers.length === 0 && contents.tiles.length > 0 ? (['geopackage.tilesSkipped'] as const) : [];
        layers.push({ kind: 'vector', layer: entry.table, ...read, notices });
      }
      return layers;
    } finally {
      await db.close();
    }
  },
  /** gpkg_metadata's documents, then the text left in the file's free pages and freeblocks. */
  async hidden(input) {
    const db = await input.openSqlite();
    let metadata;
    try {
      metadata = await gpkgMetadataTexts(db);
    } finally {
      await db.close();
    }
    return [...metadata, ...(await sqliteFreeSpaceTexts(input))];
  },
};
