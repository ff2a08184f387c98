import type { Ifd, TagValue } from './ifd-reader.js';
import { corrupt, unsupported } from '../format-error.js';
import { GEOKEY, TAG } from './tiff-tags.js';

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
  readonly nodata: number | null;
}

const numbers = (tags: ReadonlyMap<number, TagValue>, tag: number): readonly number[] | null => {
  const value = tags.get(tag);
  if (value === undefined) return null;
  if (typeof value === 'string') throw corrupt(`tag ${String(tag)} has a text value`);
  return value;
};

/** Parses the GeoKeyDirectory into key -> SHORT value (only keys stored in the directory itself). */
export function geoKeys(ifd: Ifd): ReadonlyMap<number, number> {
  const dir = numbers(ifd.tags, TAG.GeoKeyDirectory);
  const keys = new Map<number, number>();
  if (dir === null) return keys;
  if (dir.length < 4) throw corrupt('GeoKeyDirectory too short');
  const count = dir[3] ?? 0;
  if (dir.length < 4 + count * 4) throw corrupt('GeoKeyDirectory shorter than its key count');
  for (let i = 0; i < count; i += 1) {
    const at = 4 + i * 4;
    const location = dir[at + 1];
    const value = dir[at + 3];
    if (location === 0 && value !== undefined) keys.set(dir[at] ?? 0, value);
  }
  return keys;
}

/** GeoTIFF "user-defined" marker and the EPSG range a code can fall in. */
const USER_DEFINED = 32767;
const isCode = (v: number | undefined): v is number => v !== undefined && v > 0 && v < USER_DEFINED;

/**
 * Reads the affine grid (ModelPixelScale + ModelTiepoint, or a non-rotated ModelTransformation),
 * the EPSG code and GDAL_NODATA. PixelIsPoint rasters are shifted half a pixel as GDAL does, so
 * the origin is always the outer corner.
 */
export function georeference(ifd: Ifd): Georeference {
  const keys = geoKeys(ifd);
  const model = keys.get(GEOKEY.GTModelType);
  const projected = keys.get(GEOKEY.ProjectedCSType);
  const geographic = keys.get(GEOKEY.GeographicType);
  let epsg: number | null = null;
  if (model !== 2 && isCode(projected)) epsg = projected;
  else if (model !== 1 && isCode(geographic)) epsg = geographic;
  let transform = gridTransform(ifd.tags);
  if (transform !== null && keys.get(GEOKEY.GTRasterType) === 2) {
    const [sx, sy] = transform.pixelSize;
    transform = { origin: [transform.origin[0] - sx / 2, transform.origin[1] + sy / 2], pixelSize: [sx, sy] };
  }
  return { transform, epsg, nodata: nodataOf(ifd.tags.get(TAG.GdalNodata)) };
}

function gridTransform(tags: ReadonlyMap<number, TagValue>): GridTransform | null {
  const scale = numbers(tags, TAG.ModelPixelScale);
  const ties = numbers(tags, TAG.ModelTiepoint);
  const matrix = numbers(tags, TAG.ModelTransformation);
  if (scale !== null && ties !== null && ties.length >= 6) {
    const [sx = 0, sy = 0] = scale;
    const [i = 0, j = 0, , x = 0, y = 0] = ties;
    if (!(sx > 0) || !Number.isFinite(sx) || !Number.isFinite(sy) || sy === 0)
      throw corrupt('bad ModelPixelScale');
    if (sy < 0) throw unsupported('grid is not north-up');
    const origin: [number, number] = [x - i * sx, y + j * sy];
    if (!origin.every(Number.isFinite)) throw corrupt('bad ModelTiepoint');
    return { origin, pixelSize: [sx, sy] };
  }
  if (matrix !== null) {
    if (matrix.length !== 16) throw corrupt('incorrect count for ModelTransformation');
    const [a = 0, b = 0, , d = 0, e = 0, f = 0, , h = 0] = matrix;
    if (b !== 0 || e !== 0) throw unsupported('rotated grid');
    if (!(a > 0) || !(f < 0) || ![a, f, d, h].every(Number.isFinite))
      throw unsupported('grid is not north-up');
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
