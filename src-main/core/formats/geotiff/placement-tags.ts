import type { CrsInfo, GeoTransform } from '../../model/index.js';
import { FormatError } from '../format-error.js';
import type { TagValue } from './ifd-reader.js';
import { TAG } from './tiff-tags.js';
import { geoKeyTags } from './tiff-writer.js';

/**
 * GeoTIFF georeferencing tags for an image placed from outside its file (a scan's world file and
 * `.prj`, ADR 0136): ModelPixelScale + ModelTiepoint for a north-up grid, ModelTransformation
 * otherwise (rotation kept), and the GeoKeys of `crs` when there is one. A CRS the GeoKey writer
 * cannot express gets no keys: the map takes the dataset's CRS, not the copy's.
 */
export function placementTags(t: GeoTransform, crs: CrsInfo | null): Map<number, TagValue> {
  const tags = new Map<number, TagValue>();
  if (t[2] === 0 && t[4] === 0 && t[1] > 0 && t[5] < 0) {
    tags.set(TAG.ModelPixelScale, [t[1], -t[5], 0]);
    tags.set(TAG.ModelTiepoint, [0, 0, 0, t[0], t[3], 0]);
  } else {
    tags.set(TAG.ModelTransformation, [t[1], t[2], 0, t[0], t[4], t[5], 0, t[3], 0, 0, 0, 0, 0, 0, 0, 1]);
  }
  if (crs === null) return tags;
  try {
    for (const entry of geoKeyTags(crs)) tags.set(entry.tag, entry.values);
  } catch (err) {
    if (!(err instanceof FormatError)) throw err;
  }
  return tags;
}
