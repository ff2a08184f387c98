import { crsFromCode } from '../../crs/index.js';
import type { CrsInfo, RasterInfo } from '../../model/index.js';
import type { FormatInput } from '../../ports/format-input.js';
import { unsupported } from '../format-error.js';
import type { OpenOptions } from '../format-module.js';
import { scanRasterInfo, type ScanPixels } from './scan.js';
import { WORLD_FILE_MAX_BYTES, worldFileNames } from './world-file.js';

/** Longest `.prj` read (an ESRI WKT is well under 4 KiB; a shapefile's sidecar budget). */
const PRJ_MAX_BYTES = 64 * 1024;

/** The world-file extensions of `name`, in GDAL's order (`tfw`, `tifw`, `wld` for `a.tif`). */
export const worldFileExtensions = (name: string): string[] =>
  worldFileNames(name).map((n) => n.slice(n.lastIndexOf('.') + 1).toLowerCase());

/** True when `files` (base names, the main file first) hold a world file of the main one. */
export function hasWorldFile(files: readonly string[]): boolean {
  const [main, ...rest] = files;
  if (main === undefined) return false;
  const exts = worldFileExtensions(main);
  return rest.some((f) => exts.includes(f.slice(f.lastIndexOf('.') + 1).toLowerCase()));
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * Places an image that has no georeferencing of its own by its side files (ADR 0133, 0136): the
 * first world file GDAL would take (found through `sibling`, so it joins the stored set), the CRS
 * from the `.prj` beside it, else from `fallback` (a TIFF's own GeoKeys), else from
 * `options.crs` (`--crs`); none of them leaves the CRS null for the user to assign. Null when the
 * image has no world file. Throws FormatError for a bad world file or an unknown `--crs` code.
 */
export async function placeByWorldFile(
  input: FormatInput,
  pixels: ScanPixels,
  options: OpenOptions,
  fallback: CrsInfo | null = null,
): Promise<RasterInfo | null> {
  let world: FormatInput | null = null;
  for (const ext of worldFileExtensions(input.name)) {
    world = await input.sibling(ext);
    if (world !== null) break;
  }
  if (world === null) return null;
  const worldText = decoder.decode(
    await world.readAll(WORLD_FILE_MAX_BYTES, `.${world.name.split('.').pop() ?? ''}`),
  );
  const prj = await input.sibling('prj');
  const prjText = prj === null ? null : decoder.decode(await prj.readAll(PRJ_MAX_BYTES, '.prj'));
  const info = scanRasterInfo(pixels, worldText, prjText);
  if (info.crs !== null) return info;
  return { ...info, crs: fallback ?? chosenCrs(options) };
}

function chosenCrs(options: OpenOptions): CrsInfo | null {
  if (options.crs === undefined) return null;
  const crs = crsFromCode(options.crs);
  if (crs === null) throw unsupported('scanCrsCode', { crs: options.crs });
  return crs;
}
