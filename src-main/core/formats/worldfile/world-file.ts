import type { GeoTransform } from '../../model/index.js';
import { corrupt } from '../format-error.js';

/**
 * Names a world file of `image` (a base name) may have, in the order GDAL looks for them: the
 * extension's first and last letters + `w` (`.tfw`, `.jgw`, `.pgw`), the extension + `w`
 * (`.tifw`, `.jpgw`, `.pngw`), then `.wld`. The caller matches them case-insensitively against
 * the files beside the image.
 */
export function worldFileNames(image: string): string[] {
  const dot = image.lastIndexOf('.');
  if (dot <= 0 || dot === image.length - 1) return [`${image}.wld`];
  const stem = image.slice(0, dot);
  const ext = image.slice(dot + 1);
  const short = `${ext.slice(0, 1)}${ext.slice(-1)}w`;
  return [...new Set([`${stem}.${short}`, `${stem}.${ext}w`, `${stem}.wld`])];
}

/** Longest world file read: six numbers with generous whitespace and comments cannot be more. */
export const WORLD_FILE_MAX_BYTES = 4096;

/**
 * Parses a world file's six lines (A, D, B, E, C, F: x step per column, y step per column, x step
 * per row, y step per row, and the centre of the first pixel) into a GDAL geotransform, whose
 * origin is the first pixel's outer corner: C − A/2 − B/2, F − D/2 − E/2. Throws FormatError
 * (`worldFileLines`, `worldFileSingular`).
 */
export function parseWorldFile(text: string): GeoTransform {
  if (text.length > WORLD_FILE_MAX_BYTES) throw corrupt('worldFileLines');
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  // Exactly six numbers (GDAL ignores anything after the sixth line; so do we).
  const values = lines.slice(0, 6).map((l) => Number(l.replace(/,/g, '.')));
  if (values.length !== 6 || !values.every(Number.isFinite)) throw corrupt('worldFileLines');
  const [a = 0, d = 0, b = 0, e = 0, c = 0, f = 0] = values;
  if (a * e - b * d === 0) throw corrupt('worldFileSingular');
  return [c - a / 2 - b / 2, a, b, f - d / 2 - e / 2, d, e];
}
