import path from 'node:path';
import { StrataError } from '../../api/errors.js';
import type { FormatModule, OpenOptions } from '../../core/formats/format-module.js';
import { detectModule, formatNames } from '../../core/formats/registry.js';
import type { OpenedFile } from '../../core/ports/index.js';
import { formatFileError } from '../fs/format-errors.js';
import { readHead } from '../fs/read-head.js';
import { openFileInputs, type FileInputs } from './file-input.js';

/**
 * The format module a file's head names. Throws StrataError: FILE_NOT_FOUND, UNSUPPORTED_FORMAT
 * (no module claims it).
 */
export async function moduleOf(file: string): Promise<FormatModule> {
  const name = path.basename(file);
  let head: Uint8Array;
  try {
    head = await readHead(file);
  } catch {
    throw new StrataError('FILE_NOT_FOUND', { file: name });
  }
  const module = detectModule({ name, head });
  if (module === null)
    throw new StrataError('UNSUPPORTED_FORMAT', {
      file: name,
      problem: 'problem.unknownFormat',
      formats: formatNames(),
    });
  return module;
}

/**
 * Opens a file with the format module its head names and reads its layers. Throws StrataError:
 * FILE_NOT_FOUND, UNSUPPORTED_FORMAT (no module claims it), TOO_LARGE (budgets, checked before
 * reading), CORRUPT_FILE (naming the file and the problem).
 */
export async function openFile(file: string, options: OpenOptions = {}): Promise<OpenedFile> {
  const name = path.basename(file);
  const module = await moduleOf(file);
  let inputs: FileInputs | null = null;
  try {
    inputs = await openFileInputs(file);
    const layers = await module.open(inputs.input, options);
    if (layers.length === 0)
      throw new StrataError('CORRUPT_FILE', { file: name, problem: 'problem.noLayers' });
    return { format: module.id, files: [...inputs.files()], layers: [...layers] };
  } catch (err) {
    throw formatFileError(err, file);
  } finally {
    await inputs?.close();
  }
}
