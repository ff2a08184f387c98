import { basename } from 'node:path';
import { StrataError, type ErrorCode } from '../../api/errors.js';
import { FormatError } from '../../core/formats/format-error.js';

const CODES: Readonly<Record<FormatError['kind'], ErrorCode>> = {
  corrupt: 'CORRUPT_FILE',
  'too-large': 'TOO_LARGE',
  unsupported: 'UNSUPPORTED_FORMAT',
};

/** Turns what reading `path` threw into a StrataError naming only the file's base name. */
export function formatFileError(err: unknown, path: string): StrataError {
  const file = basename(path);
  if (err instanceof StrataError) return err;
  if (err instanceof FormatError)
    return new StrataError(CODES[err.kind], { ...err.params, file, problem: `problem.${err.problem}` });
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR')
    return new StrataError('FILE_NOT_FOUND', { file });
  return new StrataError('CORRUPT_FILE', { file, problem: 'problem.unreadable' });
}
