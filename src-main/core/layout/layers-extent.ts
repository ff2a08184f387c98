import { createTransform } from '../crs/index.js';
import { extentOf } from '../formats/vector-summary.js';
import type { CrsInfo, Extent } from '../model/index.js';
import type { ProductLayer } from './product.js';

/** Points along each edge of a layer's extent taken into the frame's CRS (edges curve under projection). */
const EDGE_SAMPLES = 16;

/** The layers' joint extent in `crs` (x = easting/longitude first); null when none has a feature. */
export function layersExtent(layers: readonly ProductLayer[], crs: CrsInfo): Extent | null {
  const extents = layers.flatMap((layer) => {
    const own = extentOf(layer.features);
    return own === null ? [] : [{ crs: layer.crs, extent: own }];
  });
  return extentsIn(extents, crs);
}

/** Extents, each in its own CRS, joined in `crs` from points along their edges; null when none is finite there. */
export function extentsIn(
  extents: readonly { readonly crs: CrsInfo; readonly extent: Extent }[],
  crs: CrsInfo,
): Extent | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const { crs: own, extent } of extents) {
    const transform = createTransform(own, crs);
    const [x0, y0, x1, y1] = extent;
    for (let i = 0; i <= EDGE_SAMPLES; i += 1) {
      const t = i / EDGE_SAMPLES;
      for (const p of [
        [x0 + t * (x1 - x0), y0],
        [x0 + t * (x1 - x0), y1],
        [x0, y0 + t * (y1 - y0)],
        [x1, y0 + t * (y1 - y0)],
      ] as const) {
        const [x, y] = transform(p);
        if (Number.isFinite(x) && Number.isFinite(y)) {
          xs.push(x);
          ys.push(y);
        }
      }
    }
  }
  if (xs.length === 0) return null;
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
