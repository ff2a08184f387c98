import type { FileHead, FormatModule } from '../format-module.js';
import { placeByWorldFile } from '../worldfile/side-files.js';
import { metadataSidecars, sidecarTexts } from '../metadata-sidecars.js';
import { geotiffHiddenTexts } from './hidden.js';
import { readGeoTiffHeader } from './raster-info.js';

/** Classic TIFF (42) or BigTIFF (43) magic, little- or big-endian. */
export function isTiffHead({ head: h }: FileHead): boolean {
  if (h.length < 4) return false;
  const le = h[0] === 0x49 && h[1] === 0x49 && (h[2] === 42 || h[2] === 43) && h[3] === 0;
  const be = h[0] === 0x4d && h[1] === 0x4d && h[2] === 0 && (h[3] === 42 || h[3] === 43);
  return le || be;
}

/**
 * GeoTIFF and BigTIFF rasters: the header is read here, pixels by the raster adapters. A TIFF
 * without georeferencing of its own (a plain scan) is placed by a world file beside it when there
 * is one (ADR 0136); its own GeoKeys, if any, name the CRS when no `.prj` does. Without a world
 * file it is read as before (no extent). Its metadata sidecars (.aux.xml, .xml) join the stored
 * set; its hidden-content inventory reads them with its tags and unreferenced bytes (ADR 0162).
 */
export const geotiffFormat: FormatModule = {
  id: 'GeoTIFF',
  kind: 'raster',
  extensions: ['tif', 'tiff'],
  label: { 'zh-CN': 'GeoTIFF 栅格', en: 'GeoTIFF raster' },
  detect: (file) => (isTiffHead(file) ? 'content' : null),
  async open(input, options) {
    const { info } = await readGeoTiffHeader(input);
    const placed = info.extent === null ? await placeByWorldFile(input, info, options, info.crs) : null;
    await metadataSidecars(input);
    return [{ kind: 'raster', layer: null, info: placed ?? info, notices: [] }];
  },
  async hidden(input) {
    return [...(await geotiffHiddenTexts(input)), ...(await sidecarTexts(input))];
  },
};
