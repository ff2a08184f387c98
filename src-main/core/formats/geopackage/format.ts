import type { FileHead, FormatModule, LayerRead } from '../format-module.js';
import { unsupported } from '../format-error.js';
import { readContents, readLayer } from './read.js';
import { readTileRaster } from './tile-raster.js';
import { gpkgMetadataTexts, sqliteFreeSpaceTexts } from './hidden.js';
import { isSqlite } from './sqlite-header.js';

/** application_id values at header offset 68: 'GPKG' (1.2+) and 'GP10'/'GP11' (1.0/1.1). */
const APPLICATION_IDS = new Set(['GPKG', 'GP10', 'GP11']);

const ascii = (h: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...h.subarray(from, Math.min(to, h.length)));

/**
 * OGC GeoPackage: every vector table (gpkg_contents 'features', and 'attributes' tables as layers
 * without geometry, as GDAL lists them) is one layer named by its table, and every tile table
 * ('tiles') one raster layer as GDAL exposes it (ADR 0181), after the vectors. Gridded coverages
 * ('2d-gridded-coverage', 16-bit or float tiles) are not read: left out with a notice, and a file
 * holding nothing else is refused. A file named .gpkg that is no SQLite database is still claimed,
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
      const { coverages } = contents;
      if (contents.vectors.length === 0 && contents.tiles.length === 0 && coverages.length > 0)
        throw unsupported('gpkgCoveragesOnly', { count: coverages.length });
      // The coverages left out are told once, with the file's first layer.
      const notices = (): readonly 'geopackage.coveragesSkipped'[] =>
        layers.length === 0 && coverages.length > 0 ? ['geopackage.coveragesSkipped'] : [];
      const layers: LayerRead[] = [];
      for (const entry of contents.vectors) {
        const read = await readLayer(db, entry);
        layers.push({ kind: 'vector', layer: entry.table, ...read, notices: notices() });
      }
      for (const entry of contents.tiles) {
        const { info } = await readTileRaster(db, entry, contents.isTable);
        layers.push({ kind: 'raster', layer: entry.table, info, notices: notices() });
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
