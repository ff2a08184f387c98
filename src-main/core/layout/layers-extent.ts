import { boxOf, createTransform, edgePoints } from '../crs/index.js';
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
  return boxOf(
    extents.flatMap(({ crs: own, extent }) => edgePoints(extent, EDGE_SAMPLES, createTransform(own, crs))),
  );
}
