import { FLATGEOBUF_CONTENT_TYPE } from '../../api/display-copy.js';
import { writeFlatGeobuf } from '../../core/formats/flatgeobuf/index.js';
import type { LayerRead, OpenOptions } from '../../core/formats/format-module.js';
import { importCrsDecision } from '../../core/crs/index.js';
import type { CrsInfo } from '../../core/model/index.js';
import type { DisplayCopy, ImportLayer, ImportLayerNotice, ImportRead } from '../../core/ports/index.js';
import { openFile } from './open-file.js';

/**
 * What the map reads for a layer: a raster is shown from its own bytes (null here); a vector with
 * a CRS gets an indexed FlatGeobuf of its features (ADR 0150); one without a CRS cannot be placed,
 * so gets none.
 */
function displayOf(layer: LayerRead, crs: CrsInfo | null): DisplayCopy | null {
  if (layer.kind === 'raster' || crs === null) return null;
  const bytes = writeFlatGeobuf({
    name: layer.layer ?? 'display',
    crs,
    fields: layer.info.fields,
    features: layer.features,
  });
  return { bytes, contentType: FLATGEOBUF_CONTENT_TYPE };
}

/**
 * Opens a file and turns its layers into what the importer stores (see FormatReader.openForImport),
 * with the CRS import records for each (ADR 0102: zone-prefixed eastings; a missing CRS is said).
 */
export async function openForImport(file: string, options: OpenOptions = {}): Promise<ImportRead> {
  const opened = await openFile(file, options);
  return {
    format: opened.format,
    files: opened.files,
    layers: opened.layers.map((layer): ImportLayer => {
      const decision = importCrsDecision(layer.info.crs, layer.info.extent);
      const notices: ImportLayerNotice[] = layer.notices.map((code) => ({ code, params: {} }));
      if (decision.notice !== null) notices.push(decision.notice);
      return {
        kind: layer.kind,
        layer: layer.layer,
        info: { ...layer.info, crs: decision.crs },
        notices,
        display: displayOf(layer, decision.crs),
      };
    }),
  };
}

/** The display copies' buffers, to transfer rather than copy them across threads. */
export const displayBuffers = (read: ImportRead): ArrayBuffer[] =>
  read.layers.flatMap((l) => (l.display === null ? [] : [l.display.bytes.buffer as ArrayBuffer]));
