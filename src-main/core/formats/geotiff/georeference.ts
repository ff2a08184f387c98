import { crsFromEpsg } from '../../crs/index.js';
import type { CrsInfo } from '../../model/index.js';
import type { Ifd, TagValue } from './ifd-reader.js';
import { corrupt, unsupported } from '../format-error.js';
import { readGeoKeyDirectory } from './geokey-directory.js';
import { GEOKEY, TAG, USER_DEFINED } from './tiff-tags.js';
import { crsFromGeoKeys } from './user-defined-crs.js';

/** Geotransform of a north-up grid. */
export interface GridTransform {
  /** Upper-left corner of the upper-left pixel, CRS units (x = easting/longitude). */
  readonly origin: readonly [number, number];
  /** Pixel width and height, CRS units, both > 0. */
  readonly pixelSize: readonly [number, number];
}

export interface Georeference {
  /** null when the file has no affine georeferencing (plain TIFF or GCPs only). */
  readonly transform: GridTransform | null;
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
 * Reads the affine grid (ModelPixelScale + ModelTiepoint, or a non-rotated ModelTransformation),
 * the CRS (EPSG code, else user-defined GeoKeys) and GDAL_NODATA. PixelIsPoint rasters are shifted
 * half a pixel as GDAL does, so the origin is always the outer corner.
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
    const [sx, sy] = transform.pixelSize;
    transform = { origin: [transform.origin[0] - sx / 2, transform.origin[1] + sy / 2], pixelSize: [sx, sy] };
  }
  return { transform, epsg, crs, nodata: nodataOf(ifd.tags.get(TAG.GdalNodata)) };
}

function gridTransform(tags: ReadonlyMap<number, TagValue>): GridTransform | null {
  const scale = numbers(tags, TAG.ModelPixelScale);
  const ties = numbers(tags, TAG.ModelTiepoint);
  const matrix = numbers(tags, TAG.ModelTransformation);
  if (scale !== null && ties !== null && ties.length >= 6) {
    const [sx = 0, sy = 0] = scale;
    const [i = 0, j = 0, , x = 0, y = 0] = ties;
    if (!(sx > 0) || !Number.isFinite(sx) || !Number.isFinite(sy) || sy === 0) throw corrupt('pixelScale');
    if (sy < 0) throw unsupported('notNorthUp');
    const origin: [number, number] = [x - i * sx, y + j * sy];
    if (!origin.every(Number.isFinite)) throw corrupt('tiepoint');
    return { origin, pixelSize: [sx, sy] };
  }
  if (matrix !== null) {
    if (matrix.length !== 16) throw corrupt('tagCount', { tag: 'ModelTransformation' });
    const [a = 0, b = 0, , d = 0, e = 0, f = 0, , h = 0] = matrix;
    if (b !== 0 || e !== 0) throw unsupported('rotatedGrid');
    if (!(a > 0) || !(f < 0) || ![a, f, d, h].every(Number.isFinite)) throw unsupported('notNorthUp');
    return { origin: [d, h], pixelSize: [a, -f] };
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
