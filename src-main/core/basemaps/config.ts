import { httpOrigin, type UrlProblem } from './http-url.js';

/**
 * Basemaps are the archive's own (ADR 0106): a local tile set, or an intranet tile service the
 * administrator configured. None is bundled and nothing is fetched unless configured here.
 */
export const BASEMAP_KINDS = ['mbtiles', 'gpkg-tiles', 'xyz', 'wmts'] as const;
export type BasemapKind = (typeof BASEMAP_KINDS)[number];

/** CRSs a tile service's grid may be in: Web Mercator, or a geographic grid on CGCS2000 / WGS 84. */
export const SERVICE_GRID_CRSS = ['EPSG:3857', 'EPSG:4490', 'EPSG:4326'] as const;
export type ServiceGridCrs = (typeof SERVICE_GRID_CRSS)[number];

/**
 * The tile grid of a service: the well-known quadtree of its CRS (Web Mercator: one 256 px tile at
 * zoom 0; geographic: two tiles of 0.703125°/px at zoom 0, origin 180°W 90°N, as the national map
 * services publish), the zoom levels offered, and the first WMTS TileMatrix identifier's number
 * (天地图 names the matrix of geographic zoom 0 "1").
 */
export interface ServiceGrid {
  readonly crs: ServiceGridCrs;
  readonly minZoom: number;
  readonly maxZoom: number;
  readonly matrixIdOffset: number;
}

interface BasemapCommon {
  /** Stable id: lower-case letters, digits, `-` and `_`. */
  readonly id: string;
  readonly name: string;
  /** Shown on the map while the basemap is on: source and 审图号 (map approval number). */
  readonly attribution: string;
}

export interface MbtilesBasemap extends BasemapCommon {
  readonly kind: 'mbtiles';
  /** Absolute path of the tile set on this workstation. */
  readonly path: string;
}

export interface GpkgTilesBasemap extends BasemapCommon {
  readonly kind: 'gpkg-tiles';
  readonly path: string;
  /** The tile table of a GeoPackage (default: its first tile table). */
  readonly table?: string | undefined;
}

export type LocalBasemap = MbtilesBasemap | GpkgTilesBasemap;

export interface XyzBasemap extends BasemapCommon {
  readonly kind: 'xyz';
  /** `http(s)://host/…{z}…{x}…{y}…` (`{-y}` for TMS rows). */
  readonly url: string;
  readonly grid: ServiceGrid;
}

export interface WmtsBasemap extends BasemapCommon {
  readonly kind: 'wmts';
  /** The KVP endpoint (`…/wmts`), or a RESTful template with {TileMatrix}, {TileRow}, {TileCol}. */
  readonly url: string;
  readonly requestEncoding: 'KVP' | 'REST';
  readonly layer: string;
  readonly matrixSet: string;
  readonly style: string;
  readonly format: 'image/png' | 'image/jpeg' | 'image/webp';
  readonly grid: ServiceGrid;
}

export type Basemap = LocalBasemap | XyzBasemap | WmtsBasemap;
export type ServiceBasemap = XyzBasemap | WmtsBasemap;

export const isServiceBasemap = (b: Basemap): b is ServiceBasemap => b.kind === 'xyz' || b.kind === 'wmts';

/** Why a basemap list cannot be saved, as the `detail.*` message key and its params. */
export type BasemapProblem =
  | UrlProblem
  | 'basemapDuplicateId'
  | 'basemapXyzPlaceholders'
  | 'basemapWmtsPlaceholders'
  | 'basemapZoomRange'
  | 'basemapPathNotAbsolute';

export interface BasemapProblemRef {
  readonly problem: BasemapProblem;
  readonly id: string;
}

/** Highest zoom level any grid may name: beyond it a level is a mistake or an attack. */
export const MAX_ZOOM = 30;

const XYZ_PLACEHOLDERS = [/\{z\}/, /\{x\}/, /\{-?y\}/] as const;
const WMTS_PLACEHOLDERS = [/\{TileMatrix\}/, /\{TileRow\}/, /\{TileCol\}/] as const;

/** Absolute on POSIX (`/…`) or Windows (`C:\…`, `\\server\share`); the host resolves nothing relative. */
const isAbsolutePath = (p: string): boolean => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p);

function checkOne(b: Basemap): BasemapProblem | null {
  if (b.kind === 'mbtiles' || b.kind === 'gpkg-tiles')
    return isAbsolutePath(b.path) ? null : 'basemapPathNotAbsolute';
  const origin = httpOrigin(b.url);
  if (typeof origin !== 'string') return origin.problem;
  if (b.grid.minZoom > b.grid.maxZoom || b.grid.maxZoom > MAX_ZOOM) return 'basemapZoomRange';
  if (b.kind === 'xyz') return XYZ_PLACEHOLDERS.every((p) => p.test(b.url)) ? null : 'basemapXyzPlaceholders';
  if (b.requestEncoding === 'REST' && !WMTS_PLACEHOLDERS.every((p) => p.test(b.url)))
    return 'basemapWmtsPlaceholders';
  return null;
}

/** The first thing wrong with a basemap list (ids unique, URLs http(s) without credentials …), or null. */
export function checkBasemaps(list: readonly Basemap[]): BasemapProblemRef | null {
  const seen = new Set<string>();
  for (const b of list) {
    if (seen.has(b.id)) return { problem: 'basemapDuplicateId', id: b.id };
    seen.add(b.id);
    const problem = checkOne(b);
    if (problem) return { problem, id: b.id };
  }
  return null;
}

/**
 * The origins (`http://host:port`) of the configured services, sorted and without duplicates: the
 * only places the UI may ever load anything from besides the app itself.
 */
export function serviceOrigins(list: readonly Basemap[]): string[] {
  const origins = list.flatMap((b) => {
    if (!isServiceBasemap(b)) return [];
    const origin = httpOrigin(b.url);
    return typeof origin === 'string' ? [origin] : [];
  });
  return [...new Set(origins)].sort();
}
