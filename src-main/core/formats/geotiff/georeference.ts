import { crsFromEpsg } from '../../crs/index.js';
import type { CrsInfo, GeoTransform } from '../../model/index.js';
import type { Ifd, TagValue } from './ifd-reader.js';
import { corrupt } from '../format-error.js';
import { readGeoKeyDirectory } from './geokey-directory.js';
import { GEOKEY, TAG, USER_DEFINED } from './tiff-tags.js';
import { crsFromGeoKeys } from './user-defined-crs.js';

export interface Georeference {
  /** GDAL-order geotransform; null when the file has no affine georeferencing (plain TIFF or GCPs only). */
  readonly transform: GeoTransform | null;
  /** EPSG code from ProjectedCSType / GeographicType; null for none or user-defined. */
  readonly epsg: number | null;
  /** The registry CRS of `epsg`, else the CRS spelt out by user-defined GeoKeys (ADR 0014). */
  readonly crs: CrsInfo | null;
  readonly nodata: number | null;
}

const numbers = (tags: ReadonlyMap<number, TagValue>, tag: number): readonly number[] | null => {
  const value = tags.get(tag);
  if (value === undefined) return null;
  if (typeof value === 'string') throw corrupt('tagText', { tag });
  return value;
};

const isCode = (v: number | undefined): v is number => v !== undefined && v > 0 && v < USER_DEFINED;

/**
 * Reads the affine grid (ModelPixelScale + ModelTiepoint, or ModelTransformation: rotated and
 * south-up grids included), the CRS (EPSG code, else user-defined GeoKeys) and GDAL_NODATA.
 * PixelIsPoint rasters are shifted half a pixel as GDAL does, so the origin is always the outer
 * corner.
 */
export function georeference(ifd: Ifd): Georeference {
  const keys = readGeoKeyDirectory(ifd);
  const model = keys.shorts.get(GEOKEY.GTModelType);
  const projected = keys.shorts.get(GEOKEY.ProjectedCSType);
  const geographic = keys.shorts.get(GEOKEY.GeographicType);
  let epsg: number | null = null;
  if (model !== 2 && isCode(projected)) epsg = projected;
  else if (model !== 1 && projected !== USER_DEFINED && isCode(geographic)) epsg = geographic;
  const crs = (epsg === null ? null : crsFromEpsg(epsg)) ?? crsFromGeoKeys(keys);
  let transform = gridTransform(ifd.tags);
  if (transform !== null && keys.shorts.get(GEOKEY.GTRasterType) === 2) {
    const [x0, a, b, y0, d, e] = transform;
    transform = [x0 - (a + b) / 2, a, b, y0 - (d + e) / 2, d, e];
  }
  return { transform, epsg, crs, nodata: nodataOf(ifd.tags.get(TAG.GdalNodata)) };
}

function gridTransform(tags: ReadonlyMap<number, TagValue>): GeoTransform | null {
  const scale = numbers(tags, TAG.ModelPixelScale);
  const ties = numbers(tags, TAG.ModelTiepoint);
  const matrix = numbers(tags, TAG.ModelTransformation);
  if (scale !== null && ties !== null && ties.length >= 6) {
    const [sx = 0, rawSy = 0] = scale;
    if (!(sx > 0) || !Number.isFinite(sx) || !Number.isFinite(rawSy) || rawSy === 0)
      throw corrupt('pixelScale');
    // A negative ScaleY is taken as positive, as GDAL does by default (GTIFF_HONOUR_NEGATIVE_SCALEY
    // off): writers that set it almost always meant a north-up grid.
    const sy = Math.abs(rawSy);
    const [i = 0, j = 0, , x = 0, y = 0] = ties;
    const t: GeoTransform = [x - i * sx, sx, 0, y + j * sy, 0, -sy];
    if (!t.every(Number.isFinite)) throw corrupt('tiepoint');
    return t;
  }
  if (matrix !== null) {
    if (matrix.length !== 16) throw corrupt('tagCount', { tag: 'ModelTransformation' });
    // Row-major 4 x 4: x = a·col + b·row + d, y = e·col + f·row + h.
    const [a = 0, b = 0, , d = 0, e = 0, f = 0, , h = 0] = matrix;
    const t: GeoTransform = [d, a, b, h, e, f];
    if (!t.every(Number.isFinite) || a * f - b * e === 0) throw corrupt('geoTransformSingular');
    return t;
  }
  return null;
}

function nodataOf(value: TagValue | undefined): number | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^[-+]?nan$/i.test(text)) return Number.NaN;
  if (/^[-+]?inf(inity)?$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  const n = Number(text);
  return text !== '' && !Number.isNaN(n) ? n : null;
}
