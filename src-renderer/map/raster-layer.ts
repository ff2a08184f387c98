import WebGLTileLayer, { type Style } from 'ol/layer/WebGLTile.js';
import GeoTIFF from 'ol/source/GeoTIFF.js';
import type { MapLayerSpec } from './layer-spec.js';
import { rasterLoader } from './raster-source.js';

/** Hypsometric ramp for single-band data normalised to 0..1 (low = green, high = brown/white). */
const ELEVATION_RAMP = [
  0,
  [38, 115, 77],
  0.25,
  [140, 190, 100],
  0.5,
  [238, 220, 150],
  0.75,
  [176, 120, 72],
  1,
  [245, 245, 245],
];

function styleFor(spec: MapLayerSpec): Style | undefined {
  // RGB(A): OpenLayers' default style shows bands 1-3 and masks nodata / outside coverage itself.
  if (spec.bandCount >= 3) return undefined;
  // 8-bit single bands are mostly hillshades and scans: grey reads them best.
  if (spec.dataType === 'Byte') return { color: ['array', ['band', 1], ['band', 1], ['band', 1], 1] };
  return { color: ['interpolate', ['linear'], ['band', 1], ...ELEVATION_RAMP] };
}

/**
 * A Cloud-Optimized GeoTIFF layer read by HTTP Range (geotiff.js fetches only the tiles and
 * overview levels in view). The source CRS is the dataset's, registered beforehand; OpenLayers
 * 10.11 reprojects WebGL data tiles to the view (see docs/adr/0050).
 */
export function createRasterLayer(spec: MapLayerSpec): WebGLTileLayer {
  const { valueRange, nodata } = spec.display;
  const single = spec.bandCount < 3;
  const source = new GeoTIFF({
    sources: [
      {
        url: spec.url,
        // Bounded and retried Range requests (ADR 0126).
        loader: rasterLoader,
        ...(nodata !== null ? { nodata } : {}),
        ...(single && valueRange ? { min: valueRange[0], max: valueRange[1] } : {}),
        ...(spec.bandCount >= 3 ? { bands: [1, 2, 3] } : {}),
      },
    ],
    ...(spec.crs ? { projection: spec.crs.code } : {}),
    convertToRGB: 'auto',
    normalize: true,
    interpolate: single,
    transition: 0,
  });
  const style = styleFor(spec);
  return new WebGLTileLayer({
    source,
    ...(style ? { style } : {}),
    zIndex: spec.zIndex,
    visible: spec.visible,
  });
}
