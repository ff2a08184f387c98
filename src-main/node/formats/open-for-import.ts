import { writeGeoJson } from '../../core/formats/geojson/index.js';
import type { LayerRead, OpenOptions } from '../../core/formats/format-module.js';
import type { DisplayCopy, ImportRead } from '../../core/ports/index.js';
import { openFile } from './open-file.js';

/**
 * What the map reads for a layer: a raster is shown from its own bytes (null here); a vector with
 * a CRS gets a fresh GeoJSON of its features; one without a CRS cannot be placed, so gets none.
 */
function displayOf(layer: LayerRead): DisplayCopy | null {
  if (layer.kind === 'raster' || layer.info.crs === null) return null;
  const text = writeGeoJson({ crs: layer.info.crs, features: layer.features });
  return { bytes: new TextEncoder().encode(text), contentType: 'application/geo+json' };
}

/** Opens a file and turns its layers into what the importer stores (see FormatReader.openForImport). */
export async function openForImport(file: string, options: OpenOptions = {}): Promise<ImportRead> {
  const opened = await openFile(file, options);
  return {
    format: opened.format,
    files: opened.files,
    layers: opened.layers.map((layer) => ({
      kind: layer.kind,
      layer: layer.layer,
      info: layer.info,
      notices: layer.notices,
      display: displayOf(layer),
    })),
  };
}

/** The display copies' buffers, to transfer rather than copy them across threads. */
export const displayBuffers = (read: ImportRead): ArrayBuffer[] =>
  read.layers.flatMap((l) => (l.display === null ? [] : [l.display.bytes.buffer as ArrayBuffer]));
