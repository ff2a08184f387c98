import { basename } from 'node:path';
import { StrataError, type ErrorCode } from '../../api/errors.js';
import { TiffError } from '../../core/formats/geotiff/index.js';

const CODES: Readonly<Record<TiffError['kind'], ErrorCode>> = {
  corrupt: 'CORRUPT_FILE',
  'too-large': 'TOO_LARGE',
  unsupported: 'UNSUPPORTED_FORMAT',
};

/** Turns what reading `path` threw into a StrataError naming only the file's base name. */
export function rasterError(err: unknown, path: string): StrataError {
  const file = basename(path);
  if (err instanceof StrataError) return err;
  if (err instanceof TiffError) return new StrataError(CODES[err.kind], { file, problem: err.problem });
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR')
    return new StrataError('FILE_NOT_FOUND', { file });
  return new StrataError('CORRUPT_FILE', { file, problem: 'unreadable' });
}
