import { openFile } from '../../src-main/node/formats/index.js';
import type { OpenedFile } from '../../src-main/core/ports/index.js';
import type { VectorLayerRead } from '../../src-main/core/formats/format-module.js';

/** A single-layer vector file as one object: its format and files beside the layer's read. */
export type SingleVector = Omit<VectorLayerRead, 'kind' | 'layer'> & Pick<OpenedFile, 'format' | 'files'>;

/** The one vector layer of `opened`; fails the test when the file is not exactly one vector layer. */
export function singleVector(opened: OpenedFile): SingleVector {
  const [layer, ...rest] = opened.layers;
  if (layer?.kind !== 'vector' || rest.length > 0)
    throw new Error(`${opened.files[0] ?? '?'}: not one vector layer`);
  return {
    format: opened.format,
    files: opened.files,
    info: layer.info,
    features: layer.features,
    notices: layer.notices,
  };
}

/** Reads a single-layer vector file in process, through the format registry. */
export const readVectorFile = async (file: string): Promise<SingleVector> =>
  singleVector(await openFile(file));
