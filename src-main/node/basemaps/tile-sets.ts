import { stat } from 'node:fs/promises';
import type { LocalBasemap } from '../../core/basemaps/config.js';
import {
  readGpkgTilesInfo,
  readMbtilesInfo,
  readTile,
  type TileSetInfo,
} from '../../core/basemaps/tile-set.js';
import type { ReadonlySql, TileSetReader } from '../../core/ports/index.js';
import { formatFileError } from '../fs/format-errors.js';
import { openReadonlySqlite } from '../formats/readonly-sqlite.js';

/** Tile sets kept open at once: a workstation has a handful of basemaps, one shown at a time. */
const MAX_OPEN = 4;

interface OpenSet {
  readonly db: ReadonlySql;
  readonly info: TileSetInfo;
  /** Size and modification time when opened: a replaced file is opened anew. */
  readonly stamp: string;
}

export interface TileSets extends TileSetReader {
  close(): Promise<void>;
}

const keyOf = (b: LocalBasemap): string =>
  `${b.kind}\0${b.path}\0${b.kind === 'gpkg-tiles' ? (b.table ?? '') : ''}`;

/**
 * The tile sets of the configured local basemaps, each opened once (read-only, immutable, untrusted
 * schema off; ADR 0141) and checked, then kept open for its tiles; the least recently used closes
 * when more than MAX_OPEN are open. Every failure names the file's base name.
 */
export function createTileSets(): TileSets {
  const open = new Map<string, Promise<OpenSet>>();

  const evict = async (key: string): Promise<void> => {
    const entry = open.get(key);
    open.delete(key);
    await entry?.then((s) => s.db.close()).catch(() => undefined);
  };

  const load = async (b: LocalBasemap, stamp: string): Promise<OpenSet> => {
    const db = await openReadonlySqlite(b.path);
    try {
      const info = b.kind === 'mbtiles' ? await readMbtilesInfo(db) : await readGpkgTilesInfo(db, b.table);
      return { db, info, stamp };
    } catch (err) {
      await db.close();
      throw err;
    }
  };

  const get = async (b: LocalBasemap): Promise<OpenSet> => {
    const key = keyOf(b);
    try {
      const stats = await stat(b.path);
      if (!stats.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      const stamp = `${String(stats.size)}:${String(stats.mtimeMs)}`;
      const cached = open.get(key);
      if (cached) {
        const set = await cached.catch(() => null);
        if (set?.stamp === stamp) {
          // Most recently used last.
          open.delete(key);
          open.set(key, cached);
          return set;
        }
        await evict(key);
      }
      const loading = load(b, stamp);
      open.set(key, loading);
      loading.catch(() => {
        if (open.get(key) === loading) open.delete(key);
      });
      while (open.size > MAX_OPEN) {
        const oldest = open.keys().next().value;
        if (oldest === undefined) break;
        await evict(oldest);
      }
      return await loading;
    } catch (err) {
      throw formatFileError(err, b.path);
    }
  };

  return {
    async describe(b) {
      return (await get(b)).info;
    },
    async tile(b, zoom, column, row) {
      const set = await get(b);
      try {
        return await readTile(set.db, set.info, zoom, column, row);
      } catch (err) {
        throw formatFileError(err, b.path);
      }
    },
    async close() {
      await Promise.all([...open.keys()].map(evict));
    },
  };
}
