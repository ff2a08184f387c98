import type { OpenOptions } from '../../core/formats/format-module.js';
import type { SubjectText } from '../../core/model/index.js';
import { formatFileError } from '../fs/format-errors.js';
import { openFileInputs, type FileInputs } from './file-input.js';
import { moduleOf } from './open-file.js';

/**
 * The hidden-content inventory of a file and the set beside it (FormatReader.hidden, ADR 0162):
 * its format module's `hidden`, empty for a format without one. Throws StrataError naming the
 * file, as `openFile` does.
 */
export async function openHidden(file: string, options: OpenOptions = {}): Promise<SubjectText[]> {
  const module = await moduleOf(file);
  if (module.hidden === undefined) return [];
  let inputs: FileInputs | null = null;
  try {
    inputs = await openFileInputs(file);
    return [...(await module.hidden(inputs.input, options))];
  } catch (err) {
    throw formatFileError(err, file);
  } finally {
    await inputs?.close();
  }
}
