import type { Ifd, TagValue } from './ifd-reader.js';
import { corrupt } from '../format-error.js';
import { TAG } from './tiff-tags.js';

/**
 * The GeoKeys of one IFD: SHORT keys as numbers, DOUBLE keys as number lists (GeoDoubleParams),
 * ASCII keys as text (GeoAsciiParams, the trailing `|` removed).
 */
export interface GeoKeyDirectory {
  readonly shorts: ReadonlyMap<number, number>;
  readonly doubles: ReadonlyMap<number, readonly number[]>;
  readonly texts: ReadonlyMap<number, string>;
}

const numbers = (tags: ReadonlyMap<number, TagValue>, tag: number): readonly number[] | null => {
  const value = tags.get(tag);
  if (value === undefined) return null;
  if (typeof value === 'string') throw corrupt('tagText', { tag });
  return value;
};

/**
 * Parses the GeoKeyDirectory with the values it points into. A key whose count/offset falls
 * outside its parameter tag is dropped (as libgeotiff does), so one bad key never hides the rest.
 * Throws FormatError only when the directory itself is truncated.
 */
export function readGeoKeyDirectory(ifd: Ifd): GeoKeyDirectory {
  const shorts = new Map<number, number>();
  const doubles = new Map<number, readonly number[]>();
  const texts = new Map<number, string>();
  const dir = numbers(ifd.tags, TAG.GeoKeyDirectory);
  if (dir === null) return { shorts, doubles, texts };
  if (dir.length < 4) throw corrupt('geoKeysShort');
  const count = dir[3] ?? 0;
  if (dir.length < 4 + count * 4) throw corrupt('geoKeysCount');
  const doubleParams = numbers(ifd.tags, TAG.GeoDoubleParams) ?? [];
  const asciiTag = ifd.tags.get(TAG.GeoAsciiParams);
  const asciiParams = typeof asciiTag === 'string' ? asciiTag : '';
  for (let i = 0; i < count; i += 1) {
    const at = 4 + i * 4;
    const [id = 0, location = 0, n = 0, value = 0] = dir.slice(at, at + 4);
    if (location === 0) shorts.set(id, value);
    else if (location === TAG.GeoKeyDirectory && n >= 1 && value + n <= dir.length) {
      shorts.set(id, dir[value] ?? 0);
    } else if (location === TAG.GeoDoubleParams && n >= 1 && value + n <= doubleParams.length) {
      doubles.set(id, doubleParams.slice(value, value + n));
    } else if (location === TAG.GeoAsciiParams && value + n <= asciiParams.length + 1) {
      texts.set(
        id,
        asciiParams
          .slice(value, value + n)
          .replace(/\|$/, '')
          .trim(),
      );
    }
  }
  return { shorts, doubles, texts };
}
