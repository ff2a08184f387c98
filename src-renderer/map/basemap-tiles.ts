import TileLayer from 'ol/layer/Tile.js';
import type { ProjectionLike } from 'ol/proj.js';
import WMTS from 'ol/source/WMTS.js';
import XYZ from 'ol/source/XYZ.js';
import TileGrid from 'ol/tilegrid/TileGrid.js';
import WMTSTileGrid from 'ol/tilegrid/WMTS.js';
import type { BasemapView, ServiceBasemap, ServiceGrid } from '../../src-main/api/types.js';
import { ensureProjection } from './projections.js';

/** Under every layer, the bundled outlines included (ADR 0106). */
export const BASEMAP_Z_INDEX = -2000;

const MERCATOR_HALF = 20037508.342789244;
/** Zoom 0 of the national geographic grid (天地图 *_c): 2 × 1 tiles of 256 px over the globe. */
const GEOGRAPHIC_ZOOM0 = 0.703125;

interface Grid {
  readonly origin: [number, number];
  readonly extent: [number, number, number, number];
  readonly resolutions: number[];
}

function serviceGrid(grid: ServiceGrid): Grid {
  const mercator = grid.crs === 'EPSG:3857';
  const zoom0 = mercator ? (2 * MERCATOR_HALF) / 256 : GEOGRAPHIC_ZOOM0;
  return {
    origin: mercator ? [-MERCATOR_HALF, MERCATOR_HALF] : [-180, 90],
    extent: mercator ? [-MERCATOR_HALF, -MERCATOR_HALF, MERCATOR_HALF, MERCATOR_HALF] : [-180, -90, 180, 90],
    resolutions: Array.from({ length: grid.maxZoom + 1 }, (_, z) => zoom0 / 2 ** z),
  };
}

function serviceSource(b: ServiceBasemap): XYZ | WMTS {
  const grid = serviceGrid(b.grid);
  // No crossOrigin: an intranet tile server need not send CORS headers to be drawn (and nothing
  // reads the basemap's pixels back).
  if (b.kind === 'xyz')
    return new XYZ({
      url: b.url,
      projection: b.grid.crs,
      tileGrid: new TileGrid({ ...grid, minZoom: b.grid.minZoom, tileSize: 256 }),
    });
  return new WMTS({
    url: b.url,
    layer: b.layer,
    matrixSet: b.matrixSet,
    style: b.style,
    format: b.format,
    requestEncoding: b.requestEncoding,
    projection: b.grid.crs,
    tileGrid: new WMTSTileGrid({
      ...grid,
      minZoom: b.grid.minZoom,
      matrixIds: grid.resolutions.map((_, z) => String(z + b.grid.matrixIdOffset)),
      tileSize: 256,
    }),
  });
}

/** A local tile set's own grid: its levels in order, each tile asked for by the set's zoom number. */
function localSource(
  id: string,
  tiles: NonNullable<BasemapView['tiles']>,
  fileUrl: (logicalPath: string) => string,
): XYZ | null {
  const { tileSet } = tiles;
  const projection: ProjectionLike = tileSet.crs.code ?? `STRATA:basemap-${id}`;
  if (!ensureProjection({ code: projection, proj4: tileSet.crs.proj4 })) return null;
  const levels = tileSet.levels;
  return new XYZ({
    projection,
    tileGrid: new TileGrid({
      origin: [...tileSet.origin],
      extent: [...tileSet.extent],
      resolutions: levels.map((l) => l.resolution),
      tileSize: [tileSet.tileWidth, tileSet.tileHeight],
    }),
    tileUrlFunction: ([z = -1, x = 0, y = 0]) => {
      const level = levels[z];
      return level ? fileUrl(`${tiles.path}/${String(level.zoom)}/${String(x)}/${String(y)}`) : undefined;
    },
  });
}

/**
 * The tile layer of a configured basemap, reprojected by OpenLayers into the view's CRS, or null
 * when it cannot be drawn (a local set that could not be read, an unusable CRS). `onTileError`
 * gets the URL of the first tile that failed to load.
 */
export function createBasemapTileLayer(
  view: BasemapView,
  fileUrl: (logicalPath: string) => string,
  onTileError: (url: string) => void,
): TileLayer | null {
  const source =
    view.basemap.kind === 'xyz' || view.basemap.kind === 'wmts'
      ? serviceSource(view.basemap)
      : view.tiles
        ? localSource(view.basemap.id, view.tiles, fileUrl)
        : null;
  if (!source) return null;
  let reported = false;
  source.on('tileloaderror', (event) => {
    if (reported) return;
    reported = true;
    const projection = source.getProjection();
    const url = projection ? source.getTileUrlFunction()(event.tile.tileCoord, 1, projection) : undefined;
    onTileError(url ?? '');
  });
  // Its own canvas: a service's tiles taint what they are drawn on; the data layers stay readable.
  return new TileLayer({ source, zIndex: BASEMAP_Z_INDEX, className: 'basemap-layer', preload: 1 });
}
