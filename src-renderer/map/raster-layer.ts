import WebGLTileLayer, { type Style } from 'ol/layer/WebGLTile.js';
import { getPointResolution } from 'ol/proj.js';
import GeoTIFF from 'ol/source/GeoTIFF.js';
import type { MapLayerSpec } from './layer-spec.js';
import { rasterLoader } from './raster-source.js';
import { bandStats } from './style/histogram.js';
import { defaultRasterStyle, type LayerStyle } from './style/model.js';
import { METRES_PER_UNIT, webGlRasterStyle } from './style/raster-expression.js';
import { sampleRaster, type RasterSample } from './style/raster-sample.js';
import type { Restylable } from './style/restylable.js';

/** Nothing is drawn until the raster's facts (bands, colour table, statistics) are known. */
const NOT_YET: Style = { color: ['array', 0, 0, 0, 0] };

/** When the sample cannot be read, the stretch falls back on the range the catalogue recorded. */
function fallbackFacts(spec: MapLayerSpec): RasterSample {
  const [lo, hi] = spec.display.valueRange ?? [0, 255];
  const stats = Array.from({ length: spec.bandCount }, () => bandStats([lo, hi], null));
  return {
    bandCount: spec.bandCount,
    dataType: spec.dataType,
    hasColourTable: false,
    nodata: spec.display.nodata,
    colourTable: null,
    alpha: null,
    stats,
    level: { width: 0, height: 0, overview: false },
    sampled: 0,
  };
}

/** A GeoTIFF layer drawn by the dataset's raster style from raw band values; restyled in place. */
class StyledRasterLayer extends WebGLTileLayer implements Restylable {
  private readonly tiff: GeoTIFF;
  private wanted: LayerStyle | null;
  private facts: RasterSample | null = null;
  private metresPerUnit = 1;
  styled = false;

  constructor(spec: MapLayerSpec, source: GeoTIFF) {
    super({ source, style: NOT_YET, zIndex: spec.zIndex, visible: spec.visible });
    this.tiff = source;
    this.wanted = spec.style;
    source.on('change', () => {
      // After the event: the layer itself reacts to its source turning ready (band count, renderer),
      // and a style set before it has done so draws nothing.
      queueMicrotask(() => {
        this.apply();
      });
    });
    void sampleRaster(spec.url)
      .catch(() => fallbackFacts(spec))
      .then((facts) => {
        this.facts = facts;
        this.apply();
      });
    // Slopes need ground metres per view unit, which change with latitude in Web Mercator.
    this.on('prerender', (event) => {
      const view = event.frameState?.viewState;
      if (!view) return;
      const m = getPointResolution(view.projection, 1, view.center, 'm');
      if (Number.isFinite(m) && m > 0 && Math.abs(m - this.metresPerUnit) > this.metresPerUnit * 0.01) {
        this.metresPerUnit = m;
        this.updateStyleVariables({ [METRES_PER_UNIT]: m });
      }
    });
  }

  restyle(style: LayerStyle | null): void {
    this.wanted = style;
    this.apply();
  }

  private apply(): void {
    const facts = this.facts;
    if (!facts || this.tiff.getState() !== 'ready') return;
    const raster = this.wanted?.kind === 'raster' ? this.wanted.raster : defaultRasterStyle(facts);
    const built = webGlRasterStyle(raster, facts, this.tiff.nodataBandIndex ?? null);
    this.setStyle({
      color: built.color as Style['color'],
      variables: { ...built.variables, [METRES_PER_UNIT]: this.metresPerUnit },
    });
    this.styled = true;
  }
}

/**
 * A Cloud-Optimized GeoTIFF layer read by HTTP Range (geotiff.js fetches only the tiles and
 * overview levels in view). The source CRS is the dataset's, registered beforehand; OpenLayers
 * 10.11 reprojects WebGL data tiles to the view (see docs/adr/0050). Band values arrive raw (not
 * normalised to bytes) so stretches, hillshade and colour tables work on the data (ADR 0120).
 */
export function createRasterLayer(spec: MapLayerSpec): WebGLTileLayer & Restylable {
  const { nodata } = spec.display;
  const source = new GeoTIFF({
    sources: [
      {
        url: spec.url,
        // Bounded and retried Range requests (ADR 0126).
        loader: rasterLoader,
        ...(nodata !== null ? { nodata } : {}),
      },
    ],
    ...(spec.crs ? { projection: spec.crs.code } : {}),
    convertToRGB: 'auto',
    normalize: false,
    // Nearest neighbour, as GIS viewers show pixels; it also keeps palette indices whole.
    interpolate: false,
    transition: 0,
  });
  return new StyledRasterLayer(spec, source);
}
